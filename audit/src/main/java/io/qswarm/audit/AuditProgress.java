package io.qswarm.audit;

/** Counters a progress display reads while an audit runs (written by one thread, read by another). */
public final class AuditProgress {

    private volatile long events;
    private volatile long updates;
    private volatile long total = -1;

    public long events() {
        return events;
    }

    public long updates() {
        return updates;
    }

    /** Events the replay will read, or -1 when unknown. */
    public long total() {
        return total;
    }

    void total(long count) {
        total = count;
    }

    void advance(long moreEvents, long moreUpdates) {
        events += moreEvents;
        updates += moreUpdates;
    }
}
