package io.qswarm.intelligence.bandit;

import io.qswarm.intelligence.bandit.api.BanditAlgorithm;
import io.qswarm.intelligence.bandit.api.BanditPolicyCreated;
import io.qswarm.intelligence.bandit.api.BanditPolicyId;
import io.qswarm.intelligence.bandit.api.CreateBanditPolicy;
import io.qswarm.intelligence.bandit.api.DecisionSource;
import io.qswarm.intelligence.bandit.api.DefaultPolicy;
import io.qswarm.intelligence.bandit.api.DriftGuard;
import io.qswarm.intelligence.bandit.api.LoggedInteraction;
import io.qswarm.intelligence.bandit.api.RecordBanditDecision;
import java.util.ArrayList;
import java.util.List;

/** Intention-revealing factories for bandit tests. */
public final class BanditFixtures {

    public static final BanditPolicyId POLICY = BanditPolicyId.of("router-bandit");
    public static final List<String> ACTIONS = List.of("cache", "index", "scan");
    public static final int DIMENSION = 3;
    public static final double RIDGE = 1.0;
    public static final double SCALE = 0.1;
    public static final DefaultPolicy DEFAULT = DefaultPolicy.fixed("scan");

    private BanditFixtures() {}

    /** A LinTS policy over three actions and three features, without drift guard. */
    public static CreateBanditPolicy aPolicy() {
        return aPolicy(null);
    }

    public static CreateBanditPolicy aPolicy(DriftGuard guard) {
        return new CreateBanditPolicy(POLICY, ACTIONS, DIMENSION, RIDGE, BanditAlgorithm.LIN_TS, SCALE, DEFAULT, guard);
    }

    public static BanditPolicyCreated created(CreateBanditPolicy command) {
        return new BanditPolicyCreated(
                command.policyId(),
                command.actions(),
                command.dimension(),
                command.ridge(),
                command.algorithm(),
                command.explorationScale(),
                command.defaultPolicy(),
                command.driftGuard());
    }

    public static BanditPolicyCreated aPolicyCreated() {
        return created(aPolicy());
    }

    public static List<Double> context(double... values) {
        var out = new ArrayList<Double>(values.length);
        for (double value : values) {
            out.add(value);
        }
        return out;
    }

    public static RecordBanditDecision modelDecision(String id, String action, double... x) {
        return new RecordBanditDecision(POLICY, id, context(x), action, 0.5, 0, DecisionSource.MODEL);
    }

    public static LoggedInteraction logged(String action, double reward, double... x) {
        return new LoggedInteraction(context(x), action, reward, 1.0 / ACTIONS.size());
    }

    /** The prior of the fixtures' policy. */
    public static BanditPosterior aPrior() {
        return new BanditPosterior(ACTIONS, DIMENSION, RIDGE);
    }
}
