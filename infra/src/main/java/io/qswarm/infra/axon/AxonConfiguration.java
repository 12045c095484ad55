package io.qswarm.infra.axon;

import io.qswarm.intelligence.domain.BanditPolicy;
import io.qswarm.intelligence.domain.QTable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Wires the QTable and BanditPolicy aggregates with snapshots and a cache (both required in production: replaying a
 * long stream from H2 without them grows badly, see design.md) and makes Jackson the serializer for everything Axon
 * stores.
 *
 * <p>{@code qswarm.snapshot.threshold} sets the events between snapshots (0 disables them) and
 * {@code qswarm.aggregate.cache} turns the cache off; both exist for benchmarks of the naive design.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    @Primary
    public Serializer serializer() {
        return QSwarmSerializers.jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return QSwarmSerializers.jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return QSwarmSerializers.jackson();
    }

    /**
     * The command gateway every caller uses. A command that lost a race for the same aggregate (another thread, or
     * another node on a shared store, appended the same sequence number first: a ConcurrencyException) is
     * sent again after a short, growing pause, up to {@value #CONFLICT_RETRIES} times ({@link ConflictRetries}); the caching repository has
     * evicted the stale aggregate with the rollback, so the retry decides against the fresh stream (ADR 0017).
     * Every other failure is answered at once: a refusal is not a conflict.
     */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService conflictRetryExecutor) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConflictRetries(conflictRetryExecutor, CONFLICT_RETRIES, 10))
                .build();
    }

    /** How often a command that lost a race for its aggregate is sent again. */
    public static final int CONFLICT_RETRIES = 10;

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService conflictRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "qswarm-command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Lets the web layer write identifiers and state keys as plain strings, as stored events do. */
    @Bean
    public ValueRecordsModule valueRecordsModule() {
        return new ValueRecordsModule();
    }

    /** Aggregates' event streams for runtimes that mirror an aggregate from its facts. */
    @Bean
    public EventStreams eventStreams(EventStore eventStore) {
        return new EventStreams(eventStore);
    }

    @Bean
    public Cache qTableCache(@Value("${qswarm.aggregate.cache:true}") boolean enabled) {
        return enabled ? new WeakReferenceCache() : NoCache.INSTANCE;
    }

    /** Lets the snapshotter rebuild QTables (it looks aggregate factories up in the context). */
    @Bean
    public AggregateFactory<QTable> qTableFactory() {
        return new GenericAggregateFactory<>(QTable.class);
    }

    /** QTable: a snapshot every {@code qswarm.snapshot.threshold} events, cached between commands. */
    @Bean
    public ConfigurerModule qTableAggregate(
            @Value("${qswarm.snapshot.threshold:250}") int snapshotThreshold,
            Cache qTableCache,
            AggregateFactory<QTable> qTableFactory) {
        return configurer -> configurer.configureAggregate(
                snapshottedAndCached(QTable.class, snapshotThreshold, qTableCache, qTableFactory));
    }

    /** Bandit policies have their own cache: a policy and a table never share an entry under one identifier. */
    @Bean
    public Cache banditPolicyCache(@Value("${qswarm.aggregate.cache:true}") boolean enabled) {
        return enabled ? new WeakReferenceCache() : NoCache.INSTANCE;
    }

    @Bean
    public AggregateFactory<BanditPolicy> banditPolicyFactory() {
        return new GenericAggregateFactory<>(BanditPolicy.class);
    }

    /** BanditPolicy: snapshots and cache as for QTable (a policy's stream grows by a few events per decision). */
    @Bean
    public ConfigurerModule banditPolicyAggregate(
            @Value("${qswarm.snapshot.threshold:250}") int snapshotThreshold,
            Cache banditPolicyCache,
            AggregateFactory<BanditPolicy> banditPolicyFactory) {
        return configurer -> configurer.configureAggregate(
                snapshottedAndCached(BanditPolicy.class, snapshotThreshold, banditPolicyCache, banditPolicyFactory));
    }

    private static <A> AggregateConfigurer<A> snapshottedAndCached(
            Class<A> type, int snapshotThreshold, Cache cache, AggregateFactory<A> factory) {
        return AggregateConfigurer.defaultConfiguration(type)
                .configureSnapshotTrigger(c -> snapshotThreshold > 0
                        ? new EventCountSnapshotTriggerDefinition(c.snapshotter(), snapshotThreshold)
                        : NoSnapshotTriggerDefinition.INSTANCE)
                .configureCache(c -> cache)
                .configureAggregateFactory(c -> factory);
    }
}
