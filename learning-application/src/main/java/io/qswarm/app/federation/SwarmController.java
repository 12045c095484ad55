package io.qswarm.app.federation;

import io.qswarm.federation.api.FormSwarm;
import io.qswarm.federation.api.JoinSwarm;
import io.qswarm.federation.api.LeaveSwarm;
import io.qswarm.federation.api.RoundId;
import io.qswarm.federation.api.StartRound;
import io.qswarm.federation.api.SwarmId;
import io.qswarm.federation.transport.PeerId;
import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.QTableId;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The swarm API: form a swarm, change its membership, start rounds and read rounds with their outcome. Commands are
 * applied synchronously (the answer means the event is stored); reads come from the swarms read model and follow
 * within moments.
 */
@RestController
@RequestMapping("/api/v1/swarms")
class SwarmController {

    private final SwarmCommands commands;
    private final SwarmDirectory directory;
    private final PeerRegistry registry;
    private final GossipSeeds seeds;
    private final LocalTables tables;

    SwarmController(
            SwarmCommands commands,
            SwarmDirectory directory,
            PeerRegistry registry,
            GossipSeeds seeds,
            LocalTables tables) {
        this.commands = commands;
        this.directory = directory;
        this.registry = registry;
        this.seeds = seeds;
        this.tables = tables;
    }

    @PostMapping
    ResponseEntity<SwarmRequests.Created> form(@RequestBody SwarmRequests.FormSwarm request) {
        Checks.required("members", request.members());
        var command = new FormSwarm(
                SwarmId.of(Checks.required("swarmId", request.swarmId())),
                request.members().stream().map(QTableId::of).toList(),
                Checks.required("topology", request.topology()).toTopology(),
                request.aggregation() == null ? null : request.aggregation().toRule(),
                Checks.required("quorum", request.quorum()).toQuorum(),
                request.roundTimeout(),
                request.syncPeriod() == null ? null : request.syncPeriod().toPeriod());
        Map<String, String> remote = request.remote() == null ? Map.of() : request.remote();
        for (var member : remote.entrySet()) {
            QTableId table = QTableId.of(member.getKey());
            if (!command.members().contains(table)) {
                throw new IllegalArgumentException("remote member '" + table + "' is not among the members");
            }
            host(table, PeerId.of(member.getValue()));
        }
        commands.send(command, NotFoundException::swarm);
        return created(command.swarmId());
    }

    @GetMapping
    List<SwarmView> list() {
        return directory.all();
    }

    @GetMapping("/{swarmId}")
    SwarmView get(@PathVariable String swarmId) {
        SwarmId id = SwarmId.of(swarmId);
        return directory.find(id).orElseThrow(() -> NotFoundException.swarm(id));
    }

    @PostMapping("/{swarmId}/members")
    Map<String, String> join(@PathVariable String swarmId, @RequestBody SwarmRequests.Join request) {
        SwarmId id = SwarmId.of(swarmId);
        QTableId table = QTableId.of(Checks.required("tableId", request.tableId()));
        if (request.peer() != null) {
            host(table, PeerId.of(request.peer()));
        }
        commands.send(new JoinSwarm(id, table), NotFoundException::swarm);
        return request.peer() == null
                ? Map.of("swarmId", id.value(), "member", table.value())
                : Map.of("swarmId", id.value(), "member", table.value(), "peer", request.peer());
    }

    @DeleteMapping("/{swarmId}/members/{tableId}")
    ResponseEntity<Void> leave(@PathVariable String swarmId, @PathVariable String tableId) {
        commands.send(new LeaveSwarm(SwarmId.of(swarmId), QTableId.of(tableId)), NotFoundException::swarm);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{swarmId}/rounds")
    ResponseEntity<SwarmRequests.Created> startRound(
            @PathVariable String swarmId, @RequestBody(required = false) SwarmRequests.StartRound request) {
        SwarmId id = SwarmId.of(swarmId);
        long seed = request != null && request.seed() != null ? request.seed() : seeds.next();
        boolean fullSync = request != null && Boolean.TRUE.equals(request.fullSync());
        RoundId round = commands.send(new StartRound(id, seed, fullSync), NotFoundException::swarm);
        URI location = URI.create("/api/v1/swarms/" + id.value() + "/rounds/" + round.value());
        return ResponseEntity.created(location).body(new SwarmRequests.Created(round.value(), location.toString()));
    }

    @GetMapping("/{swarmId}/rounds")
    List<RoundView> rounds(
            @PathVariable String swarmId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > 1000) {
            throw new IllegalArgumentException("page must be >= 0 and size in [1, 1000], were " + page + ", " + size);
        }
        SwarmId id = SwarmId.of(swarmId);
        get(swarmId);
        return directory.rounds(id, page, size);
    }

    @GetMapping("/{swarmId}/rounds/{roundId}")
    RoundView round(@PathVariable String swarmId, @PathVariable String roundId) {
        RoundId id = RoundId.of(roundId);
        return directory
                .round(id)
                .filter(round -> round.swarmId().value().equals(swarmId))
                .orElseThrow(() -> NotFoundException.round(id));
    }

    /** Records that a peer hosts {@code table}; a table of this deployment cannot be remote. */
    private void host(QTableId table, PeerId peer) {
        if (tables.exists(table)) {
            throw new FederationConflictException(
                    "table-is-local",
                    "table '" + table + "' is a table of this deployment, not of peer '" + peer + "'");
        }
        registry.host(table, peer);
    }

    private static ResponseEntity<SwarmRequests.Created> created(SwarmId swarm) {
        URI location = URI.create("/api/v1/swarms/" + swarm.value());
        return ResponseEntity.created(location).body(new SwarmRequests.Created(swarm.value(), location.toString()));
    }
}
