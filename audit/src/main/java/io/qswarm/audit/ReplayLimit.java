package io.qswarm.audit;

import java.time.Instant;

/**
 * How far a replay goes: up to a global position, an instant (event timestamps) or, for one table, a version
 * (sequence number). Null parts do not limit. A table stops at its first event beyond the limit.
 */
public record ReplayLimit(Long maxGlobalIndex, Instant until, Long maxVersion) {

    public static final ReplayLimit NONE = new ReplayLimit(null, null, null);

    public static ReplayLimit atGlobalIndex(long position) {
        return new ReplayLimit(position, null, null);
    }

    public static ReplayLimit at(Instant instant) {
        return new ReplayLimit(null, instant, null);
    }

    public static ReplayLimit atVersion(long version) {
        return new ReplayLimit(null, null, version);
    }

    /**
     * Parses {@code --as-of}: a number is a global position, anything else an ISO-8601 instant
     * ({@code 2026-11-22T05:00:00Z}).
     */
    public static ReplayLimit parse(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return NONE;
        }
        if (asOf.chars().allMatch(Character::isDigit)) {
            return atGlobalIndex(Long.parseLong(asOf));
        }
        try {
            return at(Instant.parse(asOf));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "as-of must be a global position (a number) or an ISO-8601 instant such as"
                            + " 2026-11-22T05:00:00Z, was '" + asOf + "'");
        }
    }

    boolean admits(StoredEvent event) {
        return (maxGlobalIndex == null || event.globalIndex() <= maxGlobalIndex)
                && (until == null || !event.timestamp().isAfter(until))
                && (maxVersion == null || event.sequence() <= maxVersion);
    }
}
