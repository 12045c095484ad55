package io.qswarm.intelligence.api;

import java.util.Map;

/**
 * One value-function parameter a merge changed: its value and experiences per origin before and after, and the
 * peer's input, so an auditor can recompute the result with the table entry rule.
 *
 * @param index position of the parameter in the kind's canonical order
 * @param added whether the parameter stood on no experience before the merge
 */
public record MergedParameter(
        int index,
        boolean added,
        double before,
        double after,
        Map<String, Long> visitsBefore,
        Map<String, Long> visitsAfter,
        double peerValue,
        Map<String, Long> peerVisits) {}
