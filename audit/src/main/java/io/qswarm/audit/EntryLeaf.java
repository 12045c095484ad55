package io.qswarm.audit;

import java.util.Map;

/**
 * One entry of a table as committed to by its digest and Merkle root: state, action, value and visits per origin
 * (the table's own experiences under its own id). Its canonical bytes ({@code CanonicalBytes}) are the Merkle leaf.
 */
public record EntryLeaf(String state, String action, double q, Map<String, Long> visitsByOrigin) {

    public long visits() {
        long sum = 0;
        for (long count : visitsByOrigin.values()) {
            sum += count;
        }
        return sum;
    }
}
