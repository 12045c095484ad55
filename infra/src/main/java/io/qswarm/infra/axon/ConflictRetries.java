package io.qswarm.infra.axon;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Sends a command again when, and only when, it lost a race for its aggregate: another thread or another node
 * appended the same sequence number first ({@link ConcurrencyException} anywhere in the failure's causes). Pauses
 * grow exponentially from {@code firstPauseMillis}, with jitter so that two losers do not collide again in step.
 * Every other failure (a refusal, a broken store) is answered at once.
 *
 * <p>Axon's own schedulers treat a failure as retryable unless some exception in its chain is marked non-transient,
 * which would retry refusals; this one inverts that: only conflicts are retried.
 */
final class ConflictRetries implements RetryScheduler {

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final long firstPauseMillis;

    ConflictRetries(ScheduledExecutorService executor, int maxRetries, long firstPauseMillis) {
        this.executor = executor;
        this.maxRetries = maxRetries;
        this.firstPauseMillis = firstPauseMillis;
    }

    @Override
    public boolean scheduleRetry(
            CommandMessage commandMessage,
            RuntimeException lastFailure,
            List<Class<? extends Throwable>[]> failures,
            Runnable dispatchTask) {
        int attempt = failures.size();
        if (!isConflict(lastFailure) || attempt > maxRetries) {
            return false;
        }
        long pause = firstPauseMillis << Math.min(attempt - 1, 16);
        long jittered = pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1);
        executor.schedule(dispatchTask, jittered, TimeUnit.MILLISECONDS);
        return true;
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
