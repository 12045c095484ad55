/**
 * Event replay audits. {@link io.qswarm.audit.Auditor} replays stored {@code QTable} events into its own
 * {@link io.qswarm.audit.ReplayedTable} (not the aggregate: an independent fold), recomputes every recorded value and
 * checks each table's hash chain; {@link io.qswarm.audit.StoreReader} reads the store with plain JDBC; Merkle
 * commitments and inclusion proofs follow RFC 6962. The core is pure and needs no Spring.
 */
package io.qswarm.audit;
