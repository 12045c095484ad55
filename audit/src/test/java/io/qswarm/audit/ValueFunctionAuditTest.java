package io.qswarm.audit;

import static io.qswarm.intelligence.domain.ValueFunctionTables.LEVELS;
import static io.qswarm.intelligence.domain.ValueFunctionTables.REGIMES;
import static io.qswarm.intelligence.domain.ValueFunctionTables.aTable;
import static io.qswarm.intelligence.domain.ValueFunctionTables.market;
import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.ChangeExploration;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.MergeCounts;
import io.qswarm.intelligence.api.MergePeerKnowledge;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.MergedEntry;
import io.qswarm.intelligence.api.MergedParameter;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.PeerParameter;
import io.qswarm.intelligence.api.PeerParameters;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.QTableMerged;
import io.qswarm.intelligence.api.QTableUpdated;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.api.ValueFunctionKind;
import io.qswarm.intelligence.domain.FunctionTable;
import io.qswarm.intelligence.domain.QTable;
import io.qswarm.intelligence.domain.ValueFunctionTables;
import io.qswarm.intelligence.integrity.HashChain;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.assertj.core.util.introspection.PropertyOrFieldSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit of tables with a value function: it replays the function its spec creates in event order and recomputes
 * every bootstrap, oldQ and newQ bit for bit, and every parameter merge from the recorded peer input. Events come from
 * the real aggregate on an in-memory store; tampering edits them (and forges the chain after the edit, so only the
 * recomputation can find it).
 */
class ValueFunctionAuditTest {

    private static final List<String> ACTIONS = List.of("flat", "long", "short");

    private InMemoryTables tables;

    @BeforeEach
    void setUp() {
        tables = new InMemoryTables();
    }

    @AfterEach
    void tearDown() {
        tables.close();
    }

    /**
     * Creates {@code id} with {@code spec}, records 6 batches of 10 random experiences, merges a peer's parameters
     * after the second (when the kind merges) and changes the exploration schedule after the fourth.
     */
    private List<StoredEvent> aTableWithHistory(QTableId id, ValueFunctionSpec spec, long seed) {
        tables.commands().sendAndWait(aTable(id, spec, LearningRule.EXPECTED_SARSA));
        var random = new SplittableRandom(seed);
        boolean communication = spec.kind() == ValueFunctionSpec.Kind.COMMUNICATION;
        for (int b = 0; b < 6; b++) {
            var steps = new ArrayList<Experience>();
            for (int i = 0; i < 10; i++) {
                steps.add(communication ? aCue(random) : aMarketStep(random));
            }
            tables.commands().sendAndWait(new RecordExperiences(id, "b-" + b, steps, random.nextBoolean()));
            if (b == 1 && spec.kind() == ValueFunctionSpec.Kind.TABULAR) {
                tables.commands()
                        .sendAndWait(new MergePeerKnowledge(
                                id,
                                "peer-b",
                                "round-1",
                                MergeStrategy.VISIT_WEIGHTED_MEAN,
                                List.of(new PeerEntry(aMarketState(random), "long", 0.5, 3, Map.of()))));
            } else if (b == 1 && spec.mergeSupport().mergeable()) {
                tables.commands()
                        .sendAndWait(MergePeerKnowledge.ofParameters(
                                id, "peer-b", "round-1", MergeStrategy.VISIT_WEIGHTED_MEAN, aPeer(spec, random)));
            }
            if (b == 3) {
                tables.commands()
                        .sendAndWait(new ChangeExploration(id, ExplorationSchedule.exponential(0.5, 0.9, 0.05)));
            }
        }
        return tables.events(id);
    }

    private static Experience aMarketStep(SplittableRandom random) {
        StateKey state = aMarketState(random);
        String action = ACTIONS.get(random.nextInt(3));
        double reward = random.nextDouble(-2, 2);
        return random.nextInt(6) == 0
                ? Experience.terminal(state, action, reward)
                : Experience.transition(state, action, reward, aMarketState(random));
    }

