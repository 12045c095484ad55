package io.qswarm.app.federation;

import io.qswarm.federation.api.KnowledgeRequested;
import io.qswarm.federation.transport.PacketSigner;
import io.qswarm.federation.transport.Peer;
import io.qswarm.federation.transport.PeerId;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards a round's knowledge request for a remote member to the peer that hosts it, as a signed
 * {@code KNOWLEDGE_REQUEST}; the peer answers with a signed contribution to {@link PacketInbox#CONTRIBUTIONS}. The
 * local responder skips remote members, so each request is answered once. Processing group
 * {@value #PROCESSING_GROUP}, which starts at the head of the event stream: requests of rounds long gone are not sent.
 */
@ProcessingGroup(RemoteKnowledgeRequests.PROCESSING_GROUP)
public class RemoteKnowledgeRequests {

    public static final String PROCESSING_GROUP = "federation-transport";

    private static final Logger log = LoggerFactory.getLogger(RemoteKnowledgeRequests.class);

    private final PeerRegistry registry;
    private final Supplier<PacketSigner> signer;
    private final PeerLink link;

    RemoteKnowledgeRequests(PeerRegistry registry, Supplier<PacketSigner> signer, PeerLink link) {
        this.registry = registry;
        this.signer = signer;
        this.link = link;
    }

    @EventHandler
    void on(KnowledgeRequested request) {
        Optional<PeerId> host = registry.hostOf(request.participant());
        if (host.isEmpty()) {
            return;
        }
        Optional<Peer> peer = registry.find(host.get());
        if (peer.isEmpty()) {
            log.warn(
                    "federation: {} of round {} is hosted by '{}', which is no longer registered; not asked",
                    request.participant(),
                    request.roundId(),
                    host.get());
            return;
        }
        link.send(
                peer.get(),
                PacketInbox.KNOWLEDGE_REQUESTS,
                signer.get()
                        .knowledgeRequest(
                                peer.get().id(),
                                request.swarmId(),
                                request.roundId(),
                                request.participant(),
                                request.sinceVersion()));
    }
}
