package io.qswarm.intelligence.domain;

import static io.qswarm.intelligence.domain.ValueFunctionTables.ALPHA;
import static io.qswarm.intelligence.domain.ValueFunctionTables.GAMMA;
import static io.qswarm.intelligence.domain.ValueFunctionTables.LEVELS;
import static io.qswarm.intelligence.domain.ValueFunctionTables.REGIMES;
import static io.qswarm.intelligence.domain.ValueFunctionTables.TABLE;
import static io.qswarm.intelligence.domain.ValueFunctionTables.aTable;
import static io.qswarm.intelligence.domain.ValueFunctionTables.created;
import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.ChangeExploration;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.MergePeerKnowledge;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerParameter;
import io.qswarm.intelligence.api.PeerParameters;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.learning.BatchLearner;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

/**
 * Laws of tables with a value function. Replay equals live: after every command the fixture rebuilds the aggregate
 * from all events and compares it deeply with the live instance. Parameter merges are idempotent and never count an
 * experience twice, however often two tables sync.
 */
class ValueFunctionTableProperties {

    private static final List<String> ACTIONS = List.of("flat", "long", "short");

    /** The factored kinds: additive (merges), hierarchical (merges), tile coding (merges), low-rank (refuses). */
    private static ValueFunctionSpec factored(int kind) {
        return List.of(
                        ValueFunctionTables.additive(),
                        ValueFunctionTables.hierarchical(),
                        ValueFunctionTables.tileCoding(),
                        ValueFunctionTables.lowRank())
                .get(kind);
    }

    @Property(tries = 40)
    void replayingTheEventsRebuildsTheLiveTable(
            @ForAll @IntRange(min = 0, max = 3) int kind,
            @ForAll LearningRule rule,
            @ForAll("commands") List<Object> commands) {
        ValueFunctionSpec spec = factored(kind);
        List<Object> history = new ArrayList<>();
        history.add(created(aTable(TABLE, spec, rule)));
        for (Object command : commands) {
            if (command instanceof MergePeerKnowledge merge
                    && !spec.mergeSupport().mergeable()) {
                continue;
            }
            Object sent = command instanceof MergePeerKnowledge merge ? withSpec(merge, spec) : command;
            var fixture = new AggregateTestFixture<>(QTable.class);
            var captured = new Capture();
            fixture.given(history).when(sent).expectSuccessfulHandlerExecution().expectEventsMatching(captured);
            captured.events.forEach(event -> history.add(event.getPayload()));
        }
    }

    @Property(tries = 100)
    void mergingTheSamePeerParametersTwiceChangesNothing(
            @ForAll @IntRange(min = 0, max = 2) int kind,
            @ForAll("experiences") List<Experience> learned,
            @ForAll("experiences") List<Experience> learnedByPeer,
            @ForAll("parameterMerges") MergeStrategy strategy) {
        // given a table and a peer of the same spec, each with its own experiences
        ValueFunctionSpec spec = factored(kind);
        FunctionTable local = trained(spec, learned);
        FunctionTable peer = trained(spec, learnedByPeer);
        PeerParameters sent = peer.export("peer-b");

        // when the peer's parameters are merged once
        FunctionTable.MergeOutcome once = local.merge(TABLE.value(), sent, strategy);
        local.applyMerge(once.changes(), TABLE.value());

        // then merging them again changes nothing
        FunctionTable.MergeOutcome twice = local.merge(TABLE.value(), sent, strategy);
        assertThat(twice.changes()).isEmpty();
        assertThat(twice.counts().unchanged()).isEqualTo(spec.parameterCount());
        // and every parameter counts the experiences of both origins once
        for (int j = 0; j < spec.parameterCount(); j++) {
            assertThat(local.knowledge(j, TABLE.value()).visitsByOrigin())
                    .isEqualTo(union(
                            trained(spec, learned).knowledge(j, TABLE.value()).visitsByOrigin(),
                            peer.knowledge(j, "peer-b").visitsByOrigin()));
        }
    }

    @Property(tries = 60)
    void repeatedTwoWaySyncNeverInflatesParameterVisits(
            @ForAll @IntRange(min = 0, max = 2) int kind,
            @ForAll @IntRange(min = 1, max = 12) int rounds,
            @ForAll("experiences") List<Experience> stepsOfA,
            @ForAll("experiences") List<Experience> stepsOfB,
            @ForAll("parameterMerges") MergeStrategy strategy) {
        ValueFunctionSpec spec = factored(kind);
        FunctionTable a = FunctionTable.of(spec);
        FunctionTable b = FunctionTable.of(spec);
        long[] realTouches = new long[spec.parameterCount()];
        for (int round = 0; round < rounds; round++) {
            // given each table learns its own experiences between syncs
            learn(a, stepsOfA, "a-" + round, realTouches);
            learn(b, stepsOfB, "b-" + round, realTouches);
            // when they sync both ways
            a.applyMerge(a.merge("a", b.export("b"), strategy).changes(), "a");
            b.applyMerge(b.merge("b", a.export("a"), strategy).changes(), "b");
        }
        // then both count every real experience that touched a parameter exactly once
        for (int j = 0; j < spec.parameterCount(); j++) {
            assertThat(a.knowledge(j, "a").visits()).isEqualTo(realTouches[j]);
            assertThat(b.knowledge(j, "b").visits()).isEqualTo(realTouches[j]);
        }
    }

