package io.qswarm.intelligence.api;

import java.util.Map;

/**
 * One entry a merge changed: its value and its visits per origin, before and after, and the peer's knowledge it was
 * merged with, so an auditor can recompute the result.
 *
 * @param peerQ the peer's value (null in revision-1 events, recorded before it was kept)
 * @param peerVisits the peer's visits per origin, unattributed visits credited to the peer (null in revision 1)
 */
public record MergedEntry(
        StateKey state,
        String action,
        boolean added,
        double qBefore,
        double qAfter,
        Map<String, Long> visitsBefore,
        Map<String, Long> visitsAfter,
        Double peerQ,
        Map<String, Long> peerVisits) {

    /** A change without the peer's inputs, as revision-1 events recorded it. */
    public MergedEntry(
            StateKey state,
            String action,
            boolean added,
            double qBefore,
            double qAfter,
            Map<String, Long> visitsBefore,
            Map<String, Long> visitsAfter) {
        this(state, action, added, qBefore, qAfter, visitsBefore, visitsAfter, null, null);
    }
}
