package io.qswarm.app.federation;

import io.qswarm.federation.transport.Peer;
import io.qswarm.federation.transport.PeerDirectory;
import io.qswarm.federation.transport.PeerId;
import io.qswarm.federation.transport.PeerKey;
import io.qswarm.intelligence.api.QTableId;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The peers this deployment trusts and the remote tables they host, in {@code federation_peer} and
 * {@code federation_remote_table}. A remote table is a swarm member whose knowledge lives on its host: requests for it
 * and merges into it travel to that peer as signed packets, and only that peer may contribute for it.
 */
public class PeerRegistry implements PeerDirectory {

    /**
     * A registered peer, with the tables it hosts.
     *
     * @param credentialConfigured whether this deployment holds a credential the peer issued to it (never shown)
     */
    public record Registered(
            Peer peer, String keyId, Instant addedAt, List<QTableId> tables, boolean credentialConfigured) {}

    /** A change of a peer's key, asked for as a rotation. */
    public record Rotation(PeerId peer, Instant rotatedAt, String oldKeyId, String newKeyId, String rotatedBy) {}

    private static final Logger log = LoggerFactory.getLogger(PeerRegistry.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public PeerRegistry(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Optional<PeerKey> keyOf(PeerId peer) {
        return find(peer).map(Peer::publicKey);
    }

    public Optional<Peer> find(PeerId id) {
        return jdbc.query("SELECT * FROM federation_peer WHERE peer_id = ?", PeerRegistry::peer, id.value()).stream()
                .findFirst();
    }

    public Registered registered(PeerId id) {
        return jdbc
                .query("SELECT * FROM federation_peer WHERE peer_id = ?", (rs, n) -> registered(rs), id.value())
                .stream()
                .findFirst()
                .orElseThrow(() -> NotFoundException.peer(id));
    }

    public List<Registered> all() {
        return jdbc.query("SELECT * FROM federation_peer ORDER BY peer_id", (rs, n) -> registered(rs));
    }

    /**
     * Registers a peer; registering the same peer again changes nothing (but the credential, when one is given),
     * another key or URL for its id is refused.
     *
     * @param credential the credential the peer issued to this deployment, sent with every request to it; or null
     */
    public Registered add(Peer peer, String credential) {
        try {
            jdbc.update(
                    "INSERT INTO federation_peer (peer_id, base_url, public_key, key_id, added_at, outbound_credential)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    peer.id().value(),
                    peer.baseUrl().toString(),
                    peer.publicKey().encoded(),
                    peer.publicKey().keyId(),
                    now(),
                    credential);
        } catch (DuplicateKeyException e) {
            Peer known = find(peer.id()).orElseThrow(() -> e);
            if (!known.equals(peer)) {
                throw new FederationConflictException(
                        "peer-exists",
                        "peer '" + peer.id() + "' is registered with another URL or key ("
                                + known.publicKey().keyId() + "); change its URL with PUT /api/v1/federation/peers/"
                                + peer.id() + ", its key only as a rotation (\"rotate\": true)");
            }
            updateCredential(peer.id(), credential);
        }
        return registered(peer.id());
    }

    /**
     * Registers a peer, or changes its URL and credential. A change of its key is refused unless {@code rotate}: the
     * key is what every packet of the peer is checked against, so replacing it silently would let whoever can call
     * this endpoint speak for the peer. A rotation is logged and kept ({@link #rotations}).
     *
     * @param credential a new credential the peer issued to this deployment, or null to keep the one held
     * @param by who asks, for the log and the rotation record
     */
    public Registered put(Peer peer, String credential, boolean rotate, String by) {
        return transactions.execute(status -> {
            Optional<Peer> known = find(peer.id());
            if (known.isEmpty()) {
                return add(peer, credential);
            }
            String oldKeyId = known.get().publicKey().keyId();
            boolean newKey = !known.get().publicKey().equals(peer.publicKey());
            if (newKey && !rotate) {
                throw new FederationConflictException(
                        "key-change-refused",
                        "peer '" + peer.id() + "' is registered with key " + oldKeyId + "; a new key ("
                                + peer.publicKey().keyId() + ") is accepted only as a rotation: send \"rotate\": true"
                                + " (./qswarm federate peers rotate) once you know the peer changed its key");
            }
            jdbc.update(
                    "UPDATE federation_peer SET base_url = ?, public_key = ?, key_id = ? WHERE peer_id = ?",
                    peer.baseUrl().toString(),
                    peer.publicKey().encoded(),
                    peer.publicKey().keyId(),
                    peer.id().value());
            updateCredential(peer.id(), credential);
            if (newKey) {
                jdbc.update(
                        "INSERT INTO federation_peer_rotation (peer_id, rotated_at, old_key_id, new_key_id, rotated_by)"
                                + " VALUES (?, ?, ?, ?, ?)",
                        peer.id().value(),
                        now(),
                        oldKeyId,
                        peer.publicKey().keyId(),
                        by);
                log.warn(
                        "federation: the key of peer '{}' was rotated from {} to {} by {}",
                        peer.id(),
                        oldKeyId,
                        peer.publicKey().keyId(),
                        by);
            } else if (rotate) {
                log.info("federation: peer '{}' asked to rotate to the key it already has ({})", peer.id(), oldKeyId);
            }
            return registered(peer.id());
        });
    }

    /** The key rotations of a peer, oldest first. */
    public List<Rotation> rotations(PeerId id) {
        registered(id);
        return jdbc.query(
                "SELECT * FROM federation_peer_rotation WHERE peer_id = ? ORDER BY rotated_at",
                (rs, n) -> new Rotation(
                        PeerId.of(rs.getString("peer_id")),
                        rs.getObject("rotated_at", OffsetDateTime.class).toInstant(),
                        rs.getString("old_key_id"),
                        rs.getString("new_key_id"),
                        rs.getString("rotated_by")),
                id.value());
    }

    /** The credential the peer issued to this deployment, sent with every request to it; empty when none is held. */
    public Optional<String> credentialOf(PeerId id) {
        return jdbc
                .query(
                        "SELECT outbound_credential FROM federation_peer WHERE peer_id = ?",
                        (rs, n) -> Optional.ofNullable(rs.getString(1)),
                        id.value())
                .stream()
                .findFirst()
                .flatMap(credential -> credential);
    }

    private void updateCredential(PeerId id, String credential) {
        if (credential != null) {
            jdbc.update("UPDATE federation_peer SET outbound_credential = ? WHERE peer_id = ?", credential, id.value());
        }
    }

    /** Removes a peer; refused while it hosts tables (release them, or make them leave their swarms, first). */
    public void remove(PeerId id) {
        transactions.executeWithoutResult(status -> {
            List<QTableId> hosted = tablesOf(id);
            if (!hosted.isEmpty()) {
                throw new FederationConflictException(
                        "peer-hosts-tables",
                        "peer '" + id + "' hosts " + hosted + "; release them first (DELETE"
                                + " /api/v1/federation/remote-tables/{tableId})");
            }
            if (jdbc.update("DELETE FROM federation_peer WHERE peer_id = ?", id.value()) == 0) {
                throw NotFoundException.peer(id);
            }
        });
    }

    /** Records that {@code table} lives on {@code peer}. Idempotent; refused if another peer hosts it. */
    public void host(QTableId table, PeerId peer) {
        transactions.executeWithoutResult(status -> {
            if (find(peer).isEmpty()) {
                throw NotFoundException.peer(peer);
            }
            Optional<PeerId> current = hostOf(table);
            if (current.isPresent() && !current.get().equals(peer)) {
                throw new FederationConflictException(
                        "table-hosted-elsewhere", "table '" + table + "' is hosted by peer '" + current.get() + "'");
            }
            if (current.isEmpty()) {
                jdbc.update(
                        "INSERT INTO federation_remote_table (table_id, peer_id, added_at) VALUES (?, ?, ?)",
                        table.value(),
                        peer.value(),
                        now());
            }
        });
    }

    public void release(QTableId table) {
        if (jdbc.update("DELETE FROM federation_remote_table WHERE table_id = ?", table.value()) == 0) {
            throw new NotFoundException("unknown-remote-table", "table '" + table + "' is not a remote table");
        }
    }

    /** The peer hosting {@code table}, or empty for a table of this deployment. */
    public Optional<PeerId> hostOf(QTableId table) {
        return jdbc
                .query(
                        "SELECT peer_id FROM federation_remote_table WHERE table_id = ?",
                        (rs, n) -> PeerId.of(rs.getString(1)),
                        table.value())
                .stream()
                .findFirst();
    }

    /** Every remote table (id) with the id of the peer hosting it. */
    public Map<String, String> remoteTables() {
        var tables = new TreeMap<String, String>();
        jdbc.query("SELECT table_id, peer_id FROM federation_remote_table", rs -> {
            tables.put(rs.getString(1), rs.getString(2));
        });
        return tables;
    }

    public boolean isRemote(QTableId table) {
        return hostOf(table).isPresent();
    }

    public List<QTableId> tablesOf(PeerId peer) {
        return jdbc.query(
                "SELECT table_id FROM federation_remote_table WHERE peer_id = ? ORDER BY table_id",
                (rs, n) -> QTableId.of(rs.getString(1)),
                peer.value());
    }

    private Registered registered(ResultSet rs) throws SQLException {
        Peer peer = peer(rs, 0);
        return new Registered(
                peer,
                rs.getString("key_id"),
                rs.getObject("added_at", OffsetDateTime.class).toInstant(),
                tablesOf(peer.id()),
                rs.getString("outbound_credential") != null);
    }

    private static Peer peer(ResultSet rs, int row) throws SQLException {
        return new Peer(
                PeerId.of(rs.getString("peer_id")),
                URI.create(rs.getString("base_url")),
                new PeerKey(rs.getString("public_key")));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
