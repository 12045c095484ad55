package io.qswarm.environments.routing;

import static io.qswarm.environments.fixtures.EnvironmentFixtures.seeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import io.qswarm.environments.Action;
import io.qswarm.environments.Step;
import io.qswarm.environments.Transition;
import io.qswarm.environments.planning.OptimalSolution;
import io.qswarm.environments.planning.ValueIteration;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RoutingEnvironmentTest {

    private final RoutingEnvironment routing = new RoutingEnvironment();

    @Test
    void theActionsAreTheFiveRoutesWithTheirBaseCosts() {
        assertThat(routing.actions())
                .containsExactly(
                        new Action("direct_answer", 0.0),
                        new Action("context_answer", 0.1),
                        new Action("request_clarification", 0.2),
                        new Action("consult_peer", 0.3),
                        new Action("escalate", 0.5));
        assertThat(routing.stateCount()).isEqualTo(36);
    }

    @Test
    void theStateKeyNamesTypeComplexityAndContext() {
        int state = RoutingEnvironment.encode(QueryType.TROUBLESHOOTING, Complexity.HIGH, ContextBucket.NONE);

        assertThat(routing.stateKey(state)).isEqualTo("troubleshooting|high|none");
    }

    @Test
    void theRewardComponentsOfEveryStepSumToTheReward() {
        // given
        RandomGenerator rng = seeded(13);
        RandomGenerator actions = seeded(14);

        for (int i = 0; i < 2_000; i++) {
            routing.reset(rng);
            Step step;
            do {
                // when
                step = routing.step(actions.nextInt(routing.actionCount()), rng);

                // then
                double sum = step.rewardComponents().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum();
                assertThat(step.rewardComponents()).containsOnlyKeys("resolution", "rating", "latency", "consultation");
                assertThat(sum).isCloseTo(step.reward(), within(1e-12));
            } while (!step.done());
        }
    }

    @Test
    void theConsultationComponentIsMinusTheBaseCostAndLatencyIsCharged() {
        int state = RoutingEnvironment.encode(QueryType.FACTUAL, Complexity.LOW, ContextBucket.NONE);

        for (Route route : Route.values()) {
            RoutingEnvironment fresh = new RoutingEnvironment();
            RandomGenerator rng = seeded(3);
            do {
                fresh.reset(rng);
            } while (fresh.state() != state);

            Step step = fresh.step(route.ordinal(), rng);

            assertThat(step.rewardComponents().get("consultation")).isEqualTo(-route.baseCost());
            assertThat(step.rewardComponents().get("latency")).isCloseTo(-0.01 * route.latencySeconds(), within(1e-12));
        }
    }

    @Test
    void aClarificationUsuallyEnrichesTheContextAndDoesNotEndTheQuery() {
        int state = RoutingEnvironment.encode(QueryType.PROCEDURAL, Complexity.MEDIUM, ContextBucket.NONE);

        assertThat(routing.transitions(state, Route.REQUEST_CLARIFICATION.ordinal()))
                .extracting(Transition::probability, Transition::nextState, Transition::terminal)
                .containsExactly(
                        tuple(
                                0.9,
                                RoutingEnvironment.encode(
                                        QueryType.PROCEDURAL, Complexity.MEDIUM, ContextBucket.PARTIAL),
                                false),
                        tuple(1 - 0.9, state, false));
    }

    @Test
    void theConversationIsTruncatedAfterThreeTurns() {
        RandomGenerator rng = seeded(8);
        routing.reset(rng);

        Step first = routing.step(Route.REQUEST_CLARIFICATION.ordinal(), rng);
        Step second = routing.step(Route.REQUEST_CLARIFICATION.ordinal(), rng);
        Step third = routing.step(Route.REQUEST_CLARIFICATION.ordinal(), rng);

        assertThat(first.done()).isFalse();
        assertThat(second.done()).isFalse();
        assertThat(third.truncated()).isTrue();
        assertThat(third.terminated()).isFalse();
    }

    @Test
    void theBestRouteDependsOnTheQueryAndEveryRouteIsBestSomewhere() {
        // when
        OptimalSolution solution = ValueIteration.solve(routing, 1.0);

        // then
        assertThat(route(solution, QueryType.FACTUAL, Complexity.LOW, ContextBucket.NONE))
                .isEqualTo(Route.DIRECT_ANSWER);
        assertThat(route(solution, QueryType.PROCEDURAL, Complexity.MEDIUM, ContextBucket.RICH))
                .isEqualTo(Route.CONTEXT_ANSWER);
        assertThat(route(solution, QueryType.PROCEDURAL, Complexity.MEDIUM, ContextBucket.PARTIAL))
                .isEqualTo(Route.REQUEST_CLARIFICATION);
        assertThat(route(solution, QueryType.TROUBLESHOOTING, Complexity.MEDIUM, ContextBucket.RICH))
                .isEqualTo(Route.CONSULT_PEER);
        assertThat(route(solution, QueryType.ACCOUNT, Complexity.LOW, ContextBucket.RICH))
                .isEqualTo(Route.ESCALATE);
        assertThat(Arrays.stream(solution.policy()).boxed().collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }

    private static Route route(OptimalSolution solution, QueryType type, Complexity complexity, ContextBucket context) {
        return Route.values()[solution.action(RoutingEnvironment.encode(type, complexity, context))];
    }
}
