package io.qswarm.app.proof;

import io.qswarm.federation.api.ContributeKnowledge;
import io.qswarm.federation.api.KnowledgeRequested;
import io.qswarm.intelligence.api.MergePeerKnowledge;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * The poisoned participants of the robustness proof: swarm members without a table of their own. They remember what
 * each round sends them (their merge, dropped before it reaches a table by {@link PoisonedMergesIgnored}) and answer
 * every knowledge request with that knowledge poisoned ({@link Poison}); before their first merge they have nothing to
 * send. The deployment's responder does not answer for them (it finds no table); this handler does, for the members
 * {@link #enrol enrolled} here. Registered by {@link FederationProofConfiguration} only.
 */
@ProcessingGroup(PoisonedPeers.PROCESSING_GROUP)
public class PoisonedPeers {

    public static final String PROCESSING_GROUP = "federation-proof-poison";

    /** A poisoned member: what it sends, and the seed of its random values. */
    record Attack(Poison poison, long seed) {}

    /** What a poisoned member knows: the latest entry the swarm sent it per state and action, and how many merges. */
    private record Memory(Map<String, PeerEntry> entries, long merges) {}

    private final CommandGateway commands;
    private final Map<QTableId, Attack> attacks = new ConcurrentHashMap<>();
    private final Map<QTableId, Memory> memories = new ConcurrentHashMap<>();

    public PoisonedPeers(CommandGateway commands) {
        this.commands = commands;
    }

    void enrol(QTableId member, Attack attack) {
        attacks.put(member, attack);
        memories.put(member, new Memory(Map.of(), 0));
    }

    void dismiss(List<QTableId> members) {
        members.forEach(member -> {
            attacks.remove(member);
            memories.remove(member);
        });
    }

    boolean poisoned(QTableId member) {
        return attacks.containsKey(member);
    }

    /** A round's merge for a poisoned member: remembered, never applied. */
    void received(MergePeerKnowledge merge) {
        memories.computeIfPresent(merge.tableId(), (member, memory) -> {
            var entries = new TreeMap<>(memory.entries());
            for (PeerEntry entry : merge.entries()) {
                entries.put(entry.state().value() + '\u0000' + entry.action(), entry);
            }
            return new Memory(Map.copyOf(entries), memory.merges() + 1);
        });
    }

    /** Waits until every member received {@code merges} merges (so the next round's answers are deterministic). */
    void awaitMerges(List<QTableId> members, long merges, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (QTableId member : members) {
            while (memories.getOrDefault(member, new Memory(Map.of(), merges)).merges() < merges) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "poisoned member " + member + " did not receive " + merges + " merges within " + timeout);
                }
                Thread.sleep(2);
            }
        }
    }

    @EventHandler
    void on(KnowledgeRequested request) {
        Attack attack = attacks.get(request.participant());
        Memory memory = memories.get(request.participant());
        if (attack == null || memory == null) {
            return;
        }
        var random = new SplittableRandom(
                attack.seed() * 31 + request.roundId().value().hashCode());
        var known = new TreeMap<>(memory.entries()).values();
        List<PeerEntry> entries =
                attack.poison().craft(known, request.participant().value(), random);
        long claimed = entries.stream().mapToLong(PeerEntry::visits).sum();
        commands.send(
                new ContributeKnowledge(request.swarmId(), request.roundId(), request.participant(), claimed, entries));
    }
}
