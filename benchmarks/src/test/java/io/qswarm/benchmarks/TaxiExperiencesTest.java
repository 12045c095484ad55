package io.qswarm.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.intelligence.api.Experience;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TaxiExperiencesTest {

    @Test
    void theSameSeedYieldsTheSameStream() {
        // when
        var first = new TaxiExperiences(11).next(5_000);
        var second = new TaxiExperiences(11).next(5_000);

        // then
        assertThat(first).isEqualTo(second);
        assertThat(new TaxiExperiences(12).next(5_000)).isNotEqualTo(first);
    }

    @Test
    void experiencesStayInsideTheTaxiDomain() {
        // when
        List<Experience> experiences = new TaxiExperiences(3).next(50_000).experiences();

        // then
        Set<String> actions =
                TaxiExperiences.ACTIONS.stream().map(action -> action.name()).collect(Collectors.toSet());
        assertThat(experiences).allSatisfy(e -> {
            assertThat(Integer.parseInt(e.state().value())).isBetween(0, TaxiExperiences.STATES - 1);
            assertThat(actions).contains(e.action());
            assertThat(e.reward()).isIn(-1.0, -10.0, 20.0);
            assertThat(e.terminal()).isEqualTo(e.reward() == 20.0);
        });
        assertThat(experiences.stream().map(e -> e.state().value()).distinct().count())
                .as("a random walk of 50,000 steps visits most of the 300 states a passenger waits in")
                .isGreaterThan(250);
    }

    @Test
    void anEpisodeEndsByDeliveryOrAfterTwoHundredSteps() {
        // given
        var stream = new TaxiExperiences(5);

        // when
        int steps = 0;
        boolean ended = false;
        while (!ended) {
            ended = stream.next(1).endsEpisode();
            steps++;
        }

        // then
        assertThat(steps).isLessThanOrEqualTo(TaxiExperiences.MAX_EPISODE_STEPS);
    }
}
