package io.qswarm.benchmarks;

import java.util.Map;

/**
 * How the QTable aggregate is loaded between commands: from a cache, from its latest snapshot, or by replaying its
 * whole event stream.
 *
 * @param snapshotThreshold events between snapshots ({@code qswarm.snapshot.threshold}); 0 takes none
 * @param cache whether loaded aggregates are cached between commands ({@code qswarm.aggregate.cache})
 */
record AggregateSettings(int snapshotThreshold, boolean cache) {

    /** The server's configuration: a snapshot every 250 events and a cache. */
    static final AggregateSettings PRODUCTION = new AggregateSettings(250, true);

    /** The naive design: every command replays the table's whole stream. */
    static final AggregateSettings REPLAY_EVERY_COMMAND = new AggregateSettings(0, false);

    Map<String, Object> springProperties() {
        return Map.of("qswarm.snapshot.threshold", snapshotThreshold, "qswarm.aggregate.cache", cache);
    }

    @Override
    public String toString() {
        return snapshotThreshold == 0 && !cache
                ? "no snapshots, no cache"
                : "snapshot every " + snapshotThreshold + " events, cache " + (cache ? "on" : "off");
    }
}
