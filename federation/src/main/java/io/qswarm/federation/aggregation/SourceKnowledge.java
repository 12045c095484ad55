package io.qswarm.federation.aggregation;

import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** What one source contributed to a round: its opinion of each entry it sent. */
public record SourceKnowledge(QTableId source, SortedMap<EntryKey, Opinion> opinions) {

    public SourceKnowledge {
        Checks.required("source", source);
        Checks.required("opinions", opinions);
        opinions = Collections.unmodifiableSortedMap(new TreeMap<>(opinions));
    }

    /**
     * A contribution's entries as opinions. Visits without an origin vector are credited to the source.
     *
     * @throws IllegalArgumentException when an entry appears twice or stands on no experience
     */
    public static SourceKnowledge of(QTableId source, List<PeerEntry> entries) {
        var opinions = new TreeMap<EntryKey, Opinion>();
        for (PeerEntry entry : entries) {
            Map<String, Long> origins = entry.originsOr(source.value());
            if (opinions.put(EntryKey.of(entry), new Opinion(source, entry.q(), origins)) != null) {
                throw new IllegalArgumentException(source + " sent entry " + EntryKey.of(entry) + " more than once");
            }
        }
        return new SourceKnowledge(source, opinions);
    }

    public double q(EntryKey key) {
        return opinions.get(key).q();
    }

    public boolean holds(EntryKey key) {
        return opinions.containsKey(key);
    }
}
