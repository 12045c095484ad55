package io.qswarm.app.federation.snapshot;

import io.qswarm.app.federation.FederationProperties;
import io.qswarm.app.federation.PeerIdentity;
import io.qswarm.app.federation.PeerRegistry;
import io.qswarm.audit.StoreAudits;
import io.qswarm.federation.snapshot.SnapshotPublisher;
import io.qswarm.federation.snapshot.SnapshotStore;
import io.qswarm.intelligence.api.ConfidencePolicy;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Knowledge snapshots in the server: published ones signed with the deployment's identity key (key id = its peer id)
 * under {@code qswarm.federation.snapshots.directory}, and those fetched from registered peers.
 */
@Configuration(proxyBeanMethods = false)
class SnapshotConfiguration {

    @Bean
    PublishedSnapshots publishedSnapshots(
            @Value("${qswarm.data-dir:./data}") Path dataDir,
            FederationProperties properties,
            PeerIdentity identity,
            DataSource dataSource,
            ConfidencePolicy confidence) {
        FederationProperties.Snapshots settings = properties.snapshots();
        var store = new SnapshotStore(settings.directoryUnder(dataDir).resolve("published"));
        return new PublishedSnapshots(
                new StoreAudits(dataSource),
                confidence,
                store,
                // the signer is made on the first publication: a server that never publishes creates no key pair
                () -> new SnapshotPublisher(store, identity.snapshotSigner(), Clock.systemUTC(), settings.limits()));
    }

    @Bean
    PeerSnapshots peerSnapshots(
            @Value("${qswarm.data-dir:./data}") Path dataDir,
            FederationProperties properties,
            PeerRegistry registry,
            DataSource dataSource,
            CommandGateway commands) {
        FederationProperties.Snapshots settings = properties.snapshots();
        return new PeerSnapshots(
                registry,
                new SnapshotDownloads(properties.transport(), registry::credentialOf),
                new StoreAudits(dataSource),
                commands,
                settings.directoryUnder(dataDir),
                settings.keep(),
                settings.limits());
    }
}
