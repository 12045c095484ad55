package io.qswarm.intelligence.bandit;

import java.util.List;

/**
 * Estimates the value {@code V(π) = E_x[Σ_a π(a|x)·E[r | x, a]]} of a target policy {@code π} from interactions
 * logged by another policy with known propensities {@code p_i = μ(a_i | x_i)}. With {@code w_i = π(a_i|x_i) / p_i}:
 *
 * <pre>
 *   IPS   V̂ = (1/n) Σ w_i r_i
 *   SNIPS V̂ = Σ w_i r_i / Σ w_i
 *   DR    V̂ = (1/n) Σ [ Σ_a π(a|x_i) r̂(x_i, a) + w_i (r_i − r̂(x_i, a_i)) ]
 * </pre>
 *
 * DR's reward model {@code r̂(x, a) = θ̂_aᵀx} is a ridge regression per action, cross-fitted: the log is split into
 * folds by index and each fold is scored with the model fitted on the others, so no sample corrects its own
 * prediction. IPS and DR are unbiased when the propensities are right (DR also when they are wrong but the model is
 * right); standard errors are the sample standard deviation of the per-sample terms over {@code √n}.
 */
public final class OffPolicyEvaluation {

    private OffPolicyEvaluation() {}

    /** An estimate with its standard error over {@code samples} logged interactions. */
    public record Estimate(double value, double standardError, int samples) {}

    public static Estimate inversePropensityScoring(List<LoggedSample> log, TargetPolicy target, int actions) {
        requireSamples(log);
        var pi = new double[actions];
        var terms = new double[log.size()];
        for (int i = 0; i < terms.length; i++) {
            LoggedSample sample = log.get(i);
            target.probabilities(sample.context(), pi);
            terms[i] = pi[sample.action()] / sample.propensity() * sample.reward();
        }
        return meanOf(terms);
    }

    public static Estimate selfNormalizedInversePropensityScoring(
            List<LoggedSample> log, TargetPolicy target, int actions) {
        requireSamples(log);
        var pi = new double[actions];
        var weights = new double[log.size()];
        double weightSum = 0;
        double weightedRewardSum = 0;
        for (int i = 0; i < weights.length; i++) {
            LoggedSample sample = log.get(i);
            target.probabilities(sample.context(), pi);
            weights[i] = pi[sample.action()] / sample.propensity();
            weightSum += weights[i];
            weightedRewardSum += weights[i] * sample.reward();
        }
        if (weightSum == 0) {
            throw new IllegalArgumentException("the target policy never takes a logged action: no overlap");
        }
        double value = weightedRewardSum / weightSum;
        double variance = 0;
        for (int i = 0; i < weights.length; i++) {
            double term = weights[i] * (log.get(i).reward() - value);
            variance += term * term;
        }
        double meanWeight = weightSum / weights.length;
        double standardError = Math.sqrt(variance) / weights.length / meanWeight;
        return new Estimate(value, standardError, weights.length);
    }

    /** Doubly robust with a {@code folds}-fold cross-fitted ridge reward model ({@code λ = ridge}). */
    public static Estimate doublyRobust(
            List<LoggedSample> log, TargetPolicy target, int actions, double ridge, int folds) {
        requireSamples(log);
        if (folds < 2 || folds > log.size()) {
            throw new IllegalArgumentException("folds must be in [2, " + log.size() + "], was " + folds);
        }
        int d = log.get(0).context().length;
        var models = new BanditPosterior[folds];
        var names = new java.util.ArrayList<String>();
        for (int a = 0; a < actions; a++) {
            names.add("a" + a);
        }
        for (int f = 0; f < folds; f++) {
            models[f] = new BanditPosterior(names, d, ridge);
        }
        for (int i = 0; i < log.size(); i++) {
            LoggedSample sample = log.get(i);
            for (int f = 0; f < folds; f++) {
                if (i % folds != f) {
                    models[f].view(sample.action()).observe(sample.context(), sample.reward());
                }
            }
        }
        var pi = new double[actions];
        var terms = new double[log.size()];
        for (int i = 0; i < terms.length; i++) {
            LoggedSample sample = log.get(i);
            BanditPosterior model = models[i % folds];
            target.probabilities(sample.context(), pi);
            double direct = 0;
            for (int a = 0; a < actions; a++) {
                if (pi[a] != 0) {
                    direct += pi[a] * model.meanReward(a, sample.context());
                }
            }
            double predicted = model.meanReward(sample.action(), sample.context());
            terms[i] = direct + pi[sample.action()] / sample.propensity() * (sample.reward() - predicted);
        }
        return meanOf(terms);
    }

    private static void requireSamples(List<LoggedSample> log) {
        if (log.isEmpty()) {
            throw new IllegalArgumentException("the log is empty");
        }
    }

    private static Estimate meanOf(double[] terms) {
        double sum = 0;
        for (double term : terms) {
            sum += term;
        }
        double mean = sum / terms.length;
        double squares = 0;
        for (double term : terms) {
            squares += (term - mean) * (term - mean);
        }
        double sd = terms.length > 1 ? Math.sqrt(squares / (terms.length - 1)) : 0.0;
        return new Estimate(mean, sd / Math.sqrt(terms.length), terms.length);
    }
}
