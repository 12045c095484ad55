package io.qswarm.app.proof;

import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.ApplicationContext;

/**
 * The entry point of the federation proofs of issue 5 (docs/federation.md, "Proof"), on a context opened with
 * {@link ProofContext} (or any context with the profile {@value FederationProofConfiguration#PROFILE}).
 */
public final class FederationProofs {

    private final ProofSwarm swarm;
    private final PoisonedPeers poisonedPeers;
    private final Function<Object, Object> send;
    private final Consumer<String> log;

    private FederationProofs(
            ProofSwarm swarm, PoisonedPeers poisonedPeers, Function<Object, Object> send, Consumer<String> log) {
        this.swarm = swarm;
        this.poisonedPeers = poisonedPeers;
        this.send = send;
        this.log = log;
    }

    /** @param log receives one line per finished run */
    public static FederationProofs in(ApplicationContext context, Consumer<String> log) {
        CommandGateway commands = context.getBean(CommandGateway.class);
        QueryGateway queries = context.getBean(QueryGateway.class);
        var swarm = new ProofSwarm(commands, queries, context.getBean(RoundOutcomes.class));
        return new FederationProofs(swarm, context.getBean(PoisonedPeers.class), commands::sendAndWait, log);
    }

    public SpeedupProof.Result speedup(SpeedupProof.Settings settings) throws InterruptedException {
        return new SpeedupProof(swarm, send, log).run(settings);
    }

    public RobustnessProof.Result robustness(RobustnessProof.Settings settings) throws InterruptedException {
        return new RobustnessProof(swarm, poisonedPeers, send, log).run(settings);
    }
}
