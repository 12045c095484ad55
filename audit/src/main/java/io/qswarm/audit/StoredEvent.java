package io.qswarm.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One stored event as the auditor sees it.
 *
 * @param globalIndex the store's global position
 * @param payload the deserialized api record, or null when {@code unreadable} says why it could not be read
 * @param metadata the event's metadata (string values)
 * @param linkedHash {@code SHA-256(recorded chain.prev || canonical(payload))} when the reader computed it (in
 *     parallel), else null and the auditor computes it
 */
public record StoredEvent(
        long globalIndex,
        String tableId,
        long sequence,
        Instant timestamp,
        Object payload,
        Map<String, String> metadata,
        String unreadable,
        String linkedHash) {

    public StoredEvent(
            long globalIndex,
            String tableId,
            long sequence,
            Instant timestamp,
            Object payload,
            Map<String, String> metadata,
            String unreadable) {
        this(globalIndex, tableId, sequence, timestamp, payload, metadata, unreadable, null);
    }
}
