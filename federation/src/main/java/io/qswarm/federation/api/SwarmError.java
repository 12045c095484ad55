package io.qswarm.federation.api;

/** Why the swarm refused a command. Stable codes for remote callers. */
public enum SwarmError {
    /** The table is not a member of the swarm. */
    UNKNOWN_MEMBER,
    /** The table is already a member. */
    ALREADY_MEMBER,
    /** The swarm has its maximum number of members. */
    SWARM_FULL,
    /** The hub of a hub topology cannot leave. */
    HUB_CANNOT_LEAVE,
    /** A round needs at least two members. */
    TOO_FEW_MEMBERS,
    /** The quorum needs more contributions than the round has participants. */
    QUORUM_UNREACHABLE,
    /** The aggregation cannot work with the sources the topology gives (Krum needs {@code 2f + 3}). */
    AGGREGATION_UNSATISFIABLE,
    /** A round is already open; close it first. */
    ROUND_ALREADY_OPEN,
    /** No round is open (it was closed, or never started). */
    ROUND_NOT_OPEN,
    /** The command names another round than the open one. */
    STALE_ROUND,
    /** The table is a member but was not a participant when the round started. */
    NOT_A_PARTICIPANT,
    /** The participant already contributed to this round. */
    DUPLICATE_CONTRIBUTION
}