    private static StateKey aMarketState(SplittableRandom random) {
        return market(
                REGIMES.get(random.nextInt(2)),
                LEVELS.get(random.nextInt(3)),
                List.of(0.0, 0.1, 0.35, 0.6, 0.95, 1.0).get(random.nextInt(6)));
    }

    private static Experience aCue(SplittableRandom random) {
        StateKey context = ValueFunctionTables.context(
                List.of("loss", "flat", "gain").get(random.nextInt(3)),
                REGIMES.get(random.nextInt(2)),
                List.of("none", "positive", "alert").get(random.nextInt(3)));
        return Experience.terminal(
                context,
                List.of("silent", "positive", "alert", "persist").get(random.nextInt(4)),
                random.nextDouble(-1.2, 1.2));
    }

    private static PeerParameters aPeer(ValueFunctionSpec spec, SplittableRandom random) {
        var values = new ArrayList<PeerParameter>();
        for (int j = 0; j < spec.parameterCount(); j++) {
            values.add(
                    random.nextInt(3) == 0
                            ? new PeerParameter(random.nextDouble(-1, 1), Map.of("peer-b", 1L + random.nextInt(4)))
                            : new PeerParameter(0.0, Map.of()));
        }
        return new PeerParameters(spec, values);
    }

    @Test
    void aHierarchicalTableAuditsCleanAndItsParametersDigestIsTheAggregates() {
        // given a hierarchical table that learned, merged and changed its schedule
        var id = QTableId.of("hierarchical-1");
        List<StoredEvent> events = aTableWithHistory(id, ValueFunctionTables.hierarchical(), 1);

        // when its events are audited
        AuditReport report = InMemoryTables.audit(events);

        // then every recorded value follows from the facts
        assertThat(report.clean()).as(report.summary()).isTrue();
        TableResult result = report.tables().get(0);
        assertThat(result.valueFunction()).isEqualTo(ValueFunctionKind.HIERARCHICAL);
        assertThat(result.events()).isEqualTo(9);
        assertThat(result.updates()).isEqualTo(60);
        assertThat(result.merges()).isEqualTo(1);
        // and the replayed parameters are bit for bit those of the live aggregate
        QTable live = tables.load(id);
        var function = (FunctionTable) PropertyOrFieldSupport.EXTRACTION.getValueOf("function", live);
        assertThat(result.parametersSha256()).isEqualTo(function.parameters().sha256());
        assertThat(result.sha256()).hasSize(64);
    }

    @Test
    void everyKindAuditsClean() {
        int n = 0;
        for (ValueFunctionSpec spec : ValueFunctionTables.everyKind()) {
            var id = QTableId.of("kind-" + n++);
            AuditReport report = InMemoryTables.audit(aTableWithHistory(id, spec, n));

            assertThat(report.clean())
                    .as(spec.describe() + "\n" + report.summary())
                    .isTrue();
            assertThat(report.updates()).isEqualTo(60);
            assertThat(report.tables().get(0).valueFunction().name())
                    .isEqualTo(spec.kind().name());
        }
    }

    @Test
    void aTamperedNewQIsNamedAtItsPositionEvenWhenTheChainIsForged() {
        // given a clean hierarchical history
        List<StoredEvent> events = aTableWithHistory(QTableId.of("forged"), ValueFunctionTables.hierarchical(), 2);
        int at = sequenceOfUpdated(events, 4);
        var batch = (QTableUpdated) events.get(at).payload();
        double recorded = batch.updates().get(3).newQ();

        // when the newQ of its fourth update in the batch at sequence 4 is changed and every later hash is forged
        List<StoredEvent> tampered = forged(events, at, payload -> withUpdate(batch, 3, u -> withNewQ(u, 42.0)));

        // then the chain holds, but the replayed function computes another newQ, named at its position
        Discrepancy found = InMemoryTables.audit(tampered).firstDiscrepancy();
        assertThat(found.globalIndex()).isEqualTo(events.get(at).globalIndex());
        assertThat(found.sequence()).isEqualTo(4);
        assertThat(found.field()).isEqualTo("updates[3].newQ");
        assertThat(found.expected()).isEqualTo(String.valueOf(recorded));
        assertThat(found.recorded()).isEqualTo("42.0");
    }

