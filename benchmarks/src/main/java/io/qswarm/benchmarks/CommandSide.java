package io.qswarm.benchmarks;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A running QSwarm command side ({@link BenchmarkApplication}) on one store: commands sent through its gateway are
 * handled synchronously, so a returned command is a persisted one. Settings are passed as Spring default
 * properties, so {@code -Dqswarm.snapshot.threshold=...} on the JVM overrides them for an experiment; {@link
 * #settings()} tells what was in effect.
 */
final class CommandSide implements AutoCloseable {

    private static final Map<String, Object> QUIET_AND_OFFLINE = Map.of(
            "spring.main.banner-mode", "off",
            "spring.jmx.enabled", false,
            "logging.level.root", "WARN",
            "axon.axonserver.enabled", false,
            "axon.update-check.disabled", true);

    private final ConfigurableApplicationContext context;

    private CommandSide(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static CommandSide start(H2Store store, AggregateSettings settings) {
        var properties = new HashMap<String, Object>();
        properties.putAll(store.springProperties());
        properties.putAll(settings.springProperties());
        properties.putAll(QUIET_AND_OFFLINE);
        return new CommandSide(new SpringApplicationBuilder(BenchmarkApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run());
    }

    /** The aggregate settings in effect, which JVM system properties may have overridden. */
    AggregateSettings settings() {
        var environment = context.getEnvironment();
        return new AggregateSettings(
                environment.getRequiredProperty("qswarm.snapshot.threshold", Integer.class),
                environment.getRequiredProperty("qswarm.aggregate.cache", Boolean.class));
    }

    CommandGateway gateway() {
        return context.getBean(CommandGateway.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
