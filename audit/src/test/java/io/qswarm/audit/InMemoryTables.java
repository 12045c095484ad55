package io.qswarm.audit;

import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.domain.QTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

/**
 * The real QTable aggregate on an in-memory event store (plain Axon, no Spring, no database): commands in, the stored
 * events out as the auditor reads them, and the aggregate itself for snapshot tests.
 */
final class InMemoryTables implements AutoCloseable {

    static {
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    private final Configuration configuration;
    private long globalIndex;

    InMemoryTables() {
        configuration = DefaultConfigurer.defaultConfiguration(false)
                .configureAggregate(QTable.class)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .buildConfiguration();
        configuration.start();
    }

    CommandGateway commands() {
        return configuration.commandGateway();
    }

    /** The table's events as stored, with their chain metadata, at consecutive global positions. */
    List<StoredEvent> events(QTableId table) {
        var events = new ArrayList<StoredEvent>();
        configuration.eventStore().readEvents(table.value()).asStream().forEach(event -> events.add(stored(event)));
        return events;
    }

    private StoredEvent stored(DomainEventMessage<?> event) {
        Map<String, String> metadata = new HashMap<>();
        event.getMetaData().forEach((key, value) -> metadata.put(key, String.valueOf(value)));
        return new StoredEvent(
                globalIndex++,
                event.getAggregateIdentifier(),
                event.getSequenceNumber(),
                event.getTimestamp(),
                event.getPayload(),
                metadata,
                null);
    }

    /** The aggregate as the repository loads it. */
    QTable load(QTableId table) {
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        return unitOfWork
                .executeWithResult(() -> configuration
                        .repository(QTable.class)
                        .load(table.value())
                        .invoke(Function.identity()))
                .getPayload();
    }

    /** Audits events in order. */
    static AuditReport audit(List<StoredEvent> events) {
        var auditor = new Auditor();
        events.forEach(auditor::accept);
        return auditor.report("test", 0);
    }

    @Override
    public void close() {
        configuration.shutdown();
    }
}
