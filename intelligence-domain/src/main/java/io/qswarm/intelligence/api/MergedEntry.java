package io.qswarm.intelligence.api;

import java.util.Map;

/** One entry a merge changed: its value and its visits per origin, before and after. */
public record MergedEntry(
        StateKey state,
        String action,
        boolean added,
        double qBefore,
        double qAfter,
        Map<String, Long> visitsBefore,
        Map<String, Long> visitsAfter) {}
