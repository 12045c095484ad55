package io.qswarm.app.runtime;

import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.RecordedBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small swarm that learns in the background of {@code ./qswarm serve --demo}, so a newcomer sees tables, events and
 * read models move: a few Taxi agents and a few query-routing agents, each episode recorded through the command bus,
 * throttled so the server stays responsive.
 */
public final class DemoSwarm implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(DemoSwarm.class);

    private final List<Agent> agents = new ArrayList<>();
    private final Function<Object, Object> send;
    private final long pauseMillis;
    private volatile boolean running = true;

    public DemoSwarm(String runId, int agentsPerTask, long seed, long pauseMillis, Function<Object, Object> send) {
        this.send = send;
        this.pauseMillis = pauseMillis;
        var seeds = new java.util.SplittableRandom(seed);
        for (Task task : List.of(Task.TAXI, Task.ROUTING)) {
            var settings = new Training.Settings(
                    runId + "-" + task.cliName(),
                    agentsPerTask,
                    1,
                    seed,
                    LearningRule.Q_LEARNING,
                    0.1,
                    0.99,
                    ExplorationSchedule.exponential(1.0, 0.995, 0.05),
                    1000,
                    1);
            for (int i = 0; i < agentsPerTask; i++) {
                var environment = task.newEnvironment();
                CreateQTable definition = Training.tableOf(settings, environment, i);
                send.apply(definition);
                agents.add(new Agent(definition, environment, seeds.nextLong(), 1000));
            }
        }
        log.info(
                "demo swarm: {} agents learning {}",
                agents.size(),
                agents.stream().map(Agent::tableId).toList());
    }

    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        long episodes = 0;
        while (running && !Thread.currentThread().isInterrupted()) {
            for (Agent agent : agents) {
                agent.learnEpisode(command -> (RecordedBatch) send.apply(command));
            }
            episodes++;
            if (episodes % 500 == 0) {
                log.info("demo swarm: {} episodes per agent", episodes);
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
