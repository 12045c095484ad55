package io.qswarm.federation.snapshot;

import io.qswarm.intelligence.api.QTableEntry;
import java.util.HashSet;

/** Small facts about snapshots shared by the publisher and the checks. */
final class Snapshots {

    private Snapshots() {}

    static ManifestLine.Dimensions dimensionsOf(KnowledgeSnapshot snapshot) {
        var states = new HashSet<String>();
        for (QTableEntry entry : snapshot.table().entries()) {
            states.add(entry.state().value());
        }
        return new ManifestLine.Dimensions(
                states.size(),
                snapshot.table().actions().size(),
                snapshot.table().entries().size());
    }
}
