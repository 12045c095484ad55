package io.qswarm.federation.config;

import io.qswarm.federation.domain.Swarm;
import io.qswarm.federation.participant.KnowledgeBaselines;
import io.qswarm.federation.participant.KnowledgeResponder;
import io.qswarm.federation.saga.RoundSaga;
import io.qswarm.intelligence.api.QTableId;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;

/**
 * Wires federation into an Axon configuration: the {@link Swarm} aggregate (cached, optionally snapshotted), the
 * {@link RoundSaga} and, unless turned off, the {@link KnowledgeResponder} for local tables.
 *
 * <p>The application provides the deadline manager (a persistent one in production, so a round's deadline survives a
 * restart), the serializer (Jackson: the saga and the aggregate expose their fields to it) and the query handler of
 * {@code FetchQTableExport}. A swarm's stream grows by about three events per participant and round: in production
 * give it snapshots ({@link #snapshottingEvery}), as design.md requires for every long stream.
 *
 * <p>Swarm snapshots are taken by a snapshotter of the module's own, which knows how to rebuild a swarm, rather than by
 * the configuration's: Spring's snapshotter only finds aggregate factories that are beans, and a swarm wired through
 * this module has none. It stores through the configuration's event store, inside its transaction manager.
 */
public final class FederationModule implements ConfigurerModule {

    private final boolean respond;
    private final Predicate<QTableId> local;
    private final Supplier<Cache> cache;
    private final int snapshotThreshold;

    private FederationModule(boolean respond, Predicate<QTableId> local, Supplier<Cache> cache, int snapshotThreshold) {
        this.respond = respond;
        this.local = local;
        this.cache = cache;
        this.snapshotThreshold = snapshotThreshold;
    }

    /** Swarms, rounds and a responder that answers for every table of this deployment. */
    public static FederationModule withResponder() {
        return withResponderFor(table -> true);
    }

    /** Swarms, rounds and a responder that answers for the tables {@code local} accepts. */
    public static FederationModule withResponderFor(Predicate<QTableId> local) {
        return new FederationModule(true, local, WeakReferenceCache::new, 0);
    }

    /** Swarms and rounds only: another component answers the knowledge requests. */
    public static FederationModule withoutResponder() {
        return new FederationModule(false, table -> false, WeakReferenceCache::new, 0);
    }

    /** Keeps loaded swarms in {@code cache} (default: a weak-reference cache). */
    public FederationModule cachingSwarmsIn(Supplier<Cache> cache) {
        return new FederationModule(respond, local, cache, snapshotThreshold);
    }

    /** Snapshots a swarm every {@code events} events (see the class comment for the snapshotter). */
    public FederationModule snapshottingEvery(int events) {
        if (events < 1) {
            throw new IllegalArgumentException("snapshot every at least 1 event, was " + events);
        }
        return new FederationModule(respond, local, cache, events);
    }

    @Override
    public void configureModule(Configurer configurer) {
        AggregateConfigurer<Swarm> swarms =
                AggregateConfigurer.defaultConfiguration(Swarm.class).configureCache(c -> cache.get());
        if (snapshotThreshold > 0) {
            swarms.configureSnapshotTrigger(
                    c -> new EventCountSnapshotTriggerDefinition(swarmSnapshotter(c), snapshotThreshold));
        }
        configurer.configureAggregate(swarms);
        configurer.eventProcessing(processing -> processing.registerSaga(RoundSaga.class));
        if (respond) {
            var baselines = new KnowledgeBaselines();
            configurer.eventProcessing(processing -> processing.registerEventHandler(
                    c -> new KnowledgeResponder(c.queryGateway(), c.commandGateway(), baselines, local)));
        }
    }

    private static Snapshotter swarmSnapshotter(Configuration c) {
        return AggregateSnapshotter.builder()
                .eventStore(c.eventStore())
                .aggregateFactories(new GenericAggregateFactory<>(Swarm.class))
                .parameterResolverFactory(c.parameterResolverFactory())
                .handlerDefinition(c.handlerDefinition(Swarm.class))
                .transactionManager(c.getComponent(TransactionManager.class, NoTransactionManager::instance))
                .build();
    }
}
