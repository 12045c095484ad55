package io.qswarm.audit;

import io.qswarm.intelligence.api.ValueFunctionKind;

/**
 * What the audit found for one table.
 *
 * @param version sequence number of the last event replayed
 * @param chainHead hash of the last event replayed (the chain head)
 * @param sha256 SHA-256 of the canonical encoding of the sorted entries ({@link TableDigest}); null for a failed
 *     table, whose state past the discrepancy means nothing
 * @param merkleRoot RFC 6962 Merkle tree hash over the same entries (null for a failed table)
 * @param discrepancy the first discrepancy, or null when the table is clean
 * @param valueFunction how the table represents its values (null when its creation was not replayed)
 * @param parametersSha256 for a table with a value function, SHA-256 of its replayed parameters
 *     ({@code Parameters.sha256()}); null for a flat or failed table
 */
public record TableResult(
        String tableId,
        long version,
        long events,
        long updates,
        long merges,
        long entries,
        long episodes,
        double epsilon,
        String chainHead,
        String sha256,
        String merkleRoot,
        Discrepancy discrepancy,
        ValueFunctionKind valueFunction,
        String parametersSha256) {

    public boolean clean() {
        return discrepancy == null;
    }
}
