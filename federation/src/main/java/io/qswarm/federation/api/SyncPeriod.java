package io.qswarm.federation.api;

import io.qswarm.intelligence.api.Checks;
import java.time.Duration;

/**
 * How often a swarm syncs: every {@code every} episodes or learning updates of its members, or every
 * {@code interval}. Whoever starts rounds (the agent runtime or a scheduler) asks {@link #isDue}.
 */
public record SyncPeriod(Unit unit, long every, Duration interval) {

    public enum Unit {
        EPISODES,
        UPDATES,
        INTERVAL
    }

    public SyncPeriod {
        Checks.required("sync unit", unit);
        if (unit == Unit.INTERVAL) {
            Checks.required("sync interval", interval);
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("sync interval must be positive, was " + interval);
            }
            if (every != 0) {
                throw new IllegalArgumentException("an interval sync has no count, was " + every);
            }
        } else {
            if (every < 1) {
                throw new IllegalArgumentException("sync every must be at least 1 " + unit + ", was " + every);
            }
            if (interval != null) {
                throw new IllegalArgumentException("a sync every " + unit + " has no interval, was " + interval);
            }
        }
    }

    public static SyncPeriod everyEpisodes(long episodes) {
        return new SyncPeriod(Unit.EPISODES, episodes, null);
    }

    public static SyncPeriod everyUpdates(long updates) {
        return new SyncPeriod(Unit.UPDATES, updates, null);
    }

    public static SyncPeriod every(Duration interval) {
        return new SyncPeriod(Unit.INTERVAL, 0, interval);
    }

    /** Whether a round is due, given what happened since the last round started. */
    public boolean isDue(long episodesSince, long updatesSince, Duration sinceLastRound) {
        return switch (unit) {
            case EPISODES -> episodesSince >= every;
            case UPDATES -> updatesSince >= every;
            case INTERVAL -> sinceLastRound.compareTo(interval) >= 0;
        };
    }
}