    private static Map<String, Long> union(Map<String, Long> mine, Map<String, Long> theirs) {
        var union = new java.util.TreeMap<String, Long>(mine);
        theirs.forEach((origin, count) -> union.merge(origin, count, Math::max));
        return union;
    }

    private static FunctionTable trained(ValueFunctionSpec spec, List<Experience> experiences) {
        FunctionTable table = FunctionTable.of(spec);
        learn(table, experiences, "k", new long[spec.parameterCount()]);
        return table;
    }

    /** Learns a batch as the aggregate does (compute, then apply the recorded updates) and counts touches. */
    private static void learn(FunctionTable table, List<Experience> experiences, String key, long[] touches) {
        if (experiences.isEmpty()) {
            return;
        }
        var actions = new ActionSpace(ValueFunctionTables.ACTIONS);
        var parameters = new BatchLearner.Parameters(LearningRule.Q_LEARNING, actions, ALPHA, GAMMA, 0.1);
        List<AppliedUpdate> updates = table.learn(experiences, parameters);
        var function = table.spec().create();
        for (AppliedUpdate update : updates) {
            for (int j : function.touchedParameters(
                    table.spec().schema().parse(update.state()), actions.indexOf(update.action()))) {
                touches[j]++;
            }
        }
        table.apply(updates, actions, ALPHA, GAMMA);
    }

    private static MergePeerKnowledge withSpec(MergePeerKnowledge merge, ValueFunctionSpec spec) {
        // the generated merge carries placeholder values: resize them to the spec, deterministically
        List<PeerParameter> template = merge.parameters().values();
        var values = new ArrayList<PeerParameter>(spec.parameterCount());
        for (int j = 0; j < spec.parameterCount(); j++) {
            values.add(template.get(j % template.size()));
        }
        return MergePeerKnowledge.ofParameters(
                TABLE, merge.peer(), null, merge.strategy(), new PeerParameters(spec, values));
    }

    @Provide
    Arbitrary<List<Object>> commands() {
        Arbitrary<Object> command = Arbitraries.frequencyOf(
                Tuple.of(6, batches()), Tuple.of(3, merges()), Tuple.of(1, explorationChanges()));
        return command.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Experience>> experiences() {
        return experience().list().ofMaxSize(8);
    }

    private Arbitrary<Experience> experience() {
        return Combinators.combine(
                        states(),
                        Arbitraries.of(ACTIONS),
                        Arbitraries.doubles().between(-5, 5),
                        states(),
                        Arbitraries.of(ACTIONS),
                        Arbitraries.integers().between(0, 4))
                .as((s, a, r, next, nextAction, t) -> new Experience(s, a, r, Map.of(), next, nextAction, t == 0));
    }

    private Arbitrary<Object> batches() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 5),
                        experience().list().ofMinSize(1).ofMaxSize(6),
                        Arbitraries.of(true, false))
                .as((key, experiences, ends) -> new RecordExperiences(TABLE, "batch-" + key, experiences, ends));
    }

    /** Parameters are sized to the spec in the property ({@link #withSpec}); here a template of a few of them. */
    private Arbitrary<Object> merges() {
        Arbitrary<PeerParameter> parameter = Combinators.combine(
                        Arbitraries.doubles().between(-5, 5),
                        Arbitraries.maps(
                                        Arbitraries.of("peer-a", "peer-b", TABLE.value()),
                                        Arbitraries.longs().between(0, 3))
                                .ofMaxSize(2))
                .as(PeerParameter::new);
        var template = ValueFunctionTables.additive();
        return Combinators.combine(
                        Arbitraries.of("peer-a", "peer-b"),
                        parameterMerges(),
                        parameter.list().ofMinSize(1).ofMaxSize(5))
                .as((peer, strategy, values) -> {
                    var sized = new ArrayList<PeerParameter>();
                    for (int j = 0; j < template.parameterCount(); j++) {
                        sized.add(values.get(j % values.size()));
                    }
                    return (Object) MergePeerKnowledge.ofParameters(
                            TABLE, peer, null, strategy, new PeerParameters(template, sized));
                });
    }

    private Arbitrary<Object> explorationChanges() {
        return Arbitraries.doubles()
                .between(0.0, 1.0)
                .map(start -> new ChangeExploration(TABLE, ExplorationSchedule.exponential(start, 0.9, 0.0)));
    }

    private Arbitrary<StateKey> states() {
        return Combinators.combine(
                        Arbitraries.of(REGIMES), Arbitraries.of(LEVELS), Arbitraries.of(0.0, 0.2, 0.3, 0.55, 0.9, 1.0))
                .as(ValueFunctionTables::market);
    }

    /** Keeps the events a command produced. */
    private static final class Capture extends BaseMatcher<List<EventMessage<?>>> {
        final List<EventMessage<?>> events = new ArrayList<>();

        @Override
        @SuppressWarnings("unchecked")
        public boolean matches(Object actual) {
            events.addAll((List<EventMessage<?>>) actual);
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("any events");
        }
    }

    /** The table merges a value function's parameters accept: not the learning-rate merge (ADR 0014). */
    @Provide
    Arbitrary<MergeStrategy> parameterMerges() {
        return Arbitraries.of(MergeStrategy.VISIT_WEIGHTED_MEAN, MergeStrategy.MAX, MergeStrategy.MIN);
    }
}
