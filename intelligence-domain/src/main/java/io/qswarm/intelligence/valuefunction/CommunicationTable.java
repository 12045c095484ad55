package io.qswarm.intelligence.valuefunction;

import io.qswarm.intelligence.api.Checks;
import java.util.Arrays;
import java.util.List;

/**
 * An agent's communication Q-table, after the seed stack's emotion layer: it learns from the task's rewards when to
 * emit a positive cue, an alert, or keep the current cue on display, instead of following hand-written rules.
 *
 * <p>Context (state, named layout): {@code outcome=<loss|flat|gain>} of the task's last reward,
 * {@code regime=<one of the declared regimes>} (e.g. the market mood), {@code shown=<none|positive|alert>}.
 * Actions: the {@link Cue}s in order. Each cue is judged by the task's next reward through {@link CueScoring}, and
 * learned one step at a time ({@code target = score}, no bootstrapping: a cue is a claim about the next step only),
 * with the tabular rule {@code Q ← Q + α·(score − Q)}. The greedy cue breaks ties toward silence (declaration order).
 *
 * <p>Parameters: {@code Q[s·4 + cue]}, {@code s} the row-major context index. Mergeable like any tabular table.
 */
public final class CommunicationTable extends ArrayValueFunction {

    public static final List<String> OUTCOMES = List.of("loss", "flat", "gain");

    private final ValueFunctionSpec.Communication spec;

    CommunicationTable(ValueFunctionSpec.Communication spec, double[] theta) {
        super(spec, theta);
        this.spec = spec;
    }

    /** A fresh table (all cues worth 0, so silent until a cue proves itself). */
    public static CommunicationTable create(List<String> regimes, CueScoring scoring) {
        return (CommunicationTable) new ValueFunctionSpec.Communication(regimes, scoring).create();
    }

    /** The context schema for the given regimes. */
    public static FeatureSchema schemaFor(List<String> regimes) {
        return FeatureSchema.named(
                Feature.categorical("outcome", OUTCOMES),
                Feature.categorical("regime", regimes),
                Feature.categorical(
                        "shown",
                        Arrays.stream(Cue.Shown.values()).map(Cue.Shown::key).toList()));
    }

    /** The context after a task reward {@code lastReward}, in {@code regime}, with {@code shown} on display. */
    public StateFeatures context(double lastReward, String regime, Cue.Shown shown) {
        Checks.required("shown", shown);
        int regimeIndex = spec.regimes().indexOf(regime);
        if (regimeIndex < 0) {
            throw new IllegalArgumentException("unknown regime '" + regime + "'; declared: " + spec.regimes());
        }
        return schema().of(OUTCOMES.indexOf(spec.scoring().outcome(lastReward)), regimeIndex, shown.ordinal());
    }

    /** The greedy cue in {@code context}; ties go to the earlier cue (silent first). */
    public Cue cue(StateFeatures context) {
        double[] values = values(context);
        int best = 0;
        for (int a = 1; a < values.length; a++) {
            if (values[a] > values[best]) {
                best = a;
            }
        }
        return Cue.ofAction(best);
    }

    /** Learns from having emitted {@code cue} in {@code context} when the task's next reward was {@code nextReward}. */
    public ValueChange learn(StateFeatures context, Cue cue, double nextReward, double alpha) {
        Checks.required("cue", cue);
        checkQuery(context, cue.action());
        String regime = spec.regimes().get(context.index(1));
        Cue.Shown shown = Cue.Shown.values()[context.index(2)];
        return update(context, cue.action(), spec.scoring().score(cue, shown, regime, nextReward), alpha);
    }

    @Override
    public double value(StateFeatures state, int action) {
        checkQuery(state, action);
        return theta[index(state, action)];
    }

    @Override
    public ValueChange update(StateFeatures state, int action, double target, double alpha) {
        checkUpdate(state, action, target, alpha);
        int index = index(state, action);
        double old = theta[index];
        ValueChange change = finite(old, old + alpha * (target - old));
        theta[index] = change.newValue();
        return change;
    }

    @Override
    public int[] touchedParameters(StateFeatures state, int action) {
        checkQuery(state, action);
        return new int[] {index(state, action)};
    }

    private int index(StateFeatures state, int action) {
        return (int) schema().jointIndex(state) * Cue.values().length + action;
    }
}
