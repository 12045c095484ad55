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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The peers this deployment trusts and the remote tables they host, in {@code federation_peer} and
 * {@code federation_remote_table}. A remote table is a swarm member whose knowledge lives on its host: requests for it
 * and merges into it travel to that peer as signed packets, and only that peer may contribute for it.
 */
public class PeerRegistry implements PeerDirectory {

    /** A registered peer, with the tables it hosts. */
    public record Registered(Peer peer, String keyId, Instant addedAt, List<QTableId> tables) {}

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

    /** Registers a peer; registering the same peer again changes nothing, another key or URL for its id is refused. */
    public Registered add(Peer peer) {
        try {
            jdbc.update(
                    "INSERT INTO federation_peer (peer_id, base_url, public_key, key_id, added_at) VALUES (?, ?, ?, ?, ?)",
                    peer.id().value(),
                    peer.baseUrl().toString(),
                    peer.publicKey().encoded(),
                    peer.publicKey().keyId(),
                    now());
        } catch (DuplicateKeyException e) {
            Peer known = find(peer.id()).orElseThrow(() -> e);
            if (!known.equals(peer)) {
                throw new FederationConflictException(
                        "peer-exists",
                        "peer '" + peer.id() + "' is registered with another URL or key ("
                                + known.publicKey().keyId() + "); replace it with PUT /api/v1/federation/peers/"
                                + peer.id());
            }
        }
        return registered(peer.id());
    }

    /** Registers a peer or replaces its URL and key (a key rotation). */
    public Registered put(Peer peer) {
        return transactions.execute(status -> {
            int updated = jdbc.update(
                    "UPDATE federation_peer SET base_url = ?, public_key = ?, key_id = ? WHERE peer_id = ?",
                    peer.baseUrl().toString(),
                    peer.publicKey().encoded(),
                    peer.publicKey().keyId(),
                    peer.id().value());
            return updated == 1 ? registered(peer.id()) : add(peer);
        });
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
                tablesOf(peer.id()));
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
