package io.qswarm.app.cli;

import io.qswarm.app.valuefunction.FetchValueFunctionParameters;
import io.qswarm.app.valuefunction.ValueFunctionParameters;
import io.qswarm.intelligence.api.FetchQTableExport;
import io.qswarm.intelligence.api.PeerParameter;
import io.qswarm.intelligence.api.PeerParameters;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.valuefunction.Parameters;
import io.qswarm.intelligence.valuefunction.ValueFunction;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.ConfigurableApplicationContext;

/** Reads tables for the CLI, once the read models have caught up with the store. */
final class Tables {

    private Tables() {}

    static QTableExport export(ConfigurableApplicationContext context, String table) {
        awaitReadModels(context, Duration.ofSeconds(120));
        return context.getBean(QueryGateway.class)
                .query(new FetchQTableExport(QTableId.of(table)), ResponseTypes.optionalInstanceOf(QTableExport.class))
                .join()
                .orElseThrow(() -> new IllegalArgumentException("unknown table '" + table + "' in this store"));
    }

    /**
     * The table's value function with its current parameters, read from its stored events; empty for a flat table.
     *
     * @throws IllegalArgumentException for a table this store does not hold
     */
    static Optional<ValueFunctionParameters> valueFunction(ConfigurableApplicationContext context, String table) {
        ValueFunctionParameters found = context.getBean(QueryGateway.class)
                .query(
                        new FetchValueFunctionParameters(QTableId.of(table)),
                        ResponseTypes.optionalInstanceOf(ValueFunctionParameters.class))
                .join()
                .orElseThrow(() -> new IllegalArgumentException("unknown table '" + table + "' in this store"));
        return found.parameterised() ? Optional.of(found) : Optional.empty();
    }

    /** The function a peer's parameters describe: its spec with those values. */
    static ValueFunction functionOf(PeerParameters parameters) {
        return parameters
                .spec()
                .restore(Parameters.of(
                        parameters.values().stream().map(PeerParameter::value).toList()));
    }

    /** Waits until every tracking processor has caught up with the head of the event stream. */
    static void awaitReadModels(ConfigurableApplicationContext context, Duration timeout) {
        var processing = context.getBean(EventProcessingConfiguration.class);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean caughtUp = processing.eventProcessors().values().stream()
                    .filter(TrackingEventProcessor.class::isInstance)
                    .map(TrackingEventProcessor.class::cast)
                    .allMatch(processor -> !processor.processingStatus().isEmpty()
                            && processor.processingStatus().values().stream().allMatch(status -> status.isCaughtUp()));
            if (caughtUp) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("the read models did not catch up with the store within " + timeout);
    }
}
