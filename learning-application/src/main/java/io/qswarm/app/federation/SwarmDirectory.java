package io.qswarm.app.federation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.federation.api.KnowledgeContributed;
import io.qswarm.federation.api.MemberJoined;
import io.qswarm.federation.api.MemberLeft;
import io.qswarm.federation.api.RoundCompleted;
import io.qswarm.federation.api.RoundFailed;
import io.qswarm.federation.api.RoundId;
import io.qswarm.federation.api.RoundStarted;
import io.qswarm.federation.api.SwarmFormed;
import io.qswarm.federation.api.SwarmId;
import io.qswarm.intelligence.api.QTableId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The swarms read model (processing group {@value #PROCESSING_GROUP}): every swarm of this deployment with its
 * definition and membership, and every round with its outcome. Fed by the {@code Swarm} aggregate's events; each swarm
 * row remembers the sequence number of the last event applied, so an event delivered twice changes nothing. Replayable
 * ({@link ResetHandler}).
 */
@ProcessingGroup(SwarmDirectory.PROCESSING_GROUP)
public class SwarmDirectory {

    public static final String PROCESSING_GROUP = "swarms";

    private static final TypeReference<List<QTableId>> TABLES = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Supplier<Map<String, String>> hosts;

    /**
     * @param json the storage mapper (identifiers as plain strings, Java time)
     * @param hosts every remote table with the peer hosting it, for the remote members of a view
     */
    public SwarmDirectory(JdbcTemplate jdbc, ObjectMapper json, Supplier<Map<String, String>> hosts) {
        this.jdbc = jdbc;
        this.json = json;
        this.hosts = hosts;
    }

    @EventHandler
    void on(SwarmFormed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (lastSequence(event.swarmId()).isPresent()) {
            return;
        }
        jdbc.update(
                "INSERT INTO federation_swarm (swarm_id, members_json, definition_json, rounds_started, formed_at,"
                        + " last_sequence) VALUES (?, ?, ?, 0, ?, ?)",
                event.swarmId().value(),
                write(event.members()),
                write(new SwarmView.Definition(
                        event.topology(),
                        event.aggregation(),
                        event.quorum(),
                        event.roundTimeout(),
                        event.syncPeriod())),
                time(at),
                sequence);
    }

    @EventHandler
    void on(MemberJoined event, @SequenceNumber long sequence) {
        if (fresh(event.swarmId(), sequence)) {
            var members = new ArrayList<>(members(event.swarmId()));
            members.add(event.member());
            members.sort(java.util.Comparator.comparing(QTableId::value));
            updateMembers(event.swarmId(), members, sequence);
        }
    }

    @EventHandler
    void on(MemberLeft event, @SequenceNumber long sequence) {
        if (fresh(event.swarmId(), sequence)) {
            var members = new ArrayList<>(members(event.swarmId()));
            members.remove(event.member());
            updateMembers(event.swarmId(), members, sequence);
        }
    }

    @EventHandler
    void on(RoundStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (!fresh(event.swarmId(), sequence)) {
            return;
        }
        long number = Long.parseLong(
                event.roundId().value().substring(event.swarmId().value().length() + 1));
        jdbc.update(
                "INSERT INTO federation_round (round_id, swarm_id, round_number, status, participants_json, required,"
                        + " full_sync, gossip_seed, contributions, started_at) VALUES (?, ?, ?, 'OPEN', ?, ?, ?, ?, 0, ?)",
                event.roundId().value(),
                event.swarmId().value(),
                number,
                write(event.participants()),
                event.requiredContributions(),
                event.fullSync(),
                event.gossipSeed(),
                time(at));
        jdbc.update(
                "UPDATE federation_swarm SET rounds_started = ?, open_round = ?, last_round_at = ?, last_sequence = ?"
                        + " WHERE swarm_id = ?",
                number,
                event.roundId().value(),
                time(at),
                sequence,
                event.swarmId().value());
    }

    @EventHandler
    void on(KnowledgeContributed event, @SequenceNumber long sequence) {
        if (fresh(event.swarmId(), sequence)) {
            jdbc.update(
                    "UPDATE federation_round SET contributions = contributions + 1 WHERE round_id = ?",
                    event.roundId().value());
            advance(event.swarmId(), sequence);
        }
    }

    @EventHandler
    void on(RoundCompleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (fresh(event.swarmId(), sequence)) {
            var outcome =
                    new RoundView.Outcome(event.contributors(), event.stragglers(), event.merged(), event.skipped());
            end(event.swarmId(), event.roundId(), "COMPLETED", outcome, null, at, sequence);
        }
    }

    @EventHandler
    void on(RoundFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (fresh(event.swarmId(), sequence)) {
            var outcome = new RoundView.Outcome(event.contributors(), event.stragglers(), List.of(), List.of());
            end(event.swarmId(), event.roundId(), "FAILED", outcome, event.reason(), at, sequence);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM federation_round");
        jdbc.update("DELETE FROM federation_swarm");
    }

    public Optional<SwarmView> find(SwarmId swarm) {
        Map<String, String> remote = hosts.get();
        return jdbc
                .query("SELECT * FROM federation_swarm WHERE swarm_id = ?", (rs, n) -> swarm(rs, remote), swarm.value())
                .stream()
                .findFirst();
    }

    public List<SwarmView> all() {
        Map<String, String> remote = hosts.get();
        return jdbc.query("SELECT * FROM federation_swarm ORDER BY swarm_id", (rs, n) -> swarm(rs, remote));
    }

    /** The swarm's rounds, newest first. */
    public List<RoundView> rounds(SwarmId swarm, int page, int size) {
        return jdbc.query(
                "SELECT * FROM federation_round WHERE swarm_id = ? ORDER BY round_number DESC LIMIT ? OFFSET ?",
                (rs, n) -> round(rs),
                swarm.value(),
                size,
                (long) page * size);
    }

    public Optional<RoundView> round(RoundId round) {
        return jdbc
                .query("SELECT * FROM federation_round WHERE round_id = ?", (rs, n) -> round(rs), round.value())
                .stream()
                .findFirst();
    }

    private void end(
            SwarmId swarm,
            RoundId round,
            String status,
            RoundView.Outcome outcome,
            String reason,
            Instant at,
            long sequence) {
        jdbc.update(
                "UPDATE federation_round SET status = ?, outcome_json = ?, reason = ?, ended_at = ? WHERE round_id = ?",
                status,
                write(outcome),
                reason,
                time(at),
                round.value());
        jdbc.update(
                "UPDATE federation_swarm SET open_round = NULL, last_sequence = ? WHERE swarm_id = ?",
                sequence,
                swarm.value());
    }

    private void updateMembers(SwarmId swarm, List<QTableId> members, long sequence) {
        jdbc.update(
                "UPDATE federation_swarm SET members_json = ?, last_sequence = ? WHERE swarm_id = ?",
                write(members),
                sequence,
                swarm.value());
    }

    private void advance(SwarmId swarm, long sequence) {
        jdbc.update("UPDATE federation_swarm SET last_sequence = ? WHERE swarm_id = ?", sequence, swarm.value());
    }

    /** Whether the event comes after the last one applied to the swarm (a redelivered event does not). */
    private boolean fresh(SwarmId swarm, long sequence) {
        return lastSequence(swarm).map(last -> sequence > last).orElse(false);
    }

    private Optional<Long> lastSequence(SwarmId swarm) {
        return jdbc
                .query(
                        "SELECT last_sequence FROM federation_swarm WHERE swarm_id = ?",
                        (rs, n) -> rs.getLong(1),
                        swarm.value())
                .stream()
                .findFirst();
    }

    private List<QTableId> members(SwarmId swarm) {
        return jdbc
                .query(
                        "SELECT members_json FROM federation_swarm WHERE swarm_id = ?",
                        (rs, n) -> read(rs.getString(1), TABLES),
                        swarm.value())
                .stream()
                .findFirst()
                .orElse(List.of());
    }

    private SwarmView swarm(ResultSet rs, Map<String, String> hosted) throws SQLException {
        List<QTableId> members = read(rs.getString("members_json"), TABLES);
        SwarmView.Definition definition =
                read(rs.getString("definition_json"), new TypeReference<SwarmView.Definition>() {});
        var remote = new TreeMap<String, String>();
        for (QTableId member : members) {
            String peer = hosted.get(member.value());
            if (peer != null) {
                remote.put(member.value(), peer);
            }
        }
        String open = rs.getString("open_round");
        return new SwarmView(
                SwarmId.of(rs.getString("swarm_id")),
                members,
                remote,
                definition.topology(),
                definition.aggregation(),
                definition.quorum(),
                definition.roundTimeout(),
                definition.syncPeriod(),
                rs.getLong("rounds_started"),
                open == null ? null : RoundId.of(open),
                instant(rs, "last_round_at"),
                instant(rs, "formed_at"));
    }

    private RoundView round(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome_json");
        return new RoundView(
                RoundId.of(rs.getString("round_id")),
                SwarmId.of(rs.getString("swarm_id")),
                rs.getLong("round_number"),
                rs.getString("status"),
                read(rs.getString("participants_json"), TABLES),
                rs.getInt("required"),
                rs.getBoolean("full_sync"),
                rs.getLong("gossip_seed"),
                rs.getInt("contributions"),
                outcome == null ? null : read(outcome, new TypeReference<RoundView.Outcome>() {}),
                rs.getString("reason"),
                instant(rs, "started_at"),
                instant(rs, "ended_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable swarms read model row: " + e.getOriginalMessage(), e);
        }
    }
}
