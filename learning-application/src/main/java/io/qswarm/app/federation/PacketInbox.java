package io.qswarm.app.federation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.federation.participant.KnowledgeBaselines;
import io.qswarm.federation.participant.KnowledgeDelta;
import io.qswarm.federation.transport.ContributionPacket;
import io.qswarm.federation.transport.KnowledgeRequestPacket;
import io.qswarm.federation.transport.MergeRequestPacket;
import io.qswarm.federation.transport.PacketAdmission;
import io.qswarm.federation.transport.PacketRefusal;
import io.qswarm.federation.transport.PacketRefusedException;
import io.qswarm.federation.transport.PacketSigner;
import io.qswarm.federation.transport.Peer;
import io.qswarm.federation.transport.PeerId;
import io.qswarm.federation.transport.SignedPacket;
import io.qswarm.intelligence.api.FetchQTableExport;
import io.qswarm.intelligence.api.MergeCounts;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.QTableId;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the packets peers send: reads at most {@code maxPacketBytes}, parses, admits ({@link PacketAdmission}: known
 * peer, valid signature, addressed here, fresh, new nonce), checks that the sender speaks for the table, and only then
 * acts. A refused packet leaves no event: nothing is sent to a swarm or a table before every check passed.
 *
 * <ul>
 *   <li>a knowledge request (from a round's coordinator): the local table's delta since the requested version is sent
 *       back, signed, as a contribution;
 *   <li>a contribution (from the peer hosting a remote member): becomes {@code ContributeKnowledge} in the local swarm;
 *   <li>a merge request (from a coordinator): becomes {@code MergePeerKnowledge} into the local table.
 * </ul>
 */
public class PacketInbox {

    public static final String KNOWLEDGE_REQUESTS = "/api/v1/federation/knowledge-requests";
    public static final String CONTRIBUTIONS = "/api/v1/federation/contributions";
    public static final String MERGES = "/api/v1/federation/merges";

    /** The answer to a knowledge request: what is being sent back. */
    public record RequestAccepted(QTableId participant, long tableVersion, int entries) {}

    private static final Logger log = LoggerFactory.getLogger(PacketInbox.class);

    private final Supplier<PacketAdmission> admission;
    private final Supplier<PacketSigner> signer;
    private final PeerRegistry registry;
    private final QueryGateway queries;
    private final SwarmCommands commands;
    private final PeerLink link;
    private final ObjectMapper json;
    private final long maxPacketBytes;
    private final KnowledgeBaselines baselines = new KnowledgeBaselines();
    private final AtomicLong accepted = new AtomicLong();
    private final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();

    PacketInbox(
            Supplier<PacketAdmission> admission,
            Supplier<PacketSigner> signer,
            PeerRegistry registry,
            QueryGateway queries,
            SwarmCommands commands,
            PeerLink link,
            ObjectMapper json,
            long maxPacketBytes) {
        this.admission = admission;
        this.signer = signer;
        this.registry = registry;
        this.queries = queries;
        this.commands = commands;
        this.link = link;
        this.json = json;
        this.maxPacketBytes = maxPacketBytes;
    }

    /** Reads a packet of {@code type} from a request body, refusing it unread when it is too large. */
    public <P extends SignedPacket> P read(long declaredLength, InputStream body, Class<P> type) {
        return counted(() -> {
            if (declaredLength >= 0) {
                PacketAdmission.requireSize(declaredLength, maxPacketBytes);
            }
            byte[] bytes;
            try {
                bytes = body.readNBytes((int) maxPacketBytes + 1);
            } catch (IOException e) {
                throw new PacketRefusedException(PacketRefusal.MALFORMED_PACKET, "unreadable body: " + e.getMessage());
            }
            PacketAdmission.requireSize(bytes.length, maxPacketBytes);
            try {
                return json.readValue(bytes, type);
            } catch (IOException e) {
                throw new PacketRefusedException(PacketRefusal.MALFORMED_PACKET, malformed(type, e));
            }
        });
    }

    public RequestAccepted receive(KnowledgeRequestPacket packet) {
        return counted(() -> {
            admission.get().admit(packet);
            QTableId participant = packet.header().participant();
            requireLocal(participant);
            Peer coordinator = peer(packet.header().sender());
            QTableExport export = queries.query(
                            new FetchQTableExport(participant), ResponseTypes.optionalInstanceOf(QTableExport.class))
                    .join()
                    .orElseThrow(() -> NotFoundException.table(participant));
            Optional<Map<String, Long>> baseline =
                    packet.sinceVersion() == 0 ? Optional.empty() : baselines.at(participant, packet.sinceVersion());
            KnowledgeDelta.Answer answer = KnowledgeDelta.since(export, baseline);
            baselines.remember(participant, answer.version(), answer.visits());
            ContributionPacket reply = signer.get()
                    .contribution(
                            coordinator.id(),
                            packet.header().swarmId(),
                            packet.header().roundId(),
                            participant,
                            answer.version(),
                            answer.entries());
            link.send(coordinator, CONTRIBUTIONS, reply);
            accepted.incrementAndGet();
            return new RequestAccepted(
                    participant, answer.version(), answer.entries().size());
        });
    }

    public void receive(ContributionPacket packet) {
        counted(() -> {
            admission.get().admit(packet);
            QTableId participant = packet.header().participant();
            PeerId sender = packet.header().sender();
            Optional<PeerId> host = registry.hostOf(participant);
            if (host.isEmpty() || !host.get().equals(sender)) {
                throw new PacketRefusedException(
                        PacketRefusal.NOT_THE_HOST,
                        "'" + sender + "' does not host table '" + participant + "' here"
                                + host.map(h -> " (its host is '" + h + "')").orElse(" (it is not a remote table)"));
            }
            commands.send(packet.toContribution(), NotFoundException::swarm);
            accepted.incrementAndGet();
            return null;
        });
    }

    public MergeCounts receive(MergeRequestPacket packet) {
        return counted(() -> {
            admission.get().admit(packet);
            requireLocal(packet.header().participant());
            MergeCounts counts = commands.send(packet.toMerge(), NotFoundException::table);
            accepted.incrementAndGet();
            return counts;
        });
    }

    /** Packets accepted, and refused per reason, since this server started. */
    public Map<String, Object> statistics() {
        var byReason = new TreeMap<String, Long>();
        refused.forEach((code, count) -> byReason.put(code, count.get()));
        return Map.of("accepted", accepted.get(), "refused", byReason);
    }

    private void requireLocal(QTableId participant) {
        registry.hostOf(participant).ifPresent(host -> {
            throw new PacketRefusedException(
                    PacketRefusal.NOT_THE_HOST,
                    "table '" + participant + "' is not a table of this deployment (peer '" + host + "' hosts it)");
        });
    }

    private Peer peer(PeerId id) {
        return registry.find(id)
                .orElseThrow(() -> new PacketRefusedException(
                        PacketRefusal.UNKNOWN_PEER, "'" + id + "' is no longer a registered peer"));
    }

    private <T> T counted(Supplier<T> action) {
        try {
            return action.get();
        } catch (PacketRefusedException e) {
            refused.computeIfAbsent(e.refusal().code(), code -> new AtomicLong())
                    .incrementAndGet();
            throw e;
        }
    }

    private static String malformed(Class<?> type, IOException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root instanceof IllegalArgumentException ? root.getMessage() : firstLine(e.getMessage());
        return "not a valid " + type.getSimpleName() + ": " + reason;
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
