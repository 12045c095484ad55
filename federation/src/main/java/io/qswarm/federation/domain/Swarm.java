package io.qswarm.federation.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.qswarm.federation.api.AggregationRule;
import io.qswarm.federation.api.CloseRound;
import io.qswarm.federation.api.ContributeKnowledge;
import io.qswarm.federation.api.FormSwarm;
import io.qswarm.federation.api.JoinSwarm;
import io.qswarm.federation.api.KnowledgeAggregated;
import io.qswarm.federation.api.KnowledgeContributed;
import io.qswarm.federation.api.KnowledgeRequested;
import io.qswarm.federation.api.LeaveSwarm;
import io.qswarm.federation.api.MemberJoined;
import io.qswarm.federation.api.MemberLeft;
import io.qswarm.federation.api.Neighbourhood;
import io.qswarm.federation.api.Quorum;
import io.qswarm.federation.api.RequestKnowledge;
import io.qswarm.federation.api.RoundCompleted;
import io.qswarm.federation.api.RoundFailed;
import io.qswarm.federation.api.RoundId;
import io.qswarm.federation.api.RoundStarted;
import io.qswarm.federation.api.StartRound;
import io.qswarm.federation.api.SwarmError;
import io.qswarm.federation.api.SwarmFormed;
import io.qswarm.federation.api.SwarmId;
import io.qswarm.federation.api.SwarmRefusedException;
import io.qswarm.federation.api.SyncPeriod;
import io.qswarm.federation.api.Topology;
import io.qswarm.intelligence.api.QTableId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A swarm: tables that share knowledge in rounds. The swarm decides who takes part in a round, whose contributions
 * each participant receives (its topology), which contributions are accepted (the open round only, once per
 * participant), and how the round ends: completed with one aggregate per participant when the quorum was reached,
 * failed otherwise. It closes a round itself when every participant answered; the round saga closes it at its
 * deadline. The aggregation runs here, from recorded contributions, so it is decided once and replays unchanged.
 *
 * <p>For each member the swarm remembers the table version of its last contribution to a completed round; the next
 * request asks only for what changed since (reset to everything when the membership changes).
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Swarm {

    @AggregateIdentifier
    private SwarmId swarmId;

    private List<QTableId> members;
    private Topology topology;
    private AggregationRule aggregation;
    private Quorum quorum;
    private Duration roundTimeout;
    private SyncPeriod syncPeriod;
    private long roundsStarted;
    private TreeMap<String, Long> lastVersions;
    private OpenRound openRound;

    protected Swarm() {
        // for Axon and snapshot deserialization
    }

    @CommandHandler
    public Swarm(FormSwarm command) {
        apply(new SwarmFormed(
                command.swarmId(),
                command.members().stream().sorted(Neighbourhoods.ORDER).toList(),
                command.topology(),
                command.aggregation(),
                command.quorum(),
                command.roundTimeout(),
                command.syncPeriod()));
    }

    @CommandHandler
    public void handle(JoinSwarm command) {
        if (members.contains(command.member())) {
            throw refused(SwarmError.ALREADY_MEMBER, command.member() + " is already a member of " + swarmId);
        }
        if (members.size() >= FormSwarm.MAX_MEMBERS) {
            throw refused(SwarmError.SWARM_FULL, swarmId + " has the maximum of " + FormSwarm.MAX_MEMBERS + " members");
        }
        apply(new MemberJoined(swarmId, command.member()));
    }

    @CommandHandler
    public void handle(LeaveSwarm command) {
        requireMember(command.member());
        if (command.member().equals(topology.hub())) {
            throw refused(SwarmError.HUB_CANNOT_LEAVE, command.member() + " is the hub of " + swarmId);
        }
        apply(new MemberLeft(swarmId, command.member()));
    }

    @CommandHandler
    public RoundId handle(StartRound command) {
        if (openRound != null) {
            throw refused(SwarmError.ROUND_ALREADY_OPEN, "round " + openRound.id() + " is still open");
        }
        if (members.size() < 2) {
            throw refused(
                    SwarmError.TOO_FEW_MEMBERS,
                    "a round needs at least 2 members, " + swarmId + " has " + members.size());
        }
        int required = quorum.required(members.size());
        if (required > members.size()) {
            throw refused(
                    SwarmError.QUORUM_UNREACHABLE,
                    "the quorum needs " + required + " contributions, " + swarmId + " has " + members.size()
                            + " members");
        }
        List<Neighbourhood> neighbourhoods = Neighbourhoods.of(topology, members, command.gossipSeed());
        for (Neighbourhood neighbourhood : neighbourhoods) {
            if (neighbourhood.sources().size() < aggregation.minimumSources()) {
                throw refused(
                        SwarmError.AGGREGATION_UNSATISFIABLE,
                        aggregation.strategy() + " with f = "
                                + aggregation.byzantine() + " needs " + aggregation.minimumSources() + " sources, but "
                                + neighbourhood.participant() + " receives from "
                                + neighbourhood.sources().size()
                                + " in a " + topology.kind() + " of " + members.size());
            }
        }
        RoundId round = RoundId.of(swarmId, roundsStarted + 1);
        apply(new RoundStarted(
                swarmId,
                round,
                members,
                neighbourhoods,
                aggregation,
                required,
                roundTimeout,
                command.gossipSeed(),
                command.fullSync()));
        return round;
    }

    @CommandHandler
    public void handle(RequestKnowledge command) {
        requireOpen(command.roundId());
        requireParticipant(command.participant());
        long since = lastVersions.getOrDefault(command.participant().value(), 0L);
        apply(new KnowledgeRequested(swarmId, command.roundId(), command.participant(), since));
    }

    @CommandHandler
    public void handle(ContributeKnowledge command) {
        requireMember(command.participant());
        requireOpen(command.roundId());
        requireParticipant(command.participant());
        if (openRound.contributed(command.participant())) {
            throw refused(
                    SwarmError.DUPLICATE_CONTRIBUTION,
                    command.participant() + " already contributed to round " + command.roundId());
        }
        apply(new KnowledgeContributed(
                swarmId, command.roundId(), command.participant(), command.tableVersion(), command.entries()));
        if (openRound.allAnswered()) {
            close();
        }
    }

    @CommandHandler
    public void handle(CloseRound command) {
        requireOpen(command.roundId());
        close();
    }

    private void close() {
        RoundClosing.Outcome outcome = RoundClosing.close(openRound, members);
        RoundId round = openRound.id();
        if (outcome instanceof RoundClosing.Failed failed) {
            apply(new RoundFailed(swarmId, round, failed.contributors(), failed.stragglers(), failed.reason()));
        } else if (outcome instanceof RoundClosing.Completed completed) {
            var merged = new ArrayList<QTableId>();
            for (RoundClosing.Merge merge : completed.merges()) {
                apply(new KnowledgeAggregated(
                        swarmId,
                        round,
                        merge.participant(),
                        merge.sources(),
                        openRound.aggregation().tableMerge(),
                        merge.entries()));
                merged.add(merge.participant());
            }
            apply(new RoundCompleted(
                    swarmId, round, completed.contributors(), completed.stragglers(), merged, completed.skipped()));
        }
    }

    private void requireMember(QTableId table) {
        if (!members.contains(table)) {
            throw refused(SwarmError.UNKNOWN_MEMBER, table + " is not a member of " + swarmId);
        }
    }

    private void requireOpen(RoundId round) {
        if (openRound == null) {
            throw refused(
                    SwarmError.ROUND_NOT_OPEN,
                    "round " + round + " is not open: " + swarmId + " has no open " + "round (" + roundsStarted
                            + " started)");
        }
        if (!openRound.id().equals(round)) {
            throw refused(SwarmError.STALE_ROUND, "round " + round + " is not the open round " + openRound.id());
        }
    }

    private void requireParticipant(QTableId table) {
        if (!openRound.takesPart(table)) {
            throw refused(
                    SwarmError.NOT_A_PARTICIPANT,
                    table + " does not take part in round " + openRound.id() + " (it joined after the round started)");
        }
    }

    private static SwarmRefusedException refused(SwarmError error, String reason) {
        return new SwarmRefusedException(error, reason);
    }

    @EventSourcingHandler
    void on(SwarmFormed event) {
        swarmId = event.swarmId();
        members = event.members();
        topology = event.topology();
        aggregation = event.aggregation();
        quorum = event.quorum();
        roundTimeout = event.roundTimeout();
        syncPeriod = event.syncPeriod();
        roundsStarted = 0;
        lastVersions = new TreeMap<>();
    }

    @EventSourcingHandler
    void on(MemberJoined event) {
        var more = new ArrayList<>(members);
        more.add(event.member());
        members = more.stream().sorted(Neighbourhoods.ORDER).toList();
        membershipChanged();
    }

    @EventSourcingHandler
    void on(MemberLeft event) {
        members = members.stream().filter(m -> !m.equals(event.member())).toList();
        membershipChanged();
    }

    /** New neighbourhoods: every member's next contribution is a full one, also after the round now open. */
    private void membershipChanged() {
        lastVersions.clear();
        if (openRound != null) {
            openRound = openRound.withMembershipChanged();
        }
    }

    @EventSourcingHandler
    void on(RoundStarted event) {
        roundsStarted++;
        if (event.fullSync()) {
            lastVersions.clear();
        }
        openRound = new OpenRound(
                event.roundId(),
                event.participants(),
                event.neighbourhoods(),
                event.aggregation(),
                event.requiredContributions(),
                Map.of(),
                false);
    }

    @EventSourcingHandler
    void on(KnowledgeContributed event) {
        openRound =
                openRound.with(event.participant(), new OpenRound.Contribution(event.tableVersion(), event.entries()));
    }

    @EventSourcingHandler
    void on(RoundCompleted event) {
        if (!openRound.membershipChanged()) {
            openRound
                    .contributions()
                    .forEach((participant, contribution) ->
                            lastVersions.put(participant.value(), contribution.tableVersion()));
        }
        openRound = null;
    }

    @EventSourcingHandler
    void on(RoundFailed event) {
        openRound = null;
    }
}
