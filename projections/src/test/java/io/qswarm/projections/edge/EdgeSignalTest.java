package io.qswarm.projections.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.StateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What one occurrence realizes, the clock it happens at, and the settings' validation. */
class EdgeSignalTest {

    private static AppliedUpdate update(double reward, boolean terminal, double bootstrap, double oldQ) {
        return new AppliedUpdate(
                StateKey.of("s"), "buy", reward, Map.of(), StateKey.of("s2"), null, terminal, bootstrap, oldQ, 0.0, 1);
    }

    @Test
    void theRewardSignalIsTheRewardReceived() {
        assertThat(EdgeSignal.REWARD.of(update(1.5, false, 2.0, 0.5), 0.9)).isEqualTo(1.5);
    }

    @Test
    void theTdAdvantageIsTheTargetMinusTheValueHeldBefore() {
        // 1 + 0.9·2 − 0.5 = 2.3
        assertThat(EdgeSignal.TD_ADVANTAGE.of(update(1.0, false, 2.0, 0.5), 0.9))
                .isCloseTo(2.3, within(1e-12));
        // terminal: 1 − 0.5
        assertThat(EdgeSignal.TD_ADVANTAGE.of(update(1.0, true, 2.0, 0.5), 0.9)).isEqualTo(0.5);
    }

    @Test
    void theEpisodeClockIsTheEpisodesBeforeTheBatch() {
        assertThat(EdgeClock.EPISODES.time(Instant.EPOCH, 42, Duration.ofDays(1)))
                .isEqualTo(42.0);
    }

    @Test
    void theEventTimeClockCountsUnitsSinceTheEpoch() {
        // 90 minutes in hours
        assertThat(EdgeClock.EVENT_TIME.time(Instant.EPOCH.plusSeconds(5400), 0, Duration.ofHours(1)))
                .isEqualTo(1.5);
    }

    @Test
    void settingsRefuseABadParameterByName() {
        assertThatThrownBy(() -> EdgeScoreSettings.builder().ewmaRate(2).build())
                .hasMessageContaining("ewma rate");
        assertThatThrownBy(() -> EdgeScoreSettings.builder().halfLifeTarget(0).build())
                .hasMessageContaining("half-life target");
        assertThatThrownBy(() -> EdgeScoreSettings.builder().minOverlap(1).build())
                .hasMessageContaining("overlap");
        assertThatThrownBy(() -> EdgeScoreSettings.builder().historyCap(1).build())
                .hasMessageContaining("historyCap");
        assertThatThrownBy(() ->
                        EdgeScoreSettings.builder().timeUnit(Duration.ZERO).build())
                .hasMessageContaining("timeUnit");
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        var defaults = EdgeScoreSettings.defaults();

        assertThat(defaults.signal()).isEqualTo(EdgeSignal.REWARD);
        assertThat(defaults.ewmaRate()).isEqualTo(0.1);
        assertThat(defaults.clock()).isEqualTo(EdgeClock.EPISODES);
        assertThat(defaults.historyCap()).isEqualTo(32);
        assertThat(defaults.minRegimeSamples()).isEqualTo(30);
        assertThat(defaults.toBuilder().build()).isEqualTo(defaults);
    }
}
