package io.qswarm.projections.exploration;

import static io.qswarm.intelligence.fixtures.QTableFixtures.TABLE;
import static io.qswarm.intelligence.fixtures.QTableFixtures.aRoutingTableCreated;
import static io.qswarm.intelligence.fixtures.QTableFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.ExplorationChanged;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.QTableUpdated;
import io.qswarm.projections.catalog.ReadModel;
import io.qswarm.projections.catalog.ReadModelDigest;
import io.qswarm.projections.exploration.ExplorationTimeline.EpsilonPoint;
import io.qswarm.projections.support.ReadModelDatabase;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class ExplorationProjectionTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private JdbcTemplate jdbc;
    private ExplorationProjection projection;
    private ExplorationQueries queries;

    @BeforeEach
    void setUp() {
        jdbc = ReadModelDatabase.migrated("exploration");
        queries = new ExplorationQueries(jdbc);
        projection = new ExplorationProjection(jdbc, queries, ReadModelDatabase.noSubscribers());
        projection.on(aRoutingTableCreated(), 0, T0);
    }

    /** The n-th batch: two updates, one more episode, epsilon 1/n. */
    private void batch(long n) {
        var update = new AppliedUpdate(state("s"), "escalate", 1, Map.of(), null, null, true, 0, 0, 0.1, n);
        projection.on(
                new QTableUpdated(TABLE, "k" + n, Collections.nCopies(2, update), true, n, 1.0 / n),
                n,
                T0.plusSeconds(n));
    }

    private ExplorationTimeline timeline() {
        return queries.handle(new FetchExploration(TABLE));
    }

    @Test
    void theTimelineFollowsEpsilonAgainstEpisodesAndUpdates() {
        for (long n = 1; n <= 3; n++) {
            batch(n);
        }

        ExplorationTimeline timeline = timeline();
        assertThat(timeline.epsilon()).isEqualTo(1.0 / 3);
        assertThat(timeline.episodes()).isEqualTo(3);
        assertThat(timeline.updates()).isEqualTo(6);
        assertThat(timeline.schedule()).isEqualTo(ExplorationSchedule.constant(0.1));
        assertThat(timeline.points())
                .containsExactly(
                        new EpsilonPoint(0, 0, 0, 0.1, true, T0),
                        new EpsilonPoint(1, 1, 2, 1.0, false, T0.plusSeconds(1)),
                        new EpsilonPoint(2, 2, 4, 0.5, false, T0.plusSeconds(2)),
                        new EpsilonPoint(3, 3, 6, 1.0 / 3, false, T0.plusSeconds(3)));
    }

    @Test
    void aLongRunIsDownsampledToABoundedTimelineThatStillEndsAtTheCurrentValue() {
        for (long n = 1; n <= 5_000; n++) {
            batch(n);
        }

        ExplorationTimeline timeline = timeline();
        assertThat(timeline.points().size())
                .isBetween(ExplorationProjection.MAX_POINTS / 2, ExplorationProjection.MAX_POINTS + 2);
        assertThat(timeline.stride()).isEqualTo(32); // 5000 / 32 = 156 regular points; stride 16 would keep 312
        List<EpsilonPoint> stored =
                timeline.points().subList(0, timeline.points().size() - 1);
        assertThat(stored)
                .allSatisfy(point -> assertThat(point.batch() % timeline.stride() == 0 || point.scheduleChange())
                        .isTrue());
        EpsilonPoint last = timeline.points().get(timeline.points().size() - 1);
        assertThat(last.batch()).isEqualTo(5_000);
        assertThat(last.epsilon()).isEqualTo(1.0 / 5_000);
        assertThat(timeline.points()).isSortedAccordingTo(java.util.Comparator.comparingLong(EpsilonPoint::batch));
    }

    @Test
    void aScheduleChangeIsAlwaysKeptAndRestartsEpisodes() {
        batch(1);
        var schedule = ExplorationSchedule.exponential(0.5, 0.99, 0.01);

        projection.on(new ExplorationChanged(TABLE, schedule, 0.5), 2, T0.plusSeconds(2));

        ExplorationTimeline timeline = timeline();
        assertThat(timeline.schedule()).isEqualTo(schedule);
        assertThat(timeline.episodes()).isZero();
        assertThat(timeline.points().get(timeline.points().size() - 1))
                .isEqualTo(new EpsilonPoint(2, 0, 2, 0.5, true, T0.plusSeconds(2)));
    }

    @Test
    void redeliveryChangesNothingAndResetClears() {
        batch(1);
        String once = ReadModelDigest.of(jdbc, ReadModel.EXPLORATION);

        batch(1);
        assertThat(ReadModelDigest.of(jdbc, ReadModel.EXPLORATION)).isEqualTo(once);

        projection.reset();
        assertThat(timeline()).isNull();
        assertThat(List.of(jdbc.queryForObject("SELECT COUNT(*) FROM exploration_point", Long.class)))
                .containsExactly(0L);
    }
}
