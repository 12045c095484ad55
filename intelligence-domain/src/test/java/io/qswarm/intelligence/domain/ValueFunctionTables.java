package io.qswarm.intelligence.domain;

import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.QTableCreated;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.valuefunction.CueScoring;
import io.qswarm.intelligence.valuefunction.Feature;
import io.qswarm.intelligence.valuefunction.FeatureSchema;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Intention-revealing factories for tables with a value function: a small market-like schema with a regime, a level
 * and a continuous signal, one spec of every kind over it, and the commands and events that create such tables.
 * Shared with other modules through the test jar.
 */
public final class ValueFunctionTables {

    public static final QTableId TABLE = QTableId.of("trader-1");
    public static final AgentId AGENT = AgentId.of("agent-1");
    public static final double ALPHA = 0.1;
    public static final double GAMMA = 0.95;

    public static final List<ActionSpec> ACTIONS =
            List.of(ActionSpec.of("flat", 0.0), ActionSpec.of("long", 0.1), ActionSpec.of("short", 0.1));

    /** The cues, the actions of a communication table. */
    public static final List<ActionSpec> CUES = List.of(
            ActionSpec.of("silent", 0.0),
            ActionSpec.of("positive", 0.1),
            ActionSpec.of("alert", 0.1),
            ActionSpec.of("persist", 0.0));

    /** {@code regime=calm|level=low|signal=0.3}: 2 × 3 × 4 (signal buckets) states. */
    public static final FeatureSchema MARKET = FeatureSchema.named(
            Feature.categorical("regime", "calm", "storm"),
            Feature.categorical("level", "low", "mid", "high"),
            Feature.numeric("signal", 0.0, 1.0, 4));

    public static final List<String> REGIMES = List.of("calm", "storm");
    public static final List<String> LEVELS = List.of("low", "mid", "high");

    private ValueFunctionTables() {}

    /** The flat table over the schema: state keys must fit it. */
    public static ValueFunctionSpec tabular() {
        return new ValueFunctionSpec.Tabular(MARKET, 3);
    }

    public static ValueFunctionSpec additive() {
        return new ValueFunctionSpec.Additive(MARKET, 3);
    }

    /**
     * The regime selects; calm looks at the level only (9 parameters: indices 0–8, {@code level·3 + action}), storm at
     * the level and the signal bucket (36 parameters: 9–44).
     */
    public static ValueFunctionSpec hierarchical() {
        return new ValueFunctionSpec.Hierarchical(
                MARKET, 3, "regime", List.of("level"), Map.of("storm", List.of("level", "signal")));
    }

    public static ValueFunctionSpec lowRank() {
        return new ValueFunctionSpec.LowRank(MARKET, 3, 2, 7L, 0.1);
    }

    public static ValueFunctionSpec cp() {
        return new ValueFunctionSpec.Cp(MARKET, 3, 2, 7L, 0.1);
    }

    public static ValueFunctionSpec tileCoding() {
        return new ValueFunctionSpec.TileCoding(MARKET, 3, 4, 64, Map.of("signal", 0.5));
    }

    public static ValueFunctionSpec communication() {
        return new ValueFunctionSpec.Communication(REGIMES, new CueScoring(0.0, 0.1, 0.2, List.of("storm")));
    }

    /** One spec of every kind. */
    public static List<ValueFunctionSpec> everyKind() {
        return List.of(tabular(), additive(), hierarchical(), lowRank(), cp(), tileCoding(), communication());
    }

    /** A Q-learning table with {@code spec}, constant epsilon 0.1. */
    public static CreateQTable aTable(ValueFunctionSpec spec) {
        return aTable(TABLE, spec, LearningRule.Q_LEARNING);
    }

    public static CreateQTable aTable(QTableId id, ValueFunctionSpec spec, LearningRule rule) {
        List<ActionSpec> actions = spec.kind() == ValueFunctionSpec.Kind.COMMUNICATION ? CUES : ACTIONS;
        return new CreateQTable(id, AGENT, actions, rule, ALPHA, GAMMA, ExplorationSchedule.constant(0.1), spec);
    }

    public static QTableCreated created(CreateQTable command) {
        return new QTableCreated(
                command.tableId(),
                command.agentId(),
                command.actions(),
                command.rule(),
                command.alpha(),
                command.gamma(),
                command.exploration(),
                command.valueFunction(),
                command.exploration().epsilonAt(0),
                command.valueFunctionSpec());
    }

    public static QTableCreated aTableCreated(ValueFunctionSpec spec) {
        return created(aTable(spec));
    }

    /** {@code regime=<regime>|level=<level>|signal=<signal>}. */
    public static StateKey market(String regime, String level, double signal) {
        return StateKey.of(
                "regime=" + regime + "|level=" + level + "|signal=" + String.format(Locale.ROOT, "%s", signal));
    }

    /** A communication context: {@code outcome=<loss|flat|gain>|regime=<regime>|shown=<none|positive|alert>}. */
    public static StateKey context(String outcome, String regime, String shown) {
        return StateKey.of("outcome=" + outcome + "|regime=" + regime + "|shown=" + shown);
    }

    public static Experience step(StateKey state, String action, double reward, StateKey next) {
        return Experience.transition(state, action, reward, next);
    }

    public static RecordExperiences batch(String key, Experience... experiences) {
        return new RecordExperiences(TABLE, key, List.of(experiences), true);
    }
}