    @Test
    void anEditWithoutForgingBreaksTheChainAtThatEvent() {
        List<StoredEvent> events = aTableWithHistory(QTableId.of("edited"), ValueFunctionTables.additive(), 3);
        int at = sequenceOfUpdated(events, 4);
        var batch = (QTableUpdated) events.get(at).payload();
        var edited = new ArrayList<>(events);
        StoredEvent original = events.get(at);
        edited.set(
                at,
                new StoredEvent(
                        original.globalIndex(),
                        original.tableId(),
                        original.sequence(),
                        original.timestamp(),
                        withUpdate(batch, 0, u -> withNewQ(u, 42.0)),
                        original.metadata(),
                        null));

        Discrepancy found = InMemoryTables.audit(edited).firstDiscrepancy();

        assertThat(found.sequence()).isEqualTo(4);
        assertThat(found.field()).isEqualTo(HashChain.HASH);
    }

    @Test
    void aBootstrapThatDoesNotFollowFromTheReplayedFunctionIsNamed() {
        List<StoredEvent> events = aTableWithHistory(QTableId.of("bootstrap"), ValueFunctionTables.tileCoding(), 4);
        int at = sequenceOfUpdated(events, 2);
        var batch = (QTableUpdated) events.get(at).payload();
        int nonTerminal = 0;
        while (batch.updates().get(nonTerminal).terminal()) {
            nonTerminal++;
        }
        int index = nonTerminal;

        List<StoredEvent> tampered =
                forged(events, at, payload -> withUpdate(batch, index, u -> withBootstrap(u, u.bootstrap() + 1e-9)));

        assertThat(InMemoryTables.audit(tampered).firstDiscrepancy().field())
                .isEqualTo("updates[" + index + "].bootstrap");
    }

    @Test
    void aStateKeyOutsideTheSchemaIsNamed() {
        List<StoredEvent> events = aTableWithHistory(QTableId.of("outside"), ValueFunctionTables.hierarchical(), 5);
        int at = sequenceOfUpdated(events, 1);
        var batch = (QTableUpdated) events.get(at).payload();

        List<StoredEvent> tampered = forged(
                events,
                at,
                payload -> withUpdate(batch, 0, u -> withState(u, StateKey.of("regime=fog|level=low|signal=0.5"))));

        Discrepancy found = InMemoryTables.audit(tampered).firstDiscrepancy();
        assertThat(found.field()).isEqualTo("updates[0].state");
        assertThat(found.expected()).contains("feature regime has no value 'fog'");
    }

