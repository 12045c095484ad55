package io.qswarm.benchmarks.bandit;

import io.qswarm.intelligence.bandit.BanditPosterior;
import io.qswarm.intelligence.bandit.LinUcb;
import io.qswarm.intelligence.bandit.LinearThompsonSampling;
import java.util.random.RandomGenerator;

/** How a runtime decides from a posterior: one of the bandit rules of the domain, with its parameter. */
public interface DecisionRule {

    int choose(BanditPosterior posterior, double[] x, RandomGenerator random);

    String name();

    static DecisionRule linUcb(double alpha) {
        var rule = new LinUcb(alpha);
        return new DecisionRule() {
            @Override
            public int choose(BanditPosterior posterior, double[] x, RandomGenerator random) {
                return rule.choose(posterior, x);
            }

            @Override
            public String name() {
                return "LinUCB α=" + alpha;
            }
        };
    }

    /** Linear Thompson sampling drawing each action's score {@code θ_kᵀx} (the fast, equivalent form). */
    static DecisionRule linTs(double scale) {
        var rule = new LinearThompsonSampling(scale);
        return new DecisionRule() {
            @Override
            public int choose(BanditPosterior posterior, double[] x, RandomGenerator random) {
                return rule.choose(posterior, x, random);
            }

            @Override
            public String name() {
                return "LinTS v=" + scale;
            }
        };
    }

    /** Linear Thompson sampling drawing each action's whole parameter vector {@code θ_k ~ N(θ̂_k, v²A_k⁻¹)}. */
    static DecisionRule linTsSampledParameters(double scale) {
        var rule = new LinearThompsonSampling(scale);
        return new DecisionRule() {
            @Override
            public int choose(BanditPosterior posterior, double[] x, RandomGenerator random) {
                return rule.chooseBySampledParameters(posterior, x, random);
            }

            @Override
            public String name() {
                return "LinTS (θ draws) v=" + scale;
            }
        };
    }
}
