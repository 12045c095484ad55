package io.qswarm.app.proof;

import io.qswarm.intelligence.api.MergePeerKnowledge;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A poisoned peer has no table: the merge a round sends it is handed to {@link PoisonedPeers} (which remembers it) and
 * goes no further, instead of failing to load a table. Every other command passes unchanged. Registered on the
 * command bus by {@link FederationProofConfiguration}.
 */
final class PoisonedMergesIgnored implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final PoisonedPeers peers;

    PoisonedMergesIgnored(PoisonedPeers peers) {
        this.peers = peers;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof MergePeerKnowledge merge
                && peers.poisoned(merge.tableId())) {
            peers.received(merge);
            return null;
        }
        return chain.proceed();
    }
}
