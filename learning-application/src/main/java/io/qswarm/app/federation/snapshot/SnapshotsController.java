package io.qswarm.app.federation.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.qswarm.federation.snapshot.SnapshotPublisher;
import io.qswarm.federation.snapshot.SnapshotVersion;
import io.qswarm.federation.snapshot.VersionBump;
import io.qswarm.federation.transport.PeerId;
import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.QTableId;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Versioned knowledge snapshots over REST: publish a table of this deployment as its next signed version, serve the
 * manifest and the files to peers, and fetch (and optionally apply) a registered peer's snapshots.
 */
@RestController
@RequestMapping("/api/v1/snapshots")
class SnapshotsController {

    static final MediaType ZSTD = MediaType.parseMediaType("application/zstd");
    static final MediaType JSON_LINES = MediaType.parseMediaType("application/jsonl");

    private final PublishedSnapshots published;
    private final PeerSnapshots peers;

    SnapshotsController(PublishedSnapshots published, PeerSnapshots peers) {
        this.published = published;
        this.peers = peers;
    }

    /** @param bump {@code patch}, {@code minor} or {@code major}; absent: the one the version rules require */
    record Publish(String bump) {}

    /**
     * @param major the major version to follow (default: the newest the peer publishes)
     * @param apply merge the trusted version into a local table
     * @param into that table (default {@code <peer>.<table>})
     */
    record Fetch(String peer, String table, Integer major, Boolean apply, String into) {}

    record Published(String bump, JsonNode line) {}

    @PostMapping("/fetch")
    PeerSnapshots.Fetched fetch(@RequestBody Fetch request) {
        return peers.fetch(
                PeerId.of(Checks.required("peer", request.peer())),
                QTableId.of(Checks.required("table", request.table())).value(),
                request.major(),
                Boolean.TRUE.equals(request.apply()),
                request.into());
    }

    @PostMapping("/{table}")
    ResponseEntity<Published> publish(@PathVariable String table, @RequestBody(required = false) Publish request) {
        SnapshotPublisher.Published done =
                published.publish(QTableId.of(table), bumpOf(request == null ? null : request.bump()));
        String version = done.line().version().toString();
        return ResponseEntity.created(URI.create("/api/v1/snapshots/" + table + "/" + version))
                .body(new Published(done.bump().name().toLowerCase(Locale.ROOT), KnowledgeSnapshots.json(done.line())));
    }

    @GetMapping("/{table}")
    List<JsonNode> list(@PathVariable String table) {
        return published.lines(table).stream().map(KnowledgeSnapshots::json).toList();
    }

    @GetMapping("/{table}/manifest.jsonl")
    ResponseEntity<byte[]> manifest(@PathVariable String table) {
        return ResponseEntity.ok().contentType(JSON_LINES).body(published.manifest(table));
    }

    @GetMapping("/{table}/{version}")
    ResponseEntity<byte[]> payload(@PathVariable String table, @PathVariable String version) {
        return ResponseEntity.ok().contentType(ZSTD).body(published.payload(table, SnapshotVersion.parse(version)));
    }

    @GetMapping("/{table}/{version}/signature")
    ResponseEntity<byte[]> signature(@PathVariable String table, @PathVariable String version) {
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_PLAIN)
                .body(published.signature(table, SnapshotVersion.parse(version)));
    }

    static VersionBump.Kind bumpOf(String bump) {
        if (bump == null) {
            return null;
        }
        return switch (bump.toLowerCase(Locale.ROOT)) {
            case "patch" -> VersionBump.Kind.PATCH;
            case "minor" -> VersionBump.Kind.MINOR;
            case "major" -> VersionBump.Kind.MAJOR;
            default -> throw new IllegalArgumentException("bump must be patch, minor or major, was '"
                    + (bump.length() > 20 ? bump.substring(0, 20) : bump) + "'");
        };
    }
}
