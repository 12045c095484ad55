package io.qswarm.benchmarks;

import io.qswarm.projections.catalog.ReadModel;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A running {@link ReadSideApplication} on one store, every read model on a tracking processor with the given batch
 * size and a dead-letter queue, as {@code application.properties} configures the server.
 */
final class ReadSide implements AutoCloseable {

    /** Extra key: the one read model to run as a tracking processor (the others subscribe, so they replay nothing). */
    static final String ONLY = "qswarm.benchmark.only";

    private final ConfigurableApplicationContext context;

    private ReadSide(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static ReadSide start(H2Store store, int processorBatchSize) {
        return start(store, processorBatchSize, Map.of());
    }

    /** With extra Spring properties, e.g. {@code axon.timeout.transaction.event-processors.timeout-ms}. */
    static ReadSide start(H2Store store, int processorBatchSize, Map<String, Object> extra) {
        var properties = new HashMap<String, Object>(store.springProperties());
        properties.putAll(AggregateSettings.PRODUCTION.springProperties());
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.jmx.enabled", false);
        properties.put("logging.level.root", "WARN");
        properties.put("axon.axonserver.enabled", false);
        properties.put("axon.update-check.disabled", true);
        String only = (String) extra.get(ONLY);
        for (String group : ReadModel.names()) {
            // a subscribing processor sees only new events: during a catch-up it does nothing
            boolean tracking = only == null || only.equals(group);
            properties.put("axon.eventhandling.processors." + group + ".mode", tracking ? "tracking" : "subscribing");
            properties.put("axon.eventhandling.processors." + group + ".batch-size", processorBatchSize);
            properties.put("axon.eventhandling.processors." + group + ".dlq.enabled", true);
        }
        extra.forEach((key, value) -> {
            if (!key.equals(ONLY)) {
                properties.put(key, value);
            }
        });
        return new ReadSide(new SpringApplicationBuilder(ReadSideApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run());
    }

    CommandGateway commands() {
        return context.getBean(CommandGateway.class);
    }

    QueryGateway queries() {
        return context.getBean(QueryGateway.class);
    }

    long head() {
        return context.getBean(EventStore.class).createHeadToken().position().orElse(-1);
    }

    /** Each read model's position: the global index of the last event it handled, -1 before the first. */
    Map<String, Long> positions() {
        var processing = context.getBean(EventProcessingConfiguration.class);
        var positions = new LinkedHashMap<String, Long>();
        for (String group : ReadModel.names()) {
            var found = processing.eventProcessor(group, TrackingEventProcessor.class);
            if (found.isEmpty()) {
                continue; // subscribing in an isolated run
            }
            TrackingEventProcessor processor = found.get();
            positions.put(
                    group,
                    processor.processingStatus().values().stream()
                            .map(EventTrackerStatus::getCurrentPosition)
                            .filter(OptionalLong::isPresent)
                            .mapToLong(OptionalLong::getAsLong)
                            .min()
                            .orElse(-1));
        }
        return positions;
    }

    /** A processor's error, if one is in an error state. */
    String errors() {
        var processing = context.getBean(EventProcessingConfiguration.class);
        var errors = new StringBuilder();
        for (String group : ReadModel.names()) {
            processing
                    .eventProcessor(group, TrackingEventProcessor.class)
                    .ifPresent(processor -> processor.processingStatus().values().stream()
                            .filter(EventTrackerStatus::isErrorState)
                            .forEach(status -> errors.append(group)
                                    .append(": ")
                                    .append(status.getError())
                                    .append("; ")));
        }
        return errors.toString();
    }

    @Override
    public void close() {
        context.close();
    }
}
