package io.qswarm.intelligence.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records one learning batch (an episode, or a chunk of one) in order. A batch whose idempotency key the table has
 * already applied is a no-op, so a client may safely retry.
 *
 * @param endsEpisode whether the batch closes an episode; the exploration schedule advances once per episode
 * @param actingAgent the agent on whose credential the batch arrives, or {@code null} for a caller that may record into
 *     any table (an operator, the agent runtime of this deployment); a table refuses the batch of another agent
 */
public record RecordExperiences(
        @TargetAggregateIdentifier QTableId tableId,
        String idempotencyKey,
        List<Experience> experiences,
        boolean endsEpisode,
        AgentId actingAgent) {

    /** Hard ceiling of the domain; the API may enforce a lower, configurable one. */
    public static final int MAX_BATCH = 100_000;

    public RecordExperiences {
        Checks.required("tableId", tableId);
        Checks.text("idempotencyKey", idempotencyKey, 128);
        Checks.required("experiences", experiences);
        if (experiences.isEmpty()) {
            throw new IllegalArgumentException("experiences must not be empty");
        }
        if (experiences.size() > MAX_BATCH) {
            throw new IllegalArgumentException(
                    "a batch holds at most " + MAX_BATCH + " experiences, was " + experiences.size());
        }
        for (int i = 0; i < experiences.size(); i++) {
            if (experiences.get(i) == null) {
                throw new IllegalArgumentException("experiences[" + i + "] is null");
            }
        }
        experiences = List.copyOf(experiences);
    }

    /** A batch from a caller that may record into any table. */
    public RecordExperiences(
            QTableId tableId, String idempotencyKey, List<Experience> experiences, boolean endsEpisode) {
        this(tableId, idempotencyKey, experiences, endsEpisode, null);
    }
}
