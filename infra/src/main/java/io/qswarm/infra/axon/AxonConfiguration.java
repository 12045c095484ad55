package io.qswarm.infra.axon;

import io.qswarm.intelligence.domain.BanditPolicy;
import io.qswarm.intelligence.domain.QTable;
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
