package io.qswarm.environments;

import static io.qswarm.environments.fixtures.EnvironmentFixtures.trajectory;
import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.environments.catalog.EnvironmentCatalog;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeterminismTest {

    static List<String> everyEnvironment() {
        return List.copyOf(EnvironmentCatalog.names());
    }

    /** Environments whose trajectories depend on the seed (CliffWalking-v1 is deterministic from a fixed start). */
    static List<String> stochasticEnvironments() {
        return everyEnvironment().stream()
                .filter(name -> !name.equals("CliffWalking-v1") && !name.endsWith("-not-slippery"))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("everyEnvironment")
    void theSameSeedReproducesTheSameTrajectory(String name) {
        // when
        List<Step> first = trajectory(EnvironmentCatalog.create(name), 42, 7, 500);
        List<Step> second = trajectory(EnvironmentCatalog.create(name), 42, 7, 500);

        // then
        assertThat(second).isEqualTo(first);
    }

    @ParameterizedTest
    @MethodSource("stochasticEnvironments")
    void differentSeedsGiveDifferentTrajectories(String name) {
        // when
        List<Step> first = trajectory(EnvironmentCatalog.create(name), 42, 7, 500);
        List<Step> second = trajectory(EnvironmentCatalog.create(name), 43, 7, 500);

        // then
        assertThat(second).isNotEqualTo(first);
    }

    @ParameterizedTest
    @MethodSource("everyEnvironment")
    void theCatalogCreatesAFreshInstanceNamedAsRequested(String name) {
        Environment one = EnvironmentCatalog.create(name);
        Environment other = EnvironmentCatalog.create(name);

        assertThat(one).isNotSameAs(other);
        assertThat(one.name()).isEqualTo(name);
    }
}