    @Test
    void aLearningRateMergeAuditsCleanAtTheTablesAlphaAndATamperedOneIsNamed() {
        // given a flat table that learned one entry twice, then took a peer's 3 new experiences at its own α
        var id = QTableId.of("learning-rate");
        StateKey state = market("calm", "low", 0.35);
        tables.commands().sendAndWait(aTable(id, ValueFunctionTables.tabular(), LearningRule.Q_LEARNING));
        tables.commands()
                .sendAndWait(new RecordExperiences(
                        id,
                        "b-0",
                        List.of(Experience.terminal(state, "long", 1.0), Experience.terminal(state, "long", 1.0)),
                        true));
        tables.commands()
                .sendAndWait(new MergePeerKnowledge(
                        id,
                        "peer-b",
                        "round-1",
                        MergeStrategy.LEARNING_RATE,
                        List.of(new PeerEntry(state, "long", 0.5, 3, Map.of()))));
        List<StoredEvent> events = tables.events(id);
        assertThat(InMemoryTables.audit(events).clean()).isTrue();

        // when the merged value is edited and the chain forged to match
        int at = indexOf(events, QTableMerged.class);
        var merge = (QTableMerged) events.get(at).payload();
        MergedEntry first = merge.changes().get(0);
        assertThat(first.qBefore()).isNotEqualTo(first.qAfter()).isNotEqualTo(0.5); // a step, not a copy
        MergedEntry edited = new MergedEntry(
                first.state(),
                first.action(),
                first.added(),
                first.qBefore(),
                first.qAfter() + 0.25,
                first.visitsBefore(),
                first.visitsAfter(),
                first.peerQ(),
                first.peerVisits());
        List<StoredEvent> tampered = forged(
                events,
                at,
                payload -> new QTableMerged(
                        merge.tableId(),
                        merge.peer(),
                        merge.round(),
                        merge.strategy(),
                        List.of(edited),
                        merge.rejected(),
                        merge.counts()));

        // then the auditor recomputes the step at the table's α and names the field
        Discrepancy found = InMemoryTables.audit(tampered).firstDiscrepancy();
        assertThat(found.field()).isEqualTo("changes[0].qAfter");
        assertThat(found.expected()).isEqualTo(String.valueOf(first.qAfter()));
    }

    @Test
    void aTamperedParameterMergeIsNamed() {
        List<StoredEvent> events = aTableWithHistory(QTableId.of("merge"), ValueFunctionTables.hierarchical(), 6);
        int at = indexOf(events, QTableMerged.class);
        var merge = (QTableMerged) events.get(at).payload();
        MergedParameter first = merge.parameterChanges().get(0);
        var changes = new ArrayList<>(merge.parameterChanges());
        changes.set(
                0,
                new MergedParameter(
                        first.index(),
                        first.added(),
                        first.before(),
                        first.after() + 0.5,
                        first.visitsBefore(),
                        first.visitsAfter(),
                        first.peerValue(),
                        first.peerVisits()));

        List<StoredEvent> tampered = forged(
                events,
                at,
                payload -> new QTableMerged(
                        merge.tableId(),
                        merge.peer(),
                        merge.round(),
                        merge.strategy(),
                        merge.changes(),
                        merge.rejected(),
                        merge.counts(),
                        changes,
                        merge.rejectedParameters()));

        Discrepancy found = InMemoryTables.audit(tampered).firstDiscrepancy();
        assertThat(found.field()).isEqualTo("parameterChanges[0].after");
        assertThat(found.recorded()).isEqualTo(String.valueOf(first.after() + 0.5));
    }

    @Test
    void aMergeIntoAKindThatRefusesMergesIsADiscrepancy() {
        // given a low-rank table, which refuses every merge
        var id = QTableId.of("low-rank");
        List<StoredEvent> events = aTableWithHistory(id, ValueFunctionTables.lowRank(), 7);
        assertThat(InMemoryTables.audit(events).clean()).isTrue();

        // when a merge event is slipped in after its creation (and the chain forged)
        var merge = new QTableMerged(
                id,
                "peer-b",
                null,
                MergeStrategy.VISIT_WEIGHTED_MEAN,
                List.of(),
                List.of(),
                new MergeCounts(0, 1, ValueFunctionTables.lowRank().parameterCount() - 1, 0),
                List.of(new MergedParameter(
                        0, false, 0.0, 0.5, Map.of(), Map.of("peer-b", 1L), 0.5, Map.of("peer-b", 1L))),
                List.of());
        var slipped = new ArrayList<StoredEvent>();
        slipped.add(events.get(0));
        StoredEvent second = events.get(1);
        slipped.add(
                new StoredEvent(second.globalIndex(), second.tableId(), 1, second.timestamp(), merge, Map.of(), null));
        for (int i = 1; i < events.size(); i++) {
            StoredEvent e = events.get(i);
            slipped.add(new StoredEvent(
                    e.globalIndex() + 1,
                    e.tableId(),
                    e.sequence() + 1,
                    e.timestamp(),
                    e.payload(),
                    e.metadata(),
                    null));
        }
        List<StoredEvent> tampered = forged(slipped, 1, payload -> payload);

        // then the audit refuses it with the kind's refusal
        Discrepancy found = InMemoryTables.audit(tampered).firstDiscrepancy();
        assertThat(found.sequence()).isEqualTo(1);
        assertThat(found.expected()).startsWith("no merge: low-rank r=2").endsWith("refuses merges");
    }

