package io.qswarm.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.app.QSwarmApplication;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.FindQTableSummary;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.QTableSummary;
import io.qswarm.intelligence.api.QTableUpdated;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Agents learn real tasks end to end: every experience goes through the command bus into the event store, the read
 * model follows, and the learned greedy policies reach the published optima.
 */
@SpringBootTest(classes = QSwarmApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("it")
class LearningProofIT {

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    @Autowired
    EventStore events;

    private Training.Result train(
            String runId,
            Task task,
            LearningRule rule,
            int episodes,
            double alpha,
            double gamma,
            ExplorationSchedule exploration,
            long seed)
            throws InterruptedException {
        var settings = new Training.Settings(runId, 1, episodes, seed, rule, alpha, gamma, exploration, 1000, 1);
        return Training.run(settings, task::newEnvironment, commands::sendAndWait, new Training.Progress());
    }

    private double sampledGreedyReturn(Agent agent, Task task, int episodes, long seed) {
        var random = new SplittableRandom(seed);
        double sum = 0;
        for (int e = 0; e < episodes; e++) {
            sum += agent.evaluateEpisode(task.newEnvironment(), random, 10_000).totalReward();
        }
        return sum / episodes;
    }

    private void assertEveryUpdateWasPersistedAndProjected(Training.Result result) {
        Agent agent = result.agents().get(0);
        long stored = events.readEvents(agent.tableId().value(), 0)
                .asStream()
                .filter(event -> event.getPayload() instanceof QTableUpdated)
                .mapToLong(
                        event -> ((QTableUpdated) event.getPayload()).updates().size())
                .sum();
        assertThat(stored).isEqualTo(result.steps()).isEqualTo(agent.mirrorUpdates());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> queries.query(
                                        new FindQTableSummary(agent.tableId()),
                                        ResponseTypes.optionalInstanceOf(QTableSummary.class))
                                .join()
                                .map(QTableSummary::updates)
                                .orElse(0L)
                        == stored);
    }

    @Test
    void qLearningSolvesTaxiWithin5000Episodes() throws InterruptedException {
        // given the documented defaults of ./qswarm train
        var result = train(
                "proof-taxi",
                Task.TAXI,
                LearningRule.Q_LEARNING,
                5000,
                0.1,
                0.99,
                ExplorationSchedule.exponential(1.0, 0.999, 0.01),
                1);

        // then the greedy policy is near the optimum of 7.93
        Agent agent = result.agents().get(0);
        assertThat(sampledGreedyReturn(agent, Task.TAXI, 1000, 11)).isGreaterThanOrEqualTo(7.5);
        assertThat(Task.TAXI.exactReturn(agent.greedyPolicy()).getAsDouble()).isGreaterThanOrEqualTo(7.5);
        assertEveryUpdateWasPersistedAndProjected(result);
    }

    @Test
    void frozenLakeSlipperyGreedySuccessReaches070() throws InterruptedException {
        var result = train(
                "proof-frozenlake",
                Task.FROZENLAKE,
                LearningRule.Q_LEARNING,
                8000,
                0.1,
                0.99,
                ExplorationSchedule.exponential(1.0, 0.999, 0.01),
                3);

        int[] policy = result.agents().get(0).greedyPolicy();
        assertThat(Task.FROZENLAKE.exactReturn(policy).getAsDouble()).isGreaterThanOrEqualTo(0.70);
        assertEveryUpdateWasPersistedAndProjected(result);
    }

    @Test
    void cliffWalkingReproducesSuttonAndBartoExample66() throws InterruptedException {
        // given ε = 0.1 constant, α = 0.5, undiscounted, 500 episodes (Sutton & Barto, Example 6.6)
        var epsilon = ExplorationSchedule.constant(0.1);
        var qLearning = train("proof-cliff-q", Task.CLIFFWALKING, LearningRule.Q_LEARNING, 500, 0.5, 1.0, epsilon, 5);
        var sarsa = train("proof-cliff-sarsa", Task.CLIFFWALKING, LearningRule.SARSA, 500, 0.5, 1.0, epsilon, 5);

        // then Q-learning's greedy path is the optimal edge path (−13)
        assertThat(sampledGreedyReturn(qLearning.agents().get(0), Task.CLIFFWALKING, 10, 1))
                .isEqualTo(-13.0);
        // and SARSA, learning the safer path, earns more online while exploring
        double qOnline = qLearning.meanReturns().stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElseThrow();
        double sarsaOnline = sarsa.meanReturns().stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElseThrow();
        assertThat(sarsaOnline).isGreaterThan(qOnline);
    }

    @Test
    void theSameSeedGivesTheSameEventStream() throws Exception {
        var schedule = ExplorationSchedule.exponential(1.0, 0.99, 0.05);
        var first = train("same-seed-a", Task.TAXI, LearningRule.EXPECTED_SARSA, 50, 0.1, 0.99, schedule, 99);
        var second = train("same-seed-b", Task.TAXI, LearningRule.EXPECTED_SARSA, 50, 0.1, 0.99, schedule, 99);
        var other = train("other-seed", Task.TAXI, LearningRule.EXPECTED_SARSA, 50, 0.1, 0.99, schedule, 100);

        String a = streamHash(first.agents().get(0));
        assertThat(streamHash(second.agents().get(0))).isEqualTo(a);
        assertThat(streamHash(other.agents().get(0))).isNotEqualTo(a);
        assertThat(Arrays.equals(first.returns().get(0), second.returns().get(0)))
                .isTrue();
    }

    /** SHA-256 over every learning event of the table, without the table id (which differs per run). */
    private String streamHash(Agent agent) throws Exception {
        var json = new ObjectMapper();
        var digest = MessageDigest.getInstance("SHA-256");
        events.readEvents(agent.tableId().value(), 0)
                .asStream()
                .map(event -> event.getPayload())
                .filter(QTableUpdated.class::isInstance)
                .map(QTableUpdated.class::cast)
                .forEach(event -> {
                    try {
                        digest.update(json.writeValueAsBytes(event.updates().stream()
                                .map(u -> u.state().value()
                                        + '|'
                                        + u.action()
                                        + '|'
                                        + u.reward()
                                        + '|'
                                        + u.newQ()
                                        + '|'
                                        + u.visits())
                                .toList()));
                        digest.update(json.writeValueAsBytes(event.epsilon()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        return HexFormat.of().formatHex(digest.digest());
    }
}
