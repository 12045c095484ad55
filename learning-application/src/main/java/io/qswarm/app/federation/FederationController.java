package io.qswarm.app.federation;

import io.qswarm.app.security.Caller;
import io.qswarm.federation.transport.ContributionPacket;
import io.qswarm.federation.transport.KnowledgeRequestPacket;
import io.qswarm.federation.transport.MergeRequestPacket;
import io.qswarm.federation.transport.Peer;
import io.qswarm.federation.transport.PeerId;
import io.qswarm.federation.transport.PeerKey;
import io.qswarm.federation.transport.SignedPacket;
import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.MergeCounts;
import io.qswarm.intelligence.api.QTableId;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Federation across deployments: this deployment's identity, its registry of peers and of the remote tables they host,
 * and the three endpoints peers send signed packets to. A refused packet is answered with an RFC 9457 problem whose
 * {@code code} names the reason ({@code unknown-peer}, {@code bad-signature}, {@code replayed-nonce}, ...).
 */
@RestController
@RequestMapping("/api/v1/federation")
class FederationController {

    private final PeerIdentity identity;
    private final PeerRegistry registry;
    private final PacketInbox inbox;

    FederationController(PeerIdentity identity, PeerRegistry registry, PacketInbox inbox) {
        this.identity = identity;
        this.registry = registry;
        this.inbox = inbox;
    }

    /** What a peer needs to register this deployment: its id and public key (and the URL it is reached at). */
    @GetMapping("/identity")
    Map<String, String> identity() {
        return Map.of(
                "peerId", identity.id().value(),
                "publicKey", identity.publicKey().encoded(),
                "keyId", identity.publicKey().keyId());
    }

    @GetMapping("/status")
    Map<String, Object> status() {
        var status = new LinkedHashMap<String, Object>();
        status.put("peerId", identity.id().value());
        status.put("peers", registry.all().size());
        status.put("packets", inbox.statistics());
        return status;
    }

    @GetMapping("/peers")
    List<PeerRegistry.Registered> peers() {
        return registry.all();
    }

    @GetMapping("/peers/{peerId}")
    PeerRegistry.Registered peer(@PathVariable String peerId) {
        return registry.registered(PeerId.of(peerId));
    }

    @PostMapping("/peers")
    ResponseEntity<PeerRegistry.Registered> addPeer(@RequestBody SwarmRequests.AddPeer request) {
        Peer peer = peer(request.peerId(), request.baseUrl(), request.publicKey());
        if (peer.id().equals(identity.id())) {
            throw new IllegalArgumentException("'" + peer.id() + "' is this deployment's own peer id");
        }
        PeerRegistry.Registered registered = registry.add(peer, credential(request.credential()));
        return ResponseEntity.created(URI.create("/api/v1/federation/peers/" + peer.id()))
                .body(registered);
    }

    @PutMapping("/peers/{peerId}")
    PeerRegistry.Registered putPeer(@PathVariable String peerId, @RequestBody SwarmRequests.PutPeer request) {
        return registry.put(
                peer(peerId, request.baseUrl(), request.publicKey()),
                credential(request.credential()),
                Boolean.TRUE.equals(request.rotate()),
                Caller.current().map(Caller::describe).orElse("an unauthenticated caller"));
    }

    @GetMapping("/peers/{peerId}/rotations")
    List<PeerRegistry.Rotation> rotations(@PathVariable String peerId) {
        return registry.rotations(PeerId.of(peerId));
    }

    @DeleteMapping("/peers/{peerId}")
    ResponseEntity<Void> removePeer(@PathVariable String peerId) {
        registry.remove(PeerId.of(peerId));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/remote-tables")
    List<Map<String, String>> remoteTables() {
        return registry.all().stream()
                .flatMap(peer -> peer.tables().stream()
                        .map(table -> Map.of(
                                "tableId",
                                table.value(),
                                "peerId",
                                peer.peer().id().value())))
                .toList();
    }

    @DeleteMapping("/remote-tables/{tableId}")
    ResponseEntity<Void> releaseTable(@PathVariable String tableId) {
        registry.release(QTableId.of(tableId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/knowledge-requests") // PacketInbox.KNOWLEDGE_REQUESTS
    @ResponseStatus(HttpStatus.ACCEPTED)
    PacketInbox.RequestAccepted knowledgeRequest(HttpServletRequest request) throws IOException {
        return inbox.receive(ownPacket(
                inbox.read(request.getContentLengthLong(), request.getInputStream(), KnowledgeRequestPacket.class)));
    }

    @PostMapping("/contributions") // PacketInbox.CONTRIBUTIONS
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> contribution(HttpServletRequest request) throws IOException {
        ContributionPacket packet = ownPacket(
                inbox.read(request.getContentLengthLong(), request.getInputStream(), ContributionPacket.class));
        inbox.receive(packet);
        return Map.of(
                "roundId", packet.header().roundId().value(),
                "participant", packet.header().participant().value());
    }

    @PostMapping("/merges") // PacketInbox.MERGES
    MergeCounts merge(HttpServletRequest request) throws IOException {
        return inbox.receive(ownPacket(
                inbox.read(request.getContentLengthLong(), request.getInputStream(), MergeRequestPacket.class)));
    }

    /** A packet sent on a peer's credential must be that peer's own (its signature is checked next, by the inbox). */
    private static <P extends SignedPacket> P ownPacket(P packet) {
        Caller.requireSender(packet.header().sender().value());
        return packet;
    }

    /** The credential a peer issued to this deployment: a bearer token, as printable ASCII without spaces. */
    private static String credential(String credential) {
        if (credential != null
                && (credential.isEmpty()
                        || credential.length() > 200
                        || !credential.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException(
                    "credential must be the peer's token as it gave it: 1 to 200 printable characters, no spaces");
        }
        return credential;
    }

    private static Peer peer(String id, String baseUrl, String publicKey) {
        return new Peer(
                PeerId.of(Checks.required("peerId", id)),
                URI.create(Checks.text("baseUrl", baseUrl, 2048)),
                new PeerKey(Checks.required("publicKey", publicKey)));
    }
}
