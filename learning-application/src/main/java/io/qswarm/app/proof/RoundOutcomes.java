package io.qswarm.app.proof;

import io.qswarm.federation.api.RoundCompleted;
import io.qswarm.federation.api.RoundFailed;
import io.qswarm.federation.api.RoundId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * How the proofs learn that a round ended: the swarm's {@link RoundCompleted} or {@link RoundFailed}, seen by a
 * subscribing processor (in the thread that published it), so the proof waits on a future instead of polling the
 * store. Registered by {@link FederationProofConfiguration} only.
 */
@ProcessingGroup(RoundOutcomes.PROCESSING_GROUP)
public class RoundOutcomes {

    public static final String PROCESSING_GROUP = "federation-proof-rounds";

    private final Map<RoundId, CompletableFuture<Object>> ends = new ConcurrentHashMap<>();

    @EventHandler
    void on(RoundCompleted event) {
        end(event.roundId()).complete(event);
    }

    @EventHandler
    void on(RoundFailed event) {
        end(event.roundId()).complete(event);
    }

    private CompletableFuture<Object> end(RoundId round) {
        return ends.computeIfAbsent(round, r -> new CompletableFuture<>());
    }

    /**
     * The completed round, once it ended.
     *
     * @throws IllegalStateException when the round failed or did not end within {@code timeout}
     */
    RoundCompleted awaitCompleted(RoundId round, Duration timeout) throws InterruptedException {
        Object outcome;
        try {
            outcome = end(round).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("round " + round + " did not end within " + timeout, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("round " + round + " could not be observed", e.getCause());
        } finally {
            ends.remove(round);
        }
        if (outcome instanceof RoundFailed failed) {
            throw new IllegalStateException(
                    "round " + round + " failed: " + failed.reason() + " (stragglers " + failed.stragglers() + ")");
        }
        return (RoundCompleted) outcome;
    }
}
