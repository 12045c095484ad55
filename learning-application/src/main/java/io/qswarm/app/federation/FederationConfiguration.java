package io.qswarm.app.federation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.federation.config.FederationModule;
import io.qswarm.federation.transport.Nonce;
import io.qswarm.federation.transport.PacketAdmission;
import io.qswarm.federation.transport.PacketSigner;
import io.qswarm.infra.axon.QSwarmSerializers;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Federation in the server: swarms, rounds and the knowledge responder ({@link FederationModule}, with swarm snapshots
 * and the persistent deadline manager from infra), the swarms read model, the sync trigger, and the signed transport
 * to peers (identity, peer registry, nonce ledger, outgoing link, incoming packets, routing of remote members).
 */
@Configuration(proxyBeanMethods = false)
public class FederationConfiguration {

    /** The time source of federation: packet timestamps, the replay window, sync intervals. */
    private static final Clock CLOCK = Clock.systemUTC();

    @Bean
    ConfigurerModule federation(PeerRegistry registry, FederationProperties properties) {
        return FederationModule.withResponderFor(table -> !registry.isRemote(table))
                .snapshottingEvery(properties.snapshotEvery());
    }

    /** Requests of rounds that ended before this processor first started are not worth sending to a peer. */
    @Bean
    ConfigurerModule federationTransportStartsAtTheHead() {
        return configurer -> configurer
                .eventProcessing()
                .registerTrackingEventProcessorConfiguration(
                        RemoteKnowledgeRequests.PROCESSING_GROUP,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }

    @Bean
    PeerIdentity peerIdentity(@Value("${qswarm.data-dir:./data}") Path dataDir, FederationProperties properties) {
        return new PeerIdentity(dataDir.resolve("federation"), properties.peerId());
    }

    @Bean
    PeerRegistry peerRegistry(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new PeerRegistry(jdbc, new TransactionTemplate(transactions), CLOCK);
    }

    @Bean
    SwarmDirectory swarmDirectory(JdbcTemplate jdbc, PeerRegistry registry) {
        return new SwarmDirectory(jdbc, QSwarmSerializers.storageMapper(), registry::remoteTables);
    }

    @Bean
    SwarmCommands swarmCommands(CommandGateway commands) {
        return new SwarmCommands(commands);
    }

    @Bean
    LocalTables localTables(QueryGateway queries) {
        return new LocalTables(queries);
    }

    @Bean
    GossipSeeds gossipSeeds(FederationProperties properties) {
        return new GossipSeeds(properties.sync().seed());
    }

    @Bean
    PeerLink peerLink(ObjectMapper json, FederationProperties properties, PeerRegistry registry) {
        return new PeerLink(json, properties.transport(), registry::credentialOf);
    }

    @Bean
    PacketInbox packetInbox(
            PeerIdentity identity,
            PeerRegistry registry,
            JdbcTemplate jdbc,
            QueryGateway queries,
            SwarmCommands commands,
            PeerLink link,
            ObjectMapper json,
            FederationProperties properties) {
        var nonces = new JdbcNonceLedger(jdbc);
        Supplier<PacketAdmission> admission =
                memoized(() -> new PacketAdmission(identity.id(), registry, nonces, CLOCK, properties.replayWindow()));
        return new PacketInbox(
                admission, signer(identity), registry, queries, commands, link, json, properties.maxPacketBytes());
    }

    @Bean
    RemoteKnowledgeRequests remoteKnowledgeRequests(PeerIdentity identity, PeerRegistry registry, PeerLink link) {
        return new RemoteKnowledgeRequests(registry, signer(identity), link);
    }

    /** Registered on the command bus by Axon's interceptor auto-configuration. */
    @Bean
    RemoteMergeRouting remoteMergeRouting(PeerIdentity identity, PeerRegistry registry, PeerLink link) {
        return new RemoteMergeRouting(registry, signer(identity), link);
    }

    @Bean
    SyncTrigger syncTrigger(
            SwarmDirectory directory,
            LocalTables tables,
            SwarmCommands commands,
            GossipSeeds seeds,
            FederationProperties properties) {
        return new SyncTrigger(
                directory::all,
                tables::activity,
                command -> commands.send(command, NotFoundException::swarm),
                seeds,
                CLOCK,
                properties.sync());
    }

    /** The signer is made when first needed, so the key pair is only created by a server that federates. */
    private static Supplier<PacketSigner> signer(PeerIdentity identity) {
        var random = new SecureRandom();
        return memoized(() -> new PacketSigner(identity.id(), identity.privateKey(), CLOCK, () -> Nonce.from(random)));
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T current = value;
                if (current == null) {
                    synchronized (this) {
                        current = value;
                        if (current == null) {
                            current = supplier.get();
                            value = current;
                        }
                    }
                }
                return current;
            }
        };
    }
}
