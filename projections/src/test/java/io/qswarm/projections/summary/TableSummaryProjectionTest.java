package io.qswarm.projections.summary;

import static io.qswarm.intelligence.fixtures.QTableFixtures.TABLE;
import static io.qswarm.intelligence.fixtures.QTableFixtures.aRoutingTableCreated;
import static io.qswarm.intelligence.fixtures.QTableFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.ConfidencePolicy;
import io.qswarm.intelligence.api.EntryCursor;
import io.qswarm.intelligence.api.ExplorationChanged;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.FetchGreedyPolicy;
import io.qswarm.intelligence.api.FetchQTableEntries;
import io.qswarm.intelligence.api.FetchQTableExport;
import io.qswarm.intelligence.api.FindQTableSummary;
import io.qswarm.intelligence.api.MergeCounts;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.MergedEntry;
import io.qswarm.intelligence.api.QTableEntry;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.QTableMerged;
import io.qswarm.intelligence.api.QTableUpdated;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The table-summary read model on a real H2 database migrated by the module's own Flyway scripts. */
class TableSummaryProjectionTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private JdbcTemplate jdbc;
    private TableSummaryProjection projection;
    private TableSummaryQueries queries;

    @BeforeEach
    void setUp() {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:summary-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
        var json = new ObjectMapper();
        projection = new TableSummaryProjection(jdbc, json, ConfidencePolicy.VISIT_RECIPROCAL);
        queries = new TableSummaryQueries(jdbc, json);
    }

    private static AppliedUpdate update(String s, String a, double oldQ, double newQ, long visits) {
        return new AppliedUpdate(state(s), a, 1.0, Map.of(), state("next"), null, false, 0.0, oldQ, newQ, visits);
    }

    private final QTableUpdated firstBatch = new QTableUpdated(
            TABLE,
            "episode-1",
            List.of(
                    update("s0", "escalate", 0.0, 0.1, 1),
                    update("s0", "direct_answer", 0.0, 0.3, 1),
                    update("s0", "escalate", 0.1, 0.2, 2)),
            true,
            1,
            0.1);

    private final QTableMerged merge = new QTableMerged(
            TABLE,
            "peer-b",
            null,
            MergeStrategy.VISIT_WEIGHTED_MEAN,
            List.of(
                    new MergedEntry(
                            state("s0"),
                            "direct_answer",
                            false,
                            0.3,
                            0.5,
                            Map.of(TABLE.value(), 1L),
                            Map.of(TABLE.value(), 1L, "peer-b", 3L)),
                    new MergedEntry(state("s1"), "consult_peer", true, 0.0, -0.4, Map.of(), Map.of("peer-b", 9L))),
            List.of(),
            new MergeCounts(1, 1, 0, 0));

    private void replayAll() {
        projection.on(aRoutingTableCreated(), 0, T0);
        projection.on(firstBatch, 1, T0.plusSeconds(1));
        projection.on(merge, 2, T0.plusSeconds(2));
        projection.on(new ExplorationChanged(TABLE, ExplorationSchedule.constant(0.05), 0.05), 3, T0.plusSeconds(3));
    }

    @Test
    void theSummaryCountsEntriesStatesVisitsAndConfidence() {
        replayAll();

        var summary = queries.handle(new FindQTableSummary(TABLE));

        assertThat(summary.entries()).isEqualTo(3);
        assertThat(summary.states()).isEqualTo(2);
        assertThat(summary.totalVisits()).isEqualTo(2 + 4 + 9);
        double expected = (1 - 1 / 3.0 + 1 - 1 / 5.0 + 1 - 1 / 10.0) / 3;
        assertThat(summary.meanConfidence()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(summary.updates()).isEqualTo(3);
        assertThat(summary.merges()).isEqualTo(1);
        assertThat(summary.epsilon()).isEqualTo(0.05);
        assertThat(summary.episodes()).isZero();
        assertThat(summary.lastEventAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void entriesCarryTheirOriginVectorInDeclarationOrder() {
        replayAll();

        var page = queries.handle(new FetchQTableEntries(TABLE, state("s0"), 0, 10));

        assertThat(page.total()).isEqualTo(2L);
        assertThat(page.entries())
                .extracting(e -> e.action(), e -> e.q(), e -> e.visits(), e -> e.visitsByOrigin())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "direct_answer", 0.5, 4L, Map.of(TABLE.value(), 1L, "peer-b", 3L)),
                        org.assertj.core.groups.Tuple.tuple("escalate", 0.2, 2L, Map.of(TABLE.value(), 2L)));
    }

    @Test
    void theKeptCountsAndSumsEqualThoseOfTheEntriesAfterLearningMergesAndRedelivery() {
        // given random learning batches over 6 states × 4 actions, merges from a peer in between, and every event
        // delivered twice
        var random = new java.util.Random(7);
        var visits = new java.util.HashMap<String, Long>();
        var peerVisits = new java.util.HashMap<String, Long>();
        List<String> actions = List.of("direct_answer", "context_answer", "consult_peer", "escalate");
        projection.on(aRoutingTableCreated(), 0, T0);
        for (long sequence = 1; sequence <= 40; sequence++) {
            Object event;
            if (sequence % 5 == 0) {
                var changes = new java.util.ArrayList<MergedEntry>();
                for (int k = 0; k < 3; k++) {
                    String s = "s" + random.nextInt(6);
                    String a = actions.get(random.nextInt(4));
                    String key = s + "/" + a;
                    long own = visits.getOrDefault(key, 0L);
                    long peerBefore = peerVisits.getOrDefault(key, 0L);
                    if (changes.stream().anyMatch(c -> (c.state().value() + "/" + c.action()).equals(key))) {
                        continue;
                    }
                    long peer = peerBefore + 1 + random.nextInt(3);
                    peerVisits.put(key, peer);
                    var before = new java.util.TreeMap<String, Long>();
                    if (own > 0) before.put(TABLE.value(), own);
                    if (peerBefore > 0) before.put("peer-b", peerBefore);
                    var after = new java.util.TreeMap<>(before);
                    after.put("peer-b", peer);
                    changes.add(
                            new MergedEntry(state(s), a, before.isEmpty(), 0.0, random.nextDouble(), before, after));
                }
                event = new QTableMerged(
                        TABLE,
                        "peer-b",
                        null,
                        MergeStrategy.VISIT_WEIGHTED_MEAN,
                        changes,
                        List.of(),
                        new MergeCounts(0, changes.size(), 0, 0));
            } else {
                var updates = new java.util.ArrayList<AppliedUpdate>();
                for (int k = 0; k < 1 + random.nextInt(8); k++) {
                    String s = "s" + random.nextInt(6);
                    String a = actions.get(random.nextInt(4));
                    String key = s + "/" + a;
                    visits.merge(key, 1L, Long::sum);
                    long total = visits.get(key) + peerVisits.getOrDefault(key, 0L);
                    updates.add(update(s, a, 0.0, random.nextDouble(), total));
                }
                event = new QTableUpdated(TABLE, "b-" + sequence, updates, true, sequence, 0.1);
            }
            for (int delivery = 0; delivery < 2; delivery++) {
                if (event instanceof QTableMerged merged) {
                    projection.on(merged, sequence, T0.plusSeconds(sequence));
                } else {
                    projection.on((QTableUpdated) event, sequence, T0.plusSeconds(sequence));
                }
            }
        }

        // then the summary equals the aggregates of the entries themselves
        var summary = queries.handle(new FindQTableSummary(TABLE));
        Map<String, Object> scanned = jdbc.queryForMap(
                "SELECT COUNT(*) AS entries, COUNT(DISTINCT state) AS states,"
                        + " SUM(visits) AS visits, AVG(confidence) AS mean FROM table_entry WHERE table_id = ?",
                TABLE.value());
        assertThat(summary.entries()).isEqualTo(((Number) scanned.get("ENTRIES")).longValue());
        assertThat(summary.states()).isEqualTo(((Number) scanned.get("STATES")).longValue());
        assertThat(summary.totalVisits()).isEqualTo(((Number) scanned.get("VISITS")).longValue());
        assertThat(summary.meanConfidence())
                .isCloseTo(((Number) scanned.get("MEAN")).doubleValue(), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(summary.totalVisits())
                .isEqualTo(visits.values().stream().mapToLong(Long::longValue).sum()
                        + peerVisits.values().stream()
                                .mapToLong(Long::longValue)
                                .sum());
        assertThat(queries.handle(new FetchQTableEntries(TABLE, null, 0, 5)).total())
                .isEqualTo(summary.entries());
    }

    @Test
    void readingPageByPageWithTheNextCursorGivesEveryEntryOnceInOrder() {
        replayAll();
        var all = queries.handle(new FetchQTableEntries(TABLE, null, 0, 100));
        assertThat(all.entries()).hasSizeGreaterThan(2);
        assertThat(all.next()).as("a page that is not full is the last").isNull();

        // when the table is read two entries at a time, each page starting after the previous one's cursor
        var read = new java.util.ArrayList<QTableEntry>();
        var page = queries.handle(new FetchQTableEntries(TABLE, null, 0, 2));
        int pages = 1;
        read.addAll(page.entries());
        while (page.next() != null) {
            page = queries.handle(new FetchQTableEntries(TABLE, null, 0, 2, EntryCursor.of(page.next())));
            assertThat(page.total())
                    .as("a cursor page does not count the table")
                    .isNull();
            read.addAll(page.entries());
            pages++;
        }

        // then the entries are those of the one big page, in the same order, and numbered pages agree
        assertThat(read).containsExactlyElementsOf(all.entries());
        assertThat(pages)
                .isBetween((all.entries().size() + 1) / 2, all.entries().size() / 2 + 1);
        assertThat(queries.handle(new FetchQTableEntries(TABLE, null, 1, 2)).entries())
                .containsExactlyElementsOf(
                        all.entries().subList(2, Math.min(4, all.entries().size())));
    }

    @Test
    void aCursorAndAPageNumberTogetherAreRefused() {
        var cursor = new EntryCursor(state("s0"), 1);
        assertThat(EntryCursor.of(cursor.token())).isEqualTo(cursor);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new FetchQTableEntries(TABLE, null, 3, 2, cursor))
                .withMessage("give a page number or a cursor (after), not both");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> EntryCursor.of("not a cursor!"))
                .withMessageContaining("'next' token of a previous page");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> EntryCursor.of(java.util.Base64.getUrlEncoder().encodeToString("x:s0".getBytes())))
                .withMessageContaining("'next' token of a previous page");
    }

    @Test
    void theGreedyPolicyTreatsUnvisitedActionsAsZero() {
        replayAll();

        var policy = queries.handle(new FetchGreedyPolicy(TABLE)).actionByState();

        assertThat(policy).containsEntry("s0", "direct_answer");
        // s1 only knows consult_peer at -0.4: the cheapest unvisited (0-valued) action wins
        assertThat(policy).containsEntry("s1", "direct_answer");
    }

    @Test
    void applyingEveryEventTwiceLeavesTheModelUnchanged() {
        replayAll();
        String once = contentHash();

        replayAll();

        assertThat(contentHash()).isEqualTo(once);
    }

    @Test
    void resetAndReplayRebuildsTheSameModel() {
        replayAll();
        String live = contentHash();

        projection.reset();
        assertThat(queries.handle(new FindQTableSummary(TABLE))).isNull();
        replayAll();

        assertThat(contentHash()).isEqualTo(live);
    }

    @Test
    void tablesAreListedByIdWithTheirTotal() {
        replayAll();

        var list = queries.handle(new io.qswarm.intelligence.api.ListQTables(0, 10));

        assertThat(list.total()).isEqualTo(1);
        assertThat(list.tables()).singleElement().satisfies(listing -> {
            assertThat(listing.tableId()).isEqualTo(TABLE);
            assertThat(listing.updates()).isEqualTo(3);
            assertThat(listing.merges()).isEqualTo(1);
        });
    }

    @Test
    void unknownTablesAnswerNothing() {
        var unknown = QTableId.of("nobody");

        assertThat(queries.handle(new FindQTableSummary(unknown))).isNull();
        assertThat(queries.handle(new FetchQTableEntries(unknown, null, 0, 10))).isNull();
        assertThat(queries.handle(new FetchQTableExport(unknown))).isNull();
        assertThat(queries.handle(new FetchGreedyPolicy(unknown))).isNull();
    }

    private String contentHash() {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (String sql : List.of(
                    "SELECT * FROM table_summary ORDER BY table_id",
                    "SELECT * FROM table_entry ORDER BY table_id, state, action")) {
                jdbc.query(sql, rs -> {
                    int columns = rs.getMetaData().getColumnCount();
                    for (int i = 1; i <= columns; i++) {
                        digest.update(String.valueOf(rs.getObject(i)).getBytes(StandardCharsets.UTF_8));
                        digest.update((byte) 0);
                    }
                });
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
