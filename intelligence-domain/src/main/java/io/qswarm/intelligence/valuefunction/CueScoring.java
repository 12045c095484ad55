package io.qswarm.intelligence.valuefunction;

import io.qswarm.intelligence.api.Checks;
import java.util.List;
import java.util.TreeSet;

/**
 * How a cue is rewarded from the task's reward on the next step, {@code r}: a cue is a claim about the next outcome
 * ({@code gain} when {@code r > threshold}, {@code loss} when {@code r < −threshold}, {@code flat} otherwise), scored
 * +1 when the outcome bears it out, −1 when the outcome contradicts it, 0 when flat.
 *
 * <ul>
 *   <li>{@code silent}: 0 — saying nothing is neither right nor wrong;
 *   <li>{@code positive}: +1 on a gain, −1 on a loss, minus {@code cueCost};
 *   <li>{@code alert}: +1 on a loss, −1 on a gain, minus {@code cueCost}, plus {@code alertBonus} in a risky regime
 *       (the seed's reward-shaping hook that biases alerts toward risky regimes);
 *   <li>{@code persist}: the score of the cue on display as if emitted again, but without {@code cueCost}
 *       (lingering is cheaper than a fresh cue); with nothing on display, {@code −cueCost}.
 * </ul>
 *
 * So a cue pays only when the table expects it to be right more often than wrong by more than its cost: the learned
 * greedy cue emits positive where gains are likely, alerts where losses are, and stays silent where it cannot tell.
 */
public record CueScoring(double threshold, double cueCost, double alertBonus, List<String> riskyRegimes) {

    public CueScoring {
        Checks.inRange("threshold", threshold, 0, Double.MAX_VALUE);
        Checks.inRange("cueCost", cueCost, 0, 1);
        Checks.inRange("alertBonus", alertBonus, 0, 1);
        Checks.required("riskyRegimes", riskyRegimes);
        riskyRegimes = List.copyOf(new TreeSet<>(riskyRegimes));
    }

    /** The outcome of a task reward: {@code loss}, {@code flat} or {@code gain}. */
    public String outcome(double reward) {
        Checks.finite("reward", reward);
        if (reward > threshold) {
            return "gain";
        }
        return reward < -threshold ? "loss" : "flat";
    }

    /** The reward of emitting {@code cue} in {@code regime} while {@code shown} is shown, given the next reward. */
    public double score(Cue cue, Cue.Shown shown, String regime, double nextReward) {
        String outcome = outcome(nextReward);
        return switch (cue) {
            case SILENT -> 0.0;
            case POSITIVE -> claim(Cue.Shown.POSITIVE, outcome, regime) - cueCost;
            case ALERT -> claim(Cue.Shown.ALERT, outcome, regime) - cueCost;
            case PERSIST -> shown == Cue.Shown.NONE ? -cueCost : claim(shown, outcome, regime);
        };
    }

    private double claim(Cue.Shown claim, String outcome, String regime) {
        String bornOut = claim == Cue.Shown.POSITIVE ? "gain" : "loss";
        String contradicted = claim == Cue.Shown.POSITIVE ? "loss" : "gain";
        double score = outcome.equals(bornOut) ? 1.0 : outcome.equals(contradicted) ? -1.0 : 0.0;
        if (claim == Cue.Shown.ALERT && riskyRegimes.contains(regime)) {
            score += alertBonus;
        }
        return score;
    }
}
