package io.qswarm.projections.confidence;

import static io.qswarm.intelligence.fixtures.QTableFixtures.TABLE;
import static io.qswarm.intelligence.fixtures.QTableFixtures.aRoutingTableCreated;
import static io.qswarm.intelligence.fixtures.QTableFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.ConfidencePolicy;
import io.qswarm.intelligence.api.MergeCounts;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.MergedEntry;
import io.qswarm.intelligence.api.QTableMerged;
import io.qswarm.intelligence.api.QTableUpdated;
import io.qswarm.projections.catalog.ReadModel;
import io.qswarm.projections.catalog.ReadModelDigest;
import io.qswarm.projections.confidence.TableConfidence.StateConfidence;
import io.qswarm.projections.support.ReadModelDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The confidence read model on a real H2 database migrated by the module's own Flyway scripts. */
class ConfidenceProjectionTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private JdbcTemplate jdbc;
    private ConfidenceProjection projection;
    private ConfidenceQueries queries;

    @BeforeEach
    void setUp() {
        jdbc = ReadModelDatabase.migrated("confidence");
        queries = new ConfidenceQueries(jdbc);
        projection = new ConfidenceProjection(
                jdbc, ConfidencePolicy.VISIT_RECIPROCAL, queries, ReadModelDatabase.noSubscribers());
        projection.on(aRoutingTableCreated(), 0);
    }

    private static AppliedUpdate update(String s, String a, double reward, String next, double newQ, long visits) {
        return new AppliedUpdate(
                state(s),
                a,
                reward,
                Map.of(),
                next == null ? null : state(next),
                null,
                next == null,
                0,
                0,
                newQ,
                visits);
    }

    private static QTableUpdated batch(AppliedUpdate... updates) {
        return new QTableUpdated(TABLE, "k", List.of(updates), true, 1, 0.1);
    }

    private TableConfidence summary() {
        return queries.handle(new FetchTableConfidence(TABLE, 10));
    }

    @Test
    void aBatchGivesCoverageMeanConfidenceHistogramAndOutcomes() {
        // when: s0/direct_answer visited twice (one success, one failure), s1/escalate once; s2 only reached
        projection.on(
                batch(
                        update("s0", "direct_answer", 1.0, "s1", 0.1, 1),
                        update("s0", "direct_answer", -1.0, "s1", 0.05, 2),
                        update("s1", "escalate", 0.0, "s2", 0.0, 1)),
                1,
                T0);

        // then: confidence(2) = 1 - 1/3 = 2/3, confidence(1) = 1/2; 3 known states x 5 actions = 15 known entries
        TableConfidence summary = summary();
        assertThat(summary.knownStates()).isEqualTo(3);
        assertThat(summary.knownEntries()).isEqualTo(15);
        assertThat(summary.visitedEntries()).isEqualTo(2);
        assertThat(summary.coverage()).isCloseTo(2.0 / 15, within(1e-12));
        assertThat(summary.meanConfidence()).isCloseTo((2.0 / 3 + 0.5) / 15, within(1e-12));
        assertThat(summary.meanVisitedConfidence()).isCloseTo((2.0 / 3 + 0.5) / 2, within(1e-12));
        assertThat(summary.histogram().stream().map(TableConfidence.ConfidenceBucket::entries))
                .containsExactly(13L, 0L, 0L, 0L, 0L, 1L, 1L, 0L, 0L, 0L);
        assertThat(summary.successes()).isEqualTo(1);
        assertThat(summary.failures()).isEqualTo(1);
        assertThat(summary.lastUpdate()).isEqualTo(T0);
        // a state's confidence is the mean over the 5 actions: s0 = (2/3)/5, s1 = 0.5/5, s2 = 0
        assertThat(summary.leastConfidentStates())
                .extracting(StateConfidence::state)
                .containsExactly("s2", "s1", "s0");
        assertThat(summary.leastConfidentStates().get(2).confidence()).isCloseTo(2.0 / 15, within(1e-12));

        var entry = queries.handle(new FetchConfidenceEntries(TABLE, "s0", null, null, null, 0, 10))
                .entries()
                .get(0);
        assertThat(entry.q()).isEqualTo(0.05);
        assertThat(entry.visits()).isEqualTo(2);
        assertThat(entry.successes()).isEqualTo(1);
        assertThat(entry.failures()).isEqualTo(1);
        assertThat(entry.lastUpdate()).isEqualTo(T0);
    }

    @Test
    void anEventAppliedTwiceLeavesTheModelUnchanged() {
        var event = batch(update("s0", "direct_answer", 1.0, "s1", 0.1, 1));
        projection.on(event, 1, T0);
        String once = ReadModelDigest.of(jdbc, ReadModel.CONFIDENCE);

        projection.on(event, 1, T0.plusSeconds(5));

        assertThat(ReadModelDigest.of(jdbc, ReadModel.CONFIDENCE)).isEqualTo(once);
    }

    @Test
    void aMergeSetsVisitsFromEveryOriginAndAddsItsStates() {
        projection.on(batch(update("s0", "direct_answer", 1.0, "s1", 0.1, 1)), 1, T0);

        projection.on(
                new QTableMerged(
                        TABLE,
                        "peer-b",
                        "r1",
                        MergeStrategy.VISIT_WEIGHTED_MEAN,
                        List.of(
                                new MergedEntry(
                                        state("s0"),
                                        "direct_answer",
                                        false,
                                        0.1,
                                        0.3,
                                        Map.of(TABLE.value(), 1L),
                                        Map.of(TABLE.value(), 1L, "peer-b", 2L)),
                                new MergedEntry(
                                        state("s9"), "escalate", true, 0, -0.2, Map.of(), Map.of("peer-b", 4L))),
                        List.of(),
                        new MergeCounts(1, 1, 0, 0)),
                2,
                T0.plusSeconds(1));

        // s0/direct_answer: 3 visits -> 0.75; s9/escalate: 4 visits -> 0.8
        var entries = queries.handle(new FetchConfidenceEntries(TABLE, null, null, 0.7, null, 0, 10));
        assertThat(entries.total()).isEqualTo(2);
        assertThat(entries.entries())
                .extracting(ConfidenceEntriesPage.EntryConfidence::confidence)
                .containsExactly(0.75, 0.8);
        assertThat(summary().knownStates()).isEqualTo(3);
    }

    @Test
    void runningTotalsAlwaysEqualARecountOfTheEntries() {
        // given a long random history of batches and merges
        var random = new SplittableRandom(11);
        var visits = new HashMap<String, Long>();
        String[] actions = {"direct_answer", "context_answer", "consult_peer", "request_clarification", "escalate"};
        for (int event = 1; event <= 150; event++) {
            var updates = new ArrayList<AppliedUpdate>();
            for (int i = 0; i < 1 + random.nextInt(30); i++) {
                String s = "s" + random.nextInt(40);
                String a = actions[random.nextInt(actions.length)];
                long v = visits.merge(s + "/" + a, 1L, Long::sum);
                String next = random.nextInt(10) == 0 ? null : "s" + random.nextInt(45);
                updates.add(update(s, a, random.nextInt(3) - 1, next, random.nextDouble(), v));
            }
            projection.on(new QTableUpdated(TABLE, "k" + event, updates, true, event, 0.1), event, T0);
        }

        // then
        TableConfidence summary = queries.handle(new FetchTableConfidence(TABLE, 0));
        Map<String, Object> recount = jdbc.queryForMap("SELECT COUNT(*) AS n, SUM(confidence) AS total,"
                + " SUM(successes) AS wins, SUM(failures) AS losses FROM confidence_entry");
        long states = jdbc.queryForObject("SELECT COUNT(*) FROM confidence_state", Long.class);
        assertThat(summary.visitedEntries()).isEqualTo(((Number) recount.get("N")).longValue());
        assertThat(queries.handle(new FetchConfidenceEntries(TABLE, null, null, null, null, 0, 10))
                        .total())
                .isEqualTo(((Number) recount.get("N")).longValue());
        assertThat(queries.handle(new FetchTableConfidence(TABLE, 3)).leastConfidentStates())
                .extracting(TableConfidence.StateConfidence::state)
                .containsExactlyElementsOf(jdbc.queryForList(
                        "SELECT state FROM confidence_state ORDER BY state_confidence, state LIMIT 3", String.class));
        assertThat(summary.meanVisitedConfidence() * summary.visitedEntries())
                .isCloseTo(((Number) recount.get("TOTAL")).doubleValue(), within(1e-9));
        assertThat(summary.successes()).isEqualTo(((Number) recount.get("WINS")).longValue());
        assertThat(summary.failures()).isEqualTo(((Number) recount.get("LOSSES")).longValue());
        assertThat(summary.knownStates()).isEqualTo(states);
        for (int b = 1; b < ConfidenceProjection.BUCKETS; b++) {
            long inBucket = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM confidence_entry WHERE confidence >= ? AND confidence < ?",
                    Long.class,
                    b / 10.0,
                    (b + 1) / 10.0);
            assertThat(summary.histogram().get(b).entries()).as("bucket %d", b).isEqualTo(inBucket);
        }
        // and a page filtered by confidence counts exactly what a scan counts, bounds on bucket edges and on values
        Double[] bounds = {null, 0.0, 0.1, 0.3, 0.5, 0.55, 2.0 / 3, 0.7, 0.75, 0.8, 0.9, 0.95, 1.0, 0.123};
        for (Double min : bounds) {
            for (Double max : bounds) {
                long scanned = jdbc.queryForObject(
                        "SELECT COUNT(*) FROM confidence_entry WHERE (? IS NULL OR confidence >= ?)"
                                + " AND (? IS NULL OR confidence <= ?)",
                        Long.class,
                        min,
                        min,
                        max,
                        max);
                assertThat(queries.handle(new FetchConfidenceEntries(TABLE, null, null, min, max, 0, 1))
                                .total())
                        .as("entries with %s ≤ confidence ≤ %s", min, max)
                        .isEqualTo(scanned);
            }
        }
        Double worstState = jdbc.queryForObject(
                "SELECT MAX(ABS(state_confidence - (SELECT COALESCE(SUM(e.confidence), 0) FROM confidence_entry e"
                        + " WHERE e.table_id = s.table_id AND e.state = s.state) / 5.0)) FROM confidence_state s",
                Double.class);
        assertThat(worstState).isLessThan(1e-9);
    }

    /** A random history of learning batches over 40 states, with visits counted as the aggregate counts them. */
    private static List<QTableUpdated> randomHistory(int events) {
        var random = new SplittableRandom(5);
        var visits = new HashMap<String, Long>();
        String[] actions = {"direct_answer", "context_answer", "consult_peer", "request_clarification", "escalate"};
        var out = new ArrayList<QTableUpdated>();
        for (int event = 1; event <= events; event++) {
            var updates = new ArrayList<AppliedUpdate>();
            for (int i = 0; i < 1 + random.nextInt(30); i++) {
                String s = "s" + random.nextInt(40);
                String a = actions[random.nextInt(actions.length)];
                long v = visits.merge(s + "/" + a, 1L, Long::sum);
                String next = random.nextInt(10) == 0 ? null : "s" + random.nextInt(45);
                updates.add(update(s, a, random.nextInt(3) - 1, next, random.nextDouble(), v));
            }
            out.add(new QTableUpdated(TABLE, "k" + event, updates, true, event, 0.1));
        }
        return out;
    }

    /** Applies the events in units of work of {@code size} (1: no unit of work), each twice when {@code twice}. */
    private String appliedInBatches(List<QTableUpdated> events, int size, boolean twice) {
        setUp();
        for (int from = 0; from < events.size(); from += size) {
            int first = from;
            List<QTableUpdated> batch = events.subList(from, Math.min(events.size(), from + size));
            Runnable handle = () -> {
                for (int i = 0; i < batch.size(); i++) {
                    long sequence = first + i + 1;
                    projection.on(batch.get(i), sequence, T0.plusSeconds(sequence));
                    if (twice) {
                        projection.on(batch.get(i), sequence, T0.plusSeconds(sequence));
                    }
                }
            };
            if (size == 1) {
                handle.run();
            } else {
                var unitOfWork = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(
                        org.axonframework.eventhandling.GenericEventMessage.asEventMessage(batch.get(0)));
                handle.run();
                unitOfWork.commit();
            }
        }
        return ReadModelDigest.of(jdbc, ReadModel.CONFIDENCE);
    }

    @Test
    void batchBoundariesAndRedeliveryInsideABatchDoNotChangeTheModel() {
        // given the same history applied one event at a time, and in units of work of 10 and of 33 (each event twice)
        List<QTableUpdated> events = randomHistory(100);
        String oneAtATime = appliedInBatches(events, 1, false);

        // then the content is the same, bit for bit
        assertThat(appliedInBatches(events, 10, false)).isEqualTo(oneAtATime);
        assertThat(appliedInBatches(events, 33, true)).isEqualTo(oneAtATime);
    }

    @Test
    void aRolledBackBatchLeavesNothingBehind() {
        String before = ReadModelDigest.of(jdbc, ReadModel.CONFIDENCE);
        QTableUpdated event = batch(update("s0", "direct_answer", 1.0, "s1", 0.1, 1));

        var unitOfWork = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(
                org.axonframework.eventhandling.GenericEventMessage.asEventMessage(event));
        projection.on(event, 1, T0);
        unitOfWork.rollback();

        assertThat(ReadModelDigest.of(jdbc, ReadModel.CONFIDENCE)).isEqualTo(before);
    }

    @Test
    void resetClearsTheModelAndUnknownTablesAnswerNull() {
        projection.on(batch(update("s0", "direct_answer", 1.0, "s1", 0.1, 1)), 1, T0);

        projection.reset();

        assertThat(summary()).isNull();
        assertThat(queries.handle(new FetchConfidenceEntries(TABLE, null, null, null, null, 0, 10)))
                .isNull();
    }
}
