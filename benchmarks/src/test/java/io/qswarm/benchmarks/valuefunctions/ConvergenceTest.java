package io.qswarm.benchmarks.valuefunctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ConvergenceTest {

    @Test
    void convergenceIsTheFirstCheckpointAfterWhichTheReturnStaysInTheBand() {
        // given returns 0, 7.8, 5, 7.6, 7.93, 7.9 at episodes 100..600 and the optimum 7.93 (floor 7.5335)
        List<QLearning.Checkpoint> checkpoints = curve(0, 7.8, 5, 7.6, 7.93, 7.9);

        // then 7.8 at 200 does not count (the return fell out of the band again); 7.6 at 400 does
        assertThat(Convergence.episodesTo(checkpoints, 7.93, 0.05, 1)).isEqualTo(OptionalInt.of(400));
    }

    @Test
    void aRunThatEndsOutsideTheBandNeverConverged() {
        assertThat(Convergence.episodesTo(curve(7.93, 7.93, -200), 7.93, 0.05, 1))
                .isEmpty();
    }

    @Test
    void beatingTheReferenceCountsAsConverged() {
        assertThat(Convergence.episodesTo(curve(50, 96, 130, 180), 100, 0.05, 1))
                .isEqualTo(OptionalInt.of(200));
    }

    @Test
    void aNoisyCurveIsJudgedOnItsTrailingMean() {
        // given a return flipping between 80 and 120 around 100: raw, it drops below the floor of 95 again and again
        List<QLearning.Checkpoint> checkpoints = curve(0, 80, 120, 80, 120, 80, 120);

        // then averaged over 2 checkpoints it stays at 100 from the third checkpoint on
        assertThat(Convergence.episodesTo(checkpoints, 100, 0.05, 1)).isEqualTo(OptionalInt.of(700));
        assertThat(Convergence.episodesTo(checkpoints, 100, 0.05, 2)).isEqualTo(OptionalInt.of(300));
        assertThat(Convergence.smoothed(checkpoints, 2)).containsExactly(0, 40, 100, 100, 100, 100, 100);
    }

    private static List<QLearning.Checkpoint> curve(double... returns) {
        var checkpoints = new ArrayList<QLearning.Checkpoint>();
        for (int i = 0; i < returns.length; i++) {
            checkpoints.add(new QLearning.Checkpoint(100 * (i + 1), returns[i], 0));
        }
        return checkpoints;
    }
}
