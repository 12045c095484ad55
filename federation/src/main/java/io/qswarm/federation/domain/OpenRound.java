package io.qswarm.federation.domain;

import io.qswarm.federation.api.AggregationRule;
import io.qswarm.federation.api.Neighbourhood;
import io.qswarm.federation.api.RoundId;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The round a swarm has open: who takes part, whose contributions each one receives, what it takes to complete, the
 * contributions accepted so far, and whether the membership changed meanwhile. Immutable, with value equality.
 */
record OpenRound(
        RoundId id,
        List<QTableId> participants,
        List<Neighbourhood> neighbourhoods,
        AggregationRule aggregation,
        int required,
        Map<QTableId, Contribution> contributions,
        boolean membershipChanged) {

    /** One accepted contribution. */
    record Contribution(long tableVersion, List<PeerEntry> entries) {}

    OpenRound {
        participants = List.copyOf(participants);
        neighbourhoods = List.copyOf(neighbourhoods);
        contributions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(contributions));
    }

    boolean takesPart(QTableId table) {
        return participants.contains(table);
    }

    boolean contributed(QTableId table) {
        return contributions.containsKey(table);
    }

    boolean allAnswered() {
        return contributions.size() == participants.size();
    }

    OpenRound with(QTableId participant, Contribution contribution) {
        var more = new LinkedHashMap<>(contributions);
        more.put(participant, contribution);
        return new OpenRound(id, participants, neighbourhoods, aggregation, required, more, membershipChanged);
    }

    /** The membership changed while the round was open: its contributions must not become delta baselines. */
    OpenRound withMembershipChanged() {
        return new OpenRound(id, participants, neighbourhoods, aggregation, required, contributions, true);
    }

    List<QTableId> sourcesOf(QTableId participant) {
        return neighbourhoods.stream()
                .filter(neighbourhood -> neighbourhood.participant().equals(participant))
                .findFirst()
                .map(Neighbourhood::sources)
                .orElse(List.of());
    }
}
