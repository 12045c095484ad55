package io.qswarm.projections.edge;

import static io.qswarm.intelligence.fixtures.QTableFixtures.AGENT;
import static io.qswarm.intelligence.fixtures.QTableFixtures.TABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.QTableCreated;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.QTableUpdated;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.api.ValueFunctionKind;
import io.qswarm.projections.edge.api.EdgeHistoryView;
import io.qswarm.projections.edge.api.EdgeScoreOrder;
import io.qswarm.projections.edge.api.EdgeScoreRow;
import io.qswarm.projections.edge.api.FetchEdgeHistory;
import io.qswarm.projections.edge.api.FetchEdgeScores;
import io.qswarm.projections.edge.api.FetchPatternFactors;
import io.qswarm.projections.edge.api.FetchRegimeWeights;
import io.qswarm.projections.edge.api.HalfLifeStatus;
import io.qswarm.projections.edge.api.MultiplierVector;
import io.qswarm.projections.edge.api.RegimeWeights;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The edge-score read model on a real H2 database migrated by the module's own Flyway scripts. */
class EdgeScoreProjectionTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final double HALF_TANH_ONE = 0.8807970779778823;
    private static final Map<String, String> BULL = Map.of("regime", "bull");
    private static final Map<String, String> BEAR = Map.of("regime", "bear");

    private JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:edge-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    // ---- fixtures

    /** hold (its own category), buy (entry), sell (exit); γ = 0.9. */
    private static QTableCreated aTradingTable() {
        return new QTableCreated(
                TABLE,
                AGENT,
                List.of(
                        new ActionSpec("hold", 0),
                        new ActionSpec("buy", 0.1, "entry"),
                        new ActionSpec("sell", 0.1, "exit")),
                LearningRule.Q_LEARNING,
                0.1,
                0.9,
                ExplorationSchedule.constant(0.1),
                ValueFunctionKind.TABULAR,
                0.1);
    }

    private static AppliedUpdate step(String state, String action, double reward, Map<String, String> scope) {
        return new AppliedUpdate(
                StateKey.of(state),
                action,
                reward,
                Map.of(),
                StateKey.of("next"),
                null,
                false,
                0.0,
                0.0,
                0.0,
                1,
                scope);
    }

    private static QTableUpdated episode(long number, AppliedUpdate... updates) {
        return new QTableUpdated(TABLE, "episode-" + number, List.of(updates), true, number, 0.1);
    }

    private final class Harness {
        final EdgeScoreProjection projection;
        final EdgeScoreQueries queries;
        private long sequence;

        Harness(EdgeScoreSettings settings) {
            projection = new EdgeScoreProjection(jdbc, settings);
            queries = new EdgeScoreQueries(jdbc, settings);
            projection.on(aTradingTable(), sequence++, T0);
        }

        void episode(AppliedUpdate... updates) {
            long number = sequence;
            projection.on(EdgeScoreProjectionTest.episode(number, updates), sequence++, T0.plusSeconds(number));
        }

        List<EdgeScoreRow> scores(String regime, String category) {
            return queries.handle(new FetchEdgeScores(TABLE, regime, category, EdgeScoreOrder.SCORE_DESC, 0, 1000))
                    .rows();
        }

        EdgeScoreRow row(String pattern, String category, String regime) {
            return scores(regime, category).stream()
                    .filter(r -> r.pattern().equals(pattern))
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Nested
    class ApplyingBatches {

        private final EdgeScoreSettings settings = EdgeScoreSettings.builder()
                .ewmaRate(0.5)
                .patterns(List.of(List.of(), List.of("bucket")))
                .recurrenceTarget(2)
                .rateTarget(6)
                .build();
        private EdgeScoreProjection projection;
        private EdgeScoreQueries queries;

        @BeforeEach
        void createProjection() {
            projection = new EdgeScoreProjection(jdbc, settings);
            queries = new EdgeScoreQueries(jdbc, settings);
        }

        private final QTableUpdated first = episode(
                1,
                step("bucket:3|vol:high", "buy", 2.0, BULL),
                step("bucket:3|vol:high", "buy", 4.0, BULL),
                step("bucket:3|vol:low", "sell", -1.0, BULL),
                step("bucket:3|vol:high", "hold", 0.0, Map.of()));
        private final QTableUpdated second = episode(2, step("bucket:3|vol:high", "buy", 1.0, BULL));

        private void replayAll() {
            projection.on(aTradingTable(), 0, T0);
            projection.on(first, 1, T0.plusSeconds(1));
            projection.on(second, 2, T0.plusSeconds(2));
        }

        @Test
        void eachUpdateFeedsEveryPatternOfItsStateUnderItsCategoryAndRegime() {
            projection.on(aTradingTable(), 0, T0);
            projection.on(first, 1, T0.plusSeconds(1));

            var entries = queries.handle(new FetchEdgeScores(TABLE, "regime=bull", "entry", null, 0, 10));

            assertThat(entries.total()).isEqualTo(2);
            // equal scores: ordered by pattern key
            assertThat(entries.rows())
                    .extracting(EdgeScoreRow::pattern)
                    .containsExactly("bucket:3", "bucket:3|vol:high");
            for (EdgeScoreRow row : entries.rows()) {
                assertThat(row.samples()).isEqualTo(2);
                assertThat(row.positives()).isEqualTo(2);
                assertThat(row.negatives()).isZero();
                assertThat(row.rawEdge()).isEqualTo(3.0); // 2, then 2 + 0.5·(4 − 2)
                // recurrence 0.5 + 0.5·tanh(2/2); coherence max(0.5, 2/(2 + 1.96²) = 0.342); time: S = 6 over a
                // span 0 → min span 1, rate 6, 0.5 + 0.5·tanh(6/6); half-life unknown (one bucket) → 0.5
                assertThat(row.multipliers().recurrence()).isCloseTo(HALF_TANH_ONE, within(1e-12));
                assertThat(row.multipliers().coherence()).isEqualTo(0.5);
                assertThat(row.multipliers().timeEfficiency()).isCloseTo(HALF_TANH_ONE, within(1e-12));
                assertThat(row.multipliers().halfLife()).isEqualTo(0.5);
                assertThat(row.halfLife().status()).isEqualTo(HalfLifeStatus.UNKNOWN);
                // default weights: 3 × 0.8808 × 0.5 × 0.8808 × 0.5 = 0.581853
                assertThat(row.score()).isCloseTo(3 * HALF_TANH_ONE * HALF_TANH_ONE * 0.25, within(1e-12));
                assertThat(row.lastUpdateAt()).isEqualTo(T0.plusSeconds(1));
            }
            var exit = queries.handle(new FetchEdgeScores(TABLE, "regime=bull", "exit", null, 0, 10))
                    .rows()
                    .get(0);
            assertThat(exit.rawEdge()).isEqualTo(-1.0);
            assertThat(exit.negatives()).isEqualTo(1);
            // −1 × (0.5 + 0.5·tanh(1/2)) × 0.5 × (0.5 + 0.5·tanh(1/6)) × 0.5
            double expected = -1 * (0.5 + 0.5 * Math.tanh(0.5)) * 0.5 * (0.5 + 0.5 * Math.tanh(1 / 6.0)) * 0.5;
            assertThat(exit.score()).isCloseTo(expected, within(1e-12));
            // hold declares no category: it is its own; the unscoped update is regime ""
            var hold = queries.handle(new FetchEdgeScores(TABLE, "", "hold", null, 0, 10));
            assertThat(hold.total()).isEqualTo(2);
            assertThat(hold.rows()).allSatisfy(row -> assertThat(row.score()).isZero());
            assertThat(queries.handle(FetchEdgeScores.best(TABLE, 100)).total()).isEqualTo(6);
        }

        @Test
        void aLaterBatchMovesTheEdgeAndGivesTheRegimeItsFirstSamples() {
            replayAll();

            var row = queries.handle(new FetchEdgeScores(TABLE, "regime=bull", "entry", null, 0, 10))
                    .rows()
                    .get(0);
            assertThat(row.samples()).isEqualTo(3);
            assertThat(row.rawEdge()).isEqualTo(2.0); // 3 + 0.5·(1 − 3)
            // S = 7 between episode clock 0 and 1: rate 7/1
            assertThat(row.multipliers().timeEfficiency()).isCloseTo(0.5 + 0.5 * Math.tanh(7 / 6.0), within(1e-12));
            assertThat(row.firstUpdateAt()).isEqualTo(T0.plusSeconds(1));
            assertThat(row.lastUpdateAt()).isEqualTo(T0.plusSeconds(2));

            RegimeWeights weights = queries.handle(new FetchRegimeWeights(TABLE));
            assertThat(weights.regimes())
                    .extracting(
                            r -> r.regime(), r -> r.category(), r -> r.weights().samples())
                    .containsExactly(
                            tuple("", "hold", 0L),
                            // both entry rows predicted + and realized 1: two samples
                            tuple("regime=bull", "entry", 2L),
                            tuple("regime=bull", "exit", 0L));
            assertThat(weights.regimes()).allSatisfy(r -> {
                assertThat(r.weights().fallback()).isTrue();
                assertThat(r.weights().effective()).isEqualTo(MultiplierVector.uniform(1));
            });
        }

        @Test
        void applyingEveryEventTwiceLeavesTheModelUnchanged() {
            replayAll();
            String once = contentHash();

            replayAll();
            projection.on(first, 1, T0.plusSeconds(1)); // and an old one out of order

            assertThat(contentHash()).isEqualTo(once);
        }

        @Test
        void resetClearsTheModelAndReplayRebuildsIt() {
            replayAll();
            String live = contentHash();

            projection.reset();

            for (String table : TABLES.keySet()) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class))
                        .as(table)
                        .isZero();
            }
            assertThat(queries.handle(FetchEdgeScores.best(TABLE, 10))).isNull();
            replayAll();
            assertThat(contentHash()).isEqualTo(live);
        }

        @Test
        void unknownTablesAnswerNothingAndTheirUpdatesAreIgnored() {
            var unknown = QTableId.of("nobody");
            projection.on(new QTableUpdated(unknown, "k", List.of(step("s", "buy", 1, BULL)), true, 1, 0.1), 1, T0);

            assertThat(queries.handle(FetchEdgeScores.best(unknown, 10))).isNull();
            assertThat(queries.handle(new FetchRegimeWeights(unknown))).isNull();
            assertThat(queries.handle(new FetchPatternFactors(unknown, null, null)))
                    .isNull();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM edge_score", Integer.class))
                    .isZero();
        }
    }

    @Nested
    class BatchesAndHistoryLayout {

        /** A stream over two regimes and six states where only every third batch ends an episode. */
        private List<QTableUpdated> stream(int events) {
            var out = new ArrayList<QTableUpdated>();
            for (int e = 1; e <= events; e++) {
                var updates = new ArrayList<AppliedUpdate>();
                for (int u = 0; u < 5; u++) {
                    int k = e * 7 + u * 3;
                    updates.add(step(
                            "bucket:" + (k % 6) + "|vol:" + (k % 2 == 0 ? "high" : "low"),
                            k % 3 == 0 ? "buy" : "sell",
                            Math.sin(k) * 3,
                            k % 4 == 0 ? BEAR : BULL));
                }
                out.add(new QTableUpdated(TABLE, "batch-" + e, updates, e % 3 == 0, e, 0.1));
            }
            return out;
        }

        private final EdgeScoreSettings settings = EdgeScoreSettings.builder()
                .patterns(List.of(List.of(), List.of("vol")))
                .historyCap(4)
                .minRegimeSamples(5)
                .minFitPoints(2)
                .build();

        private String applied(int batchSize, boolean twice) {
            setUp();
            var projection = new EdgeScoreProjection(jdbc, settings);
            projection.on(aTradingTable(), 0, T0);
            List<QTableUpdated> events = stream(40);
            for (int from = 0; from < events.size(); from += batchSize) {
                List<QTableUpdated> batch = events.subList(from, Math.min(events.size(), from + batchSize));
                Runnable handle = () -> {
                    for (QTableUpdated event : batch) {
                        projection.on(event, event.episodes(), T0.plusSeconds(event.episodes()));
                        if (twice) {
                            projection.on(event, event.episodes(), T0.plusSeconds(event.episodes()));
                        }
                    }
                };
                if (batchSize == 1) {
                    handle.run(); // no unit of work: every event is written at once
                } else {
                    var unitOfWork = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(
                            org.axonframework.eventhandling.GenericEventMessage.asEventMessage(batch.get(0)));
                    handle.run();
                    unitOfWork.commit();
                }
            }
            return contentHash();
        }

        @Test
        void batchBoundariesAndRedeliveryInsideABatchDoNotChangeTheModel() {
            // given the same events applied one at a time, and in units of work of 3 and of 7 (each delivered twice)
            String oneAtATime = applied(1, false);

            // then every way gives the same content
            assertThat(applied(3, false)).isEqualTo(oneAtATime);
            assertThat(applied(7, true)).isEqualTo(oneAtATime);
        }

        @Test
        void aRolledBackBatchLeavesNothingBehind() {
            var projection = new EdgeScoreProjection(jdbc, settings);
            projection.on(aTradingTable(), 0, T0);
            String before = contentHash();
            QTableUpdated event = stream(1).get(0);

            var unitOfWork = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(
                    org.axonframework.eventhandling.GenericEventMessage.asEventMessage(event));
            projection.on(event, 1, T0.plusSeconds(1));
            unitOfWork.rollback();

            assertThat(contentHash()).isEqualTo(before);
        }

        @Test
        void batchesInTheOpenBucketLeaveTheClosedHistoryUnwritten() {
            // given batches 1 and 2 in episode 0 (neither ends it), then batch 3 in episode 0 too, which ends it
            var harness = new Harness(settings);
            for (long e = 1; e <= 2; e++) {
                projectionOn(
                        harness,
                        new QTableUpdated(TABLE, "b" + e, List.of(step("s", "buy", e, Map.of())), false, e, 0.1));
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM edge_history", Integer.class))
                    .isZero();
            projectionOn(harness, new QTableUpdated(TABLE, "b3", List.of(step("s", "buy", 3, Map.of())), true, 3, 0.1));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM edge_history", Integer.class))
                    .isZero();

            // when batch 4 falls in episode 1
            projectionOn(
                    harness, new QTableUpdated(TABLE, "b4", List.of(step("s", "buy", 4, Map.of())), false, 4, 0.1));

            // then bucket 0 is closed and written, bucket 1 is open, and the history shows both
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM edge_history", Integer.class))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT open_bucket FROM edge_score", Long.class))
                    .isEqualTo(1L);
            assertThat(harness.queries
                            .handle(new FetchEdgeHistory(TABLE, "s", "entry", ""))
                            .history())
                    .containsExactly(
                            new EdgeHistoryView.Point(0, 0.0, 2.0, 3), new EdgeHistoryView.Point(1, 1.0, 4.0, 1));
        }

        private void projectionOn(Harness harness, QTableUpdated event) {
            harness.projection.on(event, event.episodes(), T0.plusSeconds(event.episodes()));
        }

        @Test
        void rowsMigratedWithTheirWholeHistoryInEdgeHistoryGoOnAsIfNeverMigrated() {
            // given the first 20 events, then every row turned into the layout V111 migrates V110 rows to: the whole
            // history (open bucket included) in edge_history, no open bucket in the row
            List<QTableUpdated> events = stream(40);
            var projection = new EdgeScoreProjection(jdbc, settings);
            projection.on(aTradingTable(), 0, T0);
            for (QTableUpdated event : events.subList(0, 20)) {
                projection.on(event, event.episodes(), T0.plusSeconds(event.episodes()));
            }
            var store = new EdgeStore(jdbc);
            List<EdgeKey> keys = jdbc.query(
                    "SELECT pattern, category, regime FROM edge_score",
                    (rs, i) -> new EdgeKey(rs.getString(1), rs.getString(2), rs.getString(3)));
            for (EdgeKey key : keys) {
                String whole =
                        store.row(TABLE.value(), key).orElseThrow().history().encode();
                jdbc.update(
                        "DELETE FROM edge_history WHERE pattern = ? AND category = ? AND regime = ?",
                        key.pattern(),
                        key.category(),
                        key.regime());
                jdbc.update(
                        "INSERT INTO edge_history (table_id, pattern, category, regime, history) VALUES (?, ?, ?, ?, ?)",
                        TABLE.value(),
                        key.pattern(),
                        key.category(),
                        key.regime(),
                        whole);
            }
            jdbc.update(
                    "UPDATE edge_score SET open_bucket = NULL, open_t_sum = NULL, open_x_sum = NULL, open_n = NULL");

            // when the rest arrives
            for (QTableUpdated event : events.subList(20, 40)) {
                projection.on(event, event.episodes(), T0.plusSeconds(event.episodes()));
            }
            List<Object> migrated = answers(keys);

            // then every answer is that of a model that never migrated
            applied(1, false);
            assertThat(answers(keys)).isEqualTo(migrated);
        }

        /** Every query's answer: the scores, the weights, the factors and each row's history. */
        private List<Object> answers(List<EdgeKey> keys) {
            var queries = new EdgeScoreQueries(jdbc, settings);
            var out = new ArrayList<Object>();
            out.add(queries.handle(FetchEdgeScores.best(TABLE, 1000)));
            out.add(queries.handle(new FetchRegimeWeights(TABLE)));
            out.add(queries.handle(new FetchPatternFactors(TABLE, null, null)));
            for (EdgeKey key : keys) {
                out.add(queries.handle(new FetchEdgeHistory(TABLE, key.pattern(), key.category(), key.regime())));
            }
            return out;
        }
    }

    @Nested
    class HalfLifeRecovery {

        @Test
        void aDecayingPatternsHalfLifeIsRecoveredDespiteAnOutlierAFlipAndAGap() {
            // given: pattern A's edge is 10·e^(−λk) at episode k with half-life 20 episodes (λ = ln2/20), ±3% noise,
            // an outlier (60 instead of ≈ 7) at k = 10, a sign flip at k = 41, and no occurrence at all in 20..34
            var harness = new Harness(EdgeScoreSettings.builder()
                    .halfLifeTarget(20)
                    .historyCap(64)
                    .build());
            double lambda = Math.log(2) / 20;
            for (int k = 0; k < 60; k++) {
                double reward = 10 * Math.exp(-lambda * k) * (1 + 0.03 * Math.sin(1.7 * k));
                if (k == 10) {
                    reward = 60;
                } else if (k == 41) {
                    reward = -2;
                }
                boolean gap = k >= 20 && k < 35;
                harness.episode(gap ? step("sig=b", "buy", 1, Map.of()) : step("sig=a", "buy", reward, Map.of()));
            }

            // when
            var row = harness.row("sig=a", "entry", "");

            // then: 45 occurrences, 43 usable points (the flip is left out, and so is the open bucket of episode 59),
            // half-life within 10% of 20
            assertThat(row.samples()).isEqualTo(45);
            assertThat(row.halfLife().status()).isEqualTo(HalfLifeStatus.DECAYING);
            assertThat(row.halfLife().points()).isEqualTo(43);
            assertThat(row.halfLife().halfLife()).isCloseTo(20.0, within(2.0));
            assertThat(row.halfLife().edgeAtBirth()).isCloseTo(10.0, within(1.0));
            assertThat(row.multipliers().halfLife())
                    .isCloseTo(0.5 + 0.5 * Math.tanh(row.halfLife().halfLife() / 20), within(1e-12));
        }

        @Test
        void theHistoryKeepsOnlyTheNewestBuckets() {
            var harness = new Harness(EdgeScoreSettings.builder().historyCap(8).build());
            for (int k = 0; k < 20; k++) {
                harness.episode(step("sig=a", "buy", 30 - k, Map.of()), step("sig=a", "buy", 10 - k, Map.of()));
            }

            var view = harness.queries.handle(new FetchEdgeHistory(TABLE, "sig=a", "entry", ""));

            assertThat(view.history())
                    .extracting(EdgeHistoryView.Point::bucket)
                    .containsExactly(12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L);
            // episode 19: rewards 11 and −9 at clock time 19 → mean 1 over 2 samples
            assertThat(view.history().get(7)).isEqualTo(new EdgeHistoryView.Point(19, 19.0, 1.0, 2));
            assertThat(view.row().samples()).isEqualTo(40);
            // the fit uses the closed buckets 12..18
            assertThat(view.row().halfLife().points()).isEqualTo(7);
            assertThat(harness.queries.handle(new FetchEdgeHistory(TABLE, "sig=a", "exit", "")))
                    .isNull();
            assertThat(harness.queries.handle(new FetchEdgeHistory(QTableId.of("nobody"), "sig=a", "entry", "")))
                    .isNull();
        }
    }

    @Nested
    class Orthogonalization {

        @Test
        void twoPatternsWithIdenticalOutcomesFormOneFactorAndOneIsRedundant() {
            // given: bucket:3 always comes with vol:high and bucket:5 with vol:low, so each pair sees the same outcomes
            var harness = new Harness(EdgeScoreSettings.builder()
                    .patterns(List.of(List.of("bucket"), List.of("vol")))
                    .build());
            double[] high = {1, 3, -2, 4, 0, 2, -1, 5, 1, 3};
            double[] low = {2, -1, 1, 0, 3, -2, 2, 1, -1, 0};
            for (int k = 0; k < high.length; k++) {
                harness.episode(
                        step("bucket:3|vol:high", "buy", high[k], Map.of()),
                        step("bucket:5|vol:low", "buy", low[k], Map.of()));
            }

            // when
            var factors = harness.queries.handle(new FetchPatternFactors(TABLE, "entry", null));

            // then
            assertThat(factors.groups()).singleElement().satisfies(group -> {
                assertThat(group.patterns()).isEqualTo(4L);
                assertThat(group.truncated()).isFalse();
                assertThat(group.factors())
                        .extracting(f -> f.representative(), f -> f.members().size())
                        .containsExactly(tuple("bucket:3", 2), tuple("bucket:5", 2));
                assertThat(group.factors().get(0).members())
                        .extracting(m -> m.pattern(), m -> m.redundant(), m -> m.overlap())
                        .containsExactly(tuple("bucket:3", false, 10), tuple("vol:high", true, 10));
                assertThat(group.factors().get(0).members().get(1).correlation())
                        .isCloseTo(1.0, within(1e-12));
                assertThat(group.factors().get(1).members())
                        .extracting(m -> m.pattern(), m -> m.redundant())
                        .containsExactly(tuple("bucket:5", false), tuple("vol:low", true));
            });
        }
    }

    @Nested
    class RegimeWeightsLearning {

        @Test
        void aRegimeWithFewSamplesFallsBackToTheDefaultWeightsWhileABusyOneLearns() {
            // given: 15 bull occurrences (14 samples: the first has no prediction yet), then 3 bear ones (2 samples)
            var harness = new Harness(EdgeScoreSettings.builder()
                    .minRegimeSamples(10)
                    .correlationZ(0)
                    .build());
            for (int k = 0; k < 15; k++) {
                harness.episode(step("s=1", "buy", 1 + (k % 4), BULL));
            }
            for (int k = 0; k < 3; k++) {
                harness.episode(step("s=1", "buy", -1 - k, BEAR));
            }

            // when
            var weights = harness.queries.handle(new FetchRegimeWeights(TABLE)).regimes();

            // then
            assertThat(weights).extracting(r -> r.regime()).containsExactly("regime=bear", "regime=bull");
            var bear = weights.get(0).weights();
            assertThat(bear.samples()).isEqualTo(2);
            assertThat(bear.fallback()).isTrue();
            assertThat(bear.confidence()).isZero();
            assertThat(bear.effective()).isEqualTo(MultiplierVector.uniform(1));
            var bull = weights.get(1).weights();
            assertThat(bull.samples()).isEqualTo(14);
            assertThat(bull.fallback()).isFalse();
            assertThat(bull.confidence()).isCloseTo(1 - 10 / 14.0, within(1e-12));
            assertThat(bull.effective().sum()).isCloseTo(4.0, within(1e-9));
            assertThat(bull.effective()).isNotEqualTo(MultiplierVector.uniform(1));
            // each row scored with its own regime's weights
            var bearRow = harness.row("s=1", "entry", "regime=bear");
            assertThat(bearRow.score()).isCloseTo(bearRow.rawEdge() * product(bearRow.multipliers()), within(1e-12));
            var bullRow = harness.row("s=1", "entry", "regime=bull");
            assertThat(bullRow.score())
                    .isCloseTo(
                            bullRow.rawEdge() * EdgeScoreFormula.combined(bullRow.multipliers(), bull.effective()),
                            within(1e-12));
        }

        private static double product(MultiplierVector m) {
            return m.recurrence() * m.coherence() * m.timeEfficiency() * m.halfLife();
        }
    }

    // ---- content hash of every read-model table

    private static final Map<String, String> TABLES = Map.of(
            "edge_table", "table_id",
            "edge_action_category", "table_id, action",
            "edge_score", "table_id, pattern, category, regime",
            "edge_history", "table_id, pattern, category, regime",
            "edge_regime_stats", "table_id, regime, category");

    private String contentHash() {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (String table : new java.util.TreeSet<>(TABLES.keySet())) {
                jdbc.query("SELECT * FROM " + table + " ORDER BY " + TABLES.get(table), rs -> {
                    int columns = rs.getMetaData().getColumnCount();
                    var values = new ArrayList<String>();
                    for (int i = 1; i <= columns; i++) {
                        values.add(String.valueOf(rs.getObject(i)));
                    }
                    digest.update(String.join("\u0000", values).getBytes(StandardCharsets.UTF_8));
                });
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
