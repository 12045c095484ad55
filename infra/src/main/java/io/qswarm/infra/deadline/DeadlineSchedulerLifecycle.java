package io.qswarm.infra.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.context.SmartLifecycle;

/**
 * Starts polling for due deadlines once the whole application is up (Axon's buses, sagas and processors, which a
 * deadline needs to be delivered), and stops it first on shutdown, waiting at most
 * {@code qswarm.deadlines.shutdown-max-wait} for handlers that are running. A deadline that comes due while the server
 * is down fires at the next start.
 */
final class DeadlineSchedulerLifecycle implements SmartLifecycle {

    /** After Axon's own start phases (the highest is {@code Integer.MAX_VALUE / 2}), before the web server's. */
    static final int PHASE = Integer.MAX_VALUE / 2 + 1024;

    private final Scheduler scheduler;
    private volatile boolean running;

    DeadlineSchedulerLifecycle(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void start() {
        scheduler.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        scheduler.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