    /** Position in {@code events} of the event at {@code sequence}, which must be a learning batch. */
    private static int sequenceOfUpdated(List<StoredEvent> events, long sequence) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).sequence() == sequence) {
                assertThat(events.get(i).payload()).isInstanceOf(QTableUpdated.class);
                return i;
            }
        }
        throw new AssertionError("no event at sequence " + sequence);
    }

    private static int indexOf(List<StoredEvent> events, Class<?> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i).payload())) {
                return i;
            }
        }
        throw new AssertionError("no " + type.getSimpleName());
    }

    /**
     * Replaces the payload at {@code at} and rewrites the chain from there on, as a forger who can write the store
     * would: every later {@code chain.prev}/{@code chain.hash} is consistent again.
     */
    private static List<StoredEvent> forged(List<StoredEvent> events, int at, UnaryOperator<Object> edit) {
        var result = new ArrayList<StoredEvent>(events.subList(0, at));
        String previous =
                at == 0 ? HashChain.GENESIS : events.get(at - 1).metadata().get(HashChain.HASH);
        for (int i = at; i < events.size(); i++) {
            StoredEvent event = events.get(i);
            Object payload = i == at ? edit.apply(event.payload()) : event.payload();
            String hash = HashChain.next(previous, payload);
            var metadata = new HashMap<String, String>(event.metadata());
            metadata.put(HashChain.PREVIOUS, previous);
            metadata.put(HashChain.HASH, hash);
            result.add(new StoredEvent(
                    event.globalIndex(),
                    event.tableId(),
                    event.sequence(),
                    event.timestamp(),
                    payload,
                    metadata,
                    null));
            previous = hash;
        }
        return result;
    }

    private static QTableUpdated withUpdate(QTableUpdated batch, int index, UnaryOperator<AppliedUpdate> edit) {
        var updates = new ArrayList<>(batch.updates());
        updates.set(index, edit.apply(updates.get(index)));
        return new QTableUpdated(
                batch.tableId(),
                batch.idempotencyKey(),
                updates,
                batch.endsEpisode(),
                batch.episodes(),
                batch.epsilon());
    }

    private static AppliedUpdate withNewQ(AppliedUpdate u, double newQ) {
        return new AppliedUpdate(
                u.state(),
                u.action(),
                u.reward(),
                u.rewardComponents(),
                u.nextState(),
                u.nextAction(),
                u.terminal(),
                u.bootstrap(),
                u.oldQ(),
                newQ,
                u.visits(),
                u.scope());
    }

    private static AppliedUpdate withBootstrap(AppliedUpdate u, double bootstrap) {
        return new AppliedUpdate(
                u.state(),
                u.action(),
                u.reward(),
                u.rewardComponents(),
                u.nextState(),
                u.nextAction(),
                u.terminal(),
                bootstrap,
                u.oldQ(),
                u.newQ(),
                u.visits(),
                u.scope());
    }

    private static AppliedUpdate withState(AppliedUpdate u, StateKey state) {
        return new AppliedUpdate(
                state,
                u.action(),
                u.reward(),
                u.rewardComponents(),
                u.nextState(),
                u.nextAction(),
                u.terminal(),
                u.bootstrap(),
                u.oldQ(),
                u.newQ(),
                u.visits(),
                u.scope());
    }
}
