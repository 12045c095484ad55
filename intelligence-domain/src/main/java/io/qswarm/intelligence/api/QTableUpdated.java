package io.qswarm.intelligence.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A learning batch was applied. Holds every update in order and the exploration state after the batch, so replay
 * needs nothing else.
 *
 * @param episodes episodes completed under the current exploration schedule after this batch
 * @param epsilon epsilon after this batch (the batch itself was chosen with the previous one)
 */
@Revision("1")
public record QTableUpdated(
        QTableId tableId,
        String idempotencyKey,
        List<AppliedUpdate> updates,
        boolean endsEpisode,
        long episodes,
        double epsilon) {}
