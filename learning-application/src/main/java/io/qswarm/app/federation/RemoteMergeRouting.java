package io.qswarm.app.federation;

import io.qswarm.federation.api.RoundId;
import io.qswarm.federation.api.SwarmId;
import io.qswarm.federation.transport.MergeRequestPacket;
import io.qswarm.federation.transport.PacketSigner;
import io.qswarm.federation.transport.Peer;
import io.qswarm.federation.transport.PeerId;
import io.qswarm.intelligence.api.MergePeerKnowledge;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Delivers a round's merge for a remote member to the peer that hosts it. The round saga sends every participant's
 * aggregate as a {@link MergePeerKnowledge} (peer: the swarm, round: the round id); for a table hosted by a peer this
 * command handler interceptor turns it into a signed {@code MERGE_REQUEST}, sent once the saga's unit of work
 * committed, instead of loading a table that does not live here. Every other command passes unchanged.
 */
public class RemoteMergeRouting implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final PeerRegistry registry;
    private final Supplier<PacketSigner> signer;
    private final PeerLink link;

    RemoteMergeRouting(PeerRegistry registry, Supplier<PacketSigner> signer, PeerLink link) {
        this.registry = registry;
        this.signer = signer;
        this.link = link;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof MergePeerKnowledge merge && merge.round() != null) {
            Optional<PeerId> host = registry.hostOf(merge.tableId());
            if (host.isPresent()) {
                Peer peer = registry.find(host.get())
                        .orElseThrow(() -> new IllegalStateException("table '" + merge.tableId() + "' is hosted by '"
                                + host.get() + "', which is no longer registered"));
                MergeRequestPacket packet = signer.get()
                        .mergeRequest(
                                peer.id(),
                                SwarmId.of(merge.peer()),
                                RoundId.of(merge.round()),
                                merge.tableId(),
                                merge.strategy(),
                                merge.entries());
                unitOfWork.afterCommit(committed -> link.send(peer, PacketInbox.MERGES, packet));
                return null;
            }
        }
        return chain.proceed();
    }
}
