package io.qswarm.federation.api;

import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.QTableId;

/**
 * Whose contributions each participant of a round receives (its <em>sources</em>). A participant never receives its
 * own contribution: it keeps its own knowledge and merges the aggregate of its sources into it.
 *
 * <ul>
 *   <li>{@code FULL_MESH}: every other participant.
 *   <li>{@code RING}: its predecessor and successor among the participants sorted by table id.
 *   <li>{@code HUB}: the hub receives every spoke; a spoke receives the hub only.
 *   <li>{@code GOSSIP}: {@code peers} other participants drawn per round from the round's seed (deterministic).
 * </ul>
 *
 * @param hub the hub table ({@code HUB} only, otherwise null)
 * @param peers sources per participant ({@code GOSSIP} only, otherwise 0)
 */
public record Topology(Kind kind, QTableId hub, int peers) {

    public static final int MAX_GOSSIP_PEERS = 64;

    public enum Kind {
        FULL_MESH,
        RING,
        HUB,
        GOSSIP
    }

    public Topology {
        Checks.required("topology kind", kind);
        if (kind == Kind.HUB) {
            Checks.required("hub of a hub topology", hub);
        } else if (hub != null) {
            throw new IllegalArgumentException("only a hub topology names a hub, " + kind + " named " + hub);
        }
        if (kind == Kind.GOSSIP) {
            if (peers < 1 || peers > MAX_GOSSIP_PEERS) {
                throw new IllegalArgumentException(
                        "gossip peers must be in [1, " + MAX_GOSSIP_PEERS + "], was " + peers);
            }
        } else if (peers != 0) {
            throw new IllegalArgumentException("only a gossip topology has a peer count, " + kind + " had " + peers);
        }
    }

    public static Topology fullMesh() {
        return new Topology(Kind.FULL_MESH, null, 0);
    }

    public static Topology ring() {
        return new Topology(Kind.RING, null, 0);
    }

    public static Topology hub(QTableId hub) {
        return new Topology(Kind.HUB, hub, 0);
    }

    public static Topology gossip(int peers) {
        return new Topology(Kind.GOSSIP, null, peers);
    }
}
