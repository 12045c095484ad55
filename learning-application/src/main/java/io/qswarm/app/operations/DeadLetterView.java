package io.qswarm.app.operations;

import java.time.Instant;

/**
 * One parked event: the sequence (table) it holds back, the event, why it failed and when.
 *
 * @param position global index of the event in the store, -1 if unknown
 */
public record DeadLetterView(
        String sequence,
        String eventType,
        String aggregateId,
        long sequenceNumber,
        long position,
        String causeType,
        String causeMessage,
        Instant enqueuedAt,
        Instant lastTouched) {}
