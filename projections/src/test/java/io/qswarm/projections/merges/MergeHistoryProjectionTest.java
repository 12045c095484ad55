package io.qswarm.projections.merges;

import static io.qswarm.intelligence.fixtures.QTableFixtures.TABLE;
import static io.qswarm.intelligence.fixtures.QTableFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.intelligence.api.FetchMergeHistory;
import io.qswarm.intelligence.api.MergeCounts;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.MergedEntry;
import io.qswarm.intelligence.api.QTableMerged;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class MergeHistoryProjectionTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private MergeHistoryProjection projection;

    @BeforeEach
    void setUp() {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:merges-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common")
                .load()
                .migrate();
        projection = new MergeHistoryProjection(new JdbcTemplate(dataSource));
    }

    private static QTableMerged merge(String round, MergeCounts counts, MergedEntry... changes) {
        return new QTableMerged(
                TABLE, "peer-b", round, MergeStrategy.VISIT_WEIGHTED_MEAN, List.of(changes), List.of(), counts);
    }

    private static MergedEntry change(String s, double before, double after, Double peerQ) {
        return new MergedEntry(
                state(s),
                "escalate",
                false,
                before,
                after,
                Map.of(),
                Map.of("peer-b", 1L),
                peerQ,
                Map.of("peer-b", 1L));
    }

    @Test
    void everyMergeIsListedNewestFirstWithItsCountsAndDivergence() {
        // given the reference merge (0.5 with 0.8 → 0.7) and a second one that changed nothing
        projection.on(
                merge("r1", new MergeCounts(0, 2, 0, 1), change("s0", 0.5, 0.7, 0.8), change("s1", 0.0, 0.4, 0.4)),
                3,
                T0);
        projection.on(merge("r2", new MergeCounts(0, 0, 2, 0)), 4, T0.plusSeconds(5));

        var history = projection.handle(new FetchMergeHistory(TABLE, 0, 10));

        assertThat(history.total()).isEqualTo(2);
        assertThat(history.merges()).extracting(m -> m.round()).containsExactly("r2", "r1");
        var first = history.merges().get(1);
        assertThat(first.counts()).isEqualTo(new MergeCounts(0, 2, 0, 1));
        assertThat(first.divergenceBefore()).isCloseTo((0.3 + 0.4) / 2, within(1e-12));
        assertThat(first.divergenceAfter()).isCloseTo((0.1 + 0.0) / 2, within(1e-12));
        assertThat(first.at()).isEqualTo(T0);
        assertThat(history.merges().get(0).divergenceBefore()).isNull();
    }

    @Test
    void aRedeliveredMergeIsRecordedOnce() {
        var event = merge("r1", new MergeCounts(1, 0, 0, 0), change("s0", 0.0, 0.8, 0.8));
        projection.on(event, 3, T0);

        projection.on(event, 3, T0);

        assertThat(projection.handle(new FetchMergeHistory(TABLE, 0, 10)).total())
                .isEqualTo(1);
    }

    @Test
    void resetForgetsEveryMerge() {
        projection.on(merge("r1", new MergeCounts(1, 0, 0, 0), change("s0", 0.0, 0.8, 0.8)), 3, T0);

        projection.reset();

        assertThat(projection.handle(new FetchMergeHistory(TABLE, 0, 10)).merges())
                .isEmpty();
    }
}
