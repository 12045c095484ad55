package io.qswarm.infra.storage;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's JDBC storage on the application's data source (ADR 0017): events and snapshots
 * ({@code JdbcEventStorageEngine}), tracking tokens, sagas and dead letters, in the snake_case tables Flyway creates
 * ({@code db/migration/h2} and {@code db/migration/postgresql}). Axon's {@code JdbcAutoConfiguration} builds the
 * engine, token store, saga store and dead-letter queues from the schemas defined here.
 *
 * <p>Payloads are {@code VARBINARY} on H2 and {@code bytea} on PostgreSQL, never large objects; the global index is an
 * identity column, so a tracking processor sees a gap only where a transaction rolled back.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public SagaSqlSchema sagaSqlSchema(DataSource dataSource) {
        SagaSchema schema = SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .sagaIdColumn("saga_id")
                .revisionColumn("revision")
                .sagaTypeColumn("saga_type")
                .serializedSagaColumn("serialized_saga")
                .associationValueEntryTable("association_value_entry")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build();
        return StoreVendor.of(dataSource) == StoreVendor.POSTGRESQL
                ? new PostgresSagaSqlSchema(schema)
                : new GenericSagaSqlSchema(schema);
    }

    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * A unique-key violation (SQLSTATE 23505 on H2 and PostgreSQL) is a concurrent append to the same aggregate
     * sequence: Axon turns it into a {@code ConcurrencyException}, the command gateway retries against fresh state.
     * Axon's default resolver only recognises {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL
     * driver does not throw.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return DuplicateKeys::isViolation;
    }

    /** The databases QSwarm stores in. */
    public enum StoreVendor {
        H2,
        POSTGRESQL;

        public static StoreVendor of(DataSource dataSource) {
            try (Connection connection = dataSource.getConnection()) {
                String product = connection.getMetaData().getDatabaseProductName();
                if (product.equalsIgnoreCase("PostgreSQL")) {
                    return POSTGRESQL;
                }
                if (product.equalsIgnoreCase("H2")) {
                    return H2;
                }
                throw new IllegalStateException("QSwarm stores in H2 or PostgreSQL; this data source is " + product);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot reach the store: " + e.getMessage(), e);
            }
        }
    }
}
