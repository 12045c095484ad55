package io.qswarm.intelligence.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.intelligence.api.ExplorationSchedule;
import org.junit.jupiter.api.Test;

class ExplorationScheduleTest {

    @Test
    void constantNeverChanges() {
        assertThat(ExplorationSchedule.constant(0.1).epsilonAt(1_000_000)).isEqualTo(0.1);
    }

    @Test
    void exponentialDecaysToItsFloor() {
        var schedule = ExplorationSchedule.exponential(1.0, 0.5, 0.05);

        assertThat(schedule.epsilonAt(0)).isEqualTo(1.0);
        assertThat(schedule.epsilonAt(2)).isEqualTo(0.25);
        assertThat(schedule.epsilonAt(10)).isEqualTo(0.05);
    }

    @Test
    void linearReachesItsEndAfterTheGivenStepsAndStays() {
        var schedule = ExplorationSchedule.linear(1.0, 0.1, 10);

        assertThat(schedule.epsilonAt(5)).isCloseTo(0.55, within(1e-15));
        assertThat(schedule.epsilonAt(10)).isCloseTo(0.1, within(1e-15));
        assertThat(schedule.epsilonAt(50)).isCloseTo(0.1, within(1e-15));
    }

    @Test
    void invalidSchedulesAreRefusedWithTheReason() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExplorationSchedule.constant(1.5))
                .withMessageContaining("exploration start must be in [0.0, 1.0]");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExplorationSchedule.exponential(0.5, 0.9, 0.6))
                .withMessageContaining("floor");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExplorationSchedule.exponential(1.0, Double.NaN, 0.1))
                .withMessageContaining("finite");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExplorationSchedule.linear(1.0, 0.1, 0))
                .withMessageContaining("steps");
    }
}
