package io.qswarm.infra.axon;

import java.util.function.ObjLongConsumer;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Reads one aggregate's stored events, upcast and deserialized, from a sequence number on — never its snapshot. For
 * runtimes that keep a mirror of an aggregate's state folded from its facts and advance it by the stream's tail (the
 * application reaches aggregates only through messages, and never loads one).
 */
public final class EventStreams {

    private final EventStore store;

    public EventStreams(EventStore store) {
        this.store = store;
    }

    /** Hands the events of {@code aggregateId} from sequence number {@code fromSequence} on to {@code into}. */
    public void read(String aggregateId, long fromSequence, ObjLongConsumer<Object> into) {
        store.readEvents(aggregateId, fromSequence)
                .asStream()
                .forEach(event -> into.accept(event.getPayload(), event.getSequenceNumber()));
    }
}
