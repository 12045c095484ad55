package io.qswarm.federation.aggregation;

import io.qswarm.intelligence.api.QTableId;
import java.util.Comparator;

/** The one order of sources used to break ties, so every aggregation is deterministic. */
final class Sources {

    static final Comparator<QTableId> ORDER = Comparator.comparing(QTableId::value);

    /** Opinions by value, ties by source. */
    static final Comparator<Opinion> BY_VALUE =
            Comparator.comparingDouble(Opinion::q).thenComparing(Opinion::source, ORDER);

    private Sources() {}
}
