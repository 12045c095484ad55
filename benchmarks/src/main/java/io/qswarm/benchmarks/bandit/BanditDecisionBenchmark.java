package io.qswarm.benchmarks.bandit;

import io.qswarm.intelligence.bandit.BanditPosterior;
import io.qswarm.intelligence.bandit.LinUcb;
import io.qswarm.intelligence.bandit.LinearThompsonSampling;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decisions per second on one core at {@code d = 32}, {@code K = 10}: what the caller's runtime spends to choose an
 * action from a trained posterior (2,000 observations spread over the actions). Contexts cycle through 1,024
 * pre-drawn unit vectors; the generator is seeded.
 *
 * <ul>
 *   <li>{@code linUcbDecision}: {@code argmax θ̂_kᵀx + α·sqrt(xᵀA_k⁻¹x)};
 *   <li>{@code linTsDecision}: one score draw {@code N(θ̂_kᵀx, v²xᵀA_k⁻¹x)} per action (the form the runtime uses);
 *   <li>{@code linTsDecisionByParameterDraws}: the literal form, {@code θ_k ~ N(θ̂_k, v²A_k⁻¹)} per action, with a
 *       Cholesky factorisation of every {@code A_k⁻¹} per decision;
 *   <li>{@code linTsPropensities}: the exact LinTS propensities of all actions (quadrature), logged with a decision;
 *   <li>{@code linTsDecideAndLearn}: a decision plus the Sherman–Morrison update of the chosen action's posterior
 *       and its origin statistics (a full online step without I/O).
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class BanditDecisionBenchmark {

    private static final int CONTEXTS = 1024;

    @Param("32")
    public int dimension;

    @Param("10")
    public int actions;

    @Param("2000")
    public int observations;

    private LinearBanditProblem problem;
    private BanditPosterior posterior;
    private double[][] contexts;
    private int next;
    private LinUcb linUcb;
    private LinearThompsonSampling linTs;
    private SplittableRandom random;

    @Setup(Level.Trial)
    public void setUp() {
        problem = new LinearBanditProblem(dimension, actions, 0.1, 7);
        posterior = new BanditPosterior(problem.actionNames(), dimension, 0.1);
        var training = new SplittableRandom(11);
        for (int i = 0; i < observations; i++) {
            double[] x = problem.context(training);
            int k = training.nextInt(actions);
            posterior.observe("train", k, x, problem.reward(k, x, training));
        }
        contexts = new double[CONTEXTS][];
        for (int i = 0; i < CONTEXTS; i++) {
            contexts[i] = problem.context(training);
        }
        linUcb = new LinUcb(BanditProofParameters.DEFAULT_ALPHA);
        linTs = new LinearThompsonSampling(BanditProofParameters.DEFAULT_SCALE);
        random = new SplittableRandom(13);
    }

    private double[] nextContext() {
        double[] x = contexts[next];
        next = (next + 1) & (CONTEXTS - 1);
        return x;
    }

    @Benchmark
    public int linUcbDecision() {
        return linUcb.choose(posterior, nextContext());
    }

    @Benchmark
    public int linTsDecision() {
        return linTs.choose(posterior, nextContext(), random);
    }

    @Benchmark
    public int linTsDecisionByParameterDraws() {
        return linTs.chooseBySampledParameters(posterior, nextContext(), random);
    }

    @Benchmark
    public double[] linTsPropensities() {
        return linTs.propensities(posterior, nextContext());
    }

    @Benchmark
    public int linTsDecideAndLearn() {
        double[] x = nextContext();
        int action = linTs.choose(posterior, x, random);
        posterior.observe("online", action, x, problem.reward(action, x, random));
        return action;
    }
}
