package io.qswarm.projections.edge;

import java.time.Duration;
import java.time.Instant;

/** The time axis of edge histories, time efficiency and half-lives. */
public enum EdgeClock {
    /**
     * Episodes the table completed before the batch (counted by the projection from {@code endsEpisode}; unlike
     * {@code QTableUpdated.episodes()} it does not restart when the exploration schedule changes).
     */
    EPISODES,
    /** The event's timestamp, in the configured time unit since the epoch. */
    EVENT_TIME;

    double time(Instant at, long episodesBefore, Duration unit) {
        return switch (this) {
            case EPISODES -> episodesBefore;
            case EVENT_TIME -> (at.getEpochSecond() + at.getNano() / 1e9) / (unit.toNanos() / 1e9);
        };
    }
}
