package io.qswarm.intelligence.domain;

import static io.qswarm.intelligence.fixtures.QTableFixtures.TABLE;
import static io.qswarm.intelligence.fixtures.QTableFixtures.aRoutingTable;
import static io.qswarm.intelligence.fixtures.QTableFixtures.created;

import io.qswarm.intelligence.api.ChangeExploration;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.MergePeerKnowledge;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.StateKey;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

/**
 * Random command sequences against the aggregate. After every command the fixture rebuilds the aggregate from all
 * events and compares it field by field with the live instance, failing on any difference: replay equals live.
 */
class QTableProperties {

    private static final List<String> ACTIONS = List.of("direct_answer", "context_answer", "consult_peer", "escalate");

    @Property(tries = 60)
    void replayingTheEventsRebuildsTheLiveTable(@ForAll LearningRule rule, @ForAll("commands") List<Object> commands) {
        List<Object> history = new ArrayList<>();
        history.add(created(aRoutingTable(TABLE, rule)));
        for (Object command : commands) {
            var fixture = new AggregateTestFixture<>(QTable.class);
            var captured = new Capture();
            fixture.given(history)
                    .when(command)
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(captured);
            captured.events.forEach(event -> history.add(event.getPayload()));
        }
    }

    @Provide
    Arbitrary<List<Object>> commands() {
        Arbitrary<Object> command = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, batches()),
                net.jqwik.api.Tuple.of(3, merges()),
                net.jqwik.api.Tuple.of(1, explorationChanges()));
        return command.list().ofMinSize(1).ofMaxSize(8);
    }

    private Arbitrary<Object> batches() {
        Arbitrary<Experience> experience = Combinators.combine(
                        states(),
                        Arbitraries.of(ACTIONS),
                        Arbitraries.doubles().between(-5, 5),
                        states(),
                        Arbitraries.of(ACTIONS),
                        Arbitraries.integers().between(0, 4))
                .as((s, a, r, next, nextAction, t) ->
                        new Experience(s, a, r, java.util.Map.of(), next, nextAction, t == 0));
        return Combinators.combine(
                        Arbitraries.integers().between(0, 5),
                        experience.list().ofMinSize(1).ofMaxSize(6),
                        Arbitraries.of(true, false))
                .as((key, experiences, ends) -> new RecordExperiences(TABLE, "batch-" + key, experiences, ends));
    }

    private Arbitrary<Object> merges() {
        Arbitrary<PeerEntry> entry = Combinators.combine(
                        states(),
                        Arbitraries.of(ACTIONS),
                        Arbitraries.doubles().between(-5, 5),
                        Arbitraries.longs().between(0, 20))
                .as((s, a, q, v) -> new PeerEntry(s, a, q, v, java.util.Map.of()));
        return Combinators.combine(
                        Arbitraries.of("peer-a", "peer-b"),
                        Arbitraries.of(MergeStrategy.class),
                        entry.list().ofMinSize(1).ofMaxSize(6).uniqueElements(e -> e.state() + "/" + e.action()))
                .as((peer, strategy, entries) -> new MergePeerKnowledge(TABLE, peer, null, strategy, entries));
    }

    private Arbitrary<Object> explorationChanges() {
        return Arbitraries.doubles()
                .between(0.0, 1.0)
                .map(start -> new ChangeExploration(TABLE, ExplorationSchedule.exponential(start, 0.9, 0.0)));
    }

    private Arbitrary<StateKey> states() {
        return Arbitraries.of("s0", "s1", "s2", "s3").map(StateKey::of);
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
}
