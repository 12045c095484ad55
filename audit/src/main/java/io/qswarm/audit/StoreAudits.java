package io.qswarm.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The audits of one event store: full or per-table replay audits (optionally with the read models), tables as of a
 * global position or instant, and Merkle inclusion proofs. Reads with plain JDBC; needs no running Axon.
 */
public final class StoreAudits {

    private final DataSource dataSource;

    public StoreAudits(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Replays and verifies one table ({@code tableId}) or every table (null) up to {@code limit}.
     *
     * @param projections also rebuild the read models into a shadow copy and compare them with the live ones
     */
    public AuditReport audit(String tableId, ReplayLimit limit, AuditProgress progress, boolean projections) {
        var reader = new StoreReader(dataSource);
        progress.total(reader.count(tableId, limit));
        var auditor = new Auditor(limit, progress);
        ProjectionAudit shadow = projections ? new ProjectionAudit(dataSource) : null;
        long started = System.nanoTime();
        try {
            reader.read(tableId, limit, event -> {
                auditor.accept(event);
                if (shadow != null) {
                    shadow.accept(event);
                }
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            AuditReport report = auditor.report(tableId == null ? "all" : tableId, seconds);
            return shadow == null ? report : report.with(shadow.compare(tableId));
        } finally {
            if (shadow != null) {
                shadow.close();
            }
        }
    }

    /** The table as it was at {@code limit}, or empty if it did not exist yet. Fails if its history does not verify. */
    public Optional<TableState> asOf(String tableId, ReplayLimit limit) {
        var auditor = new Auditor(limit, new AuditProgress());
        Map<String, Instant> last = new HashMap<>();
        new StoreReader(dataSource).read(tableId, limit, event -> {
            auditor.accept(event);
            if (limit.admits(event)) {
                last.putIfAbsent(event.tableId(), event.timestamp());
                if (last.get(event.tableId()).isBefore(event.timestamp())) {
                    last.put(event.tableId(), event.timestamp());
                }
            }
        });
        AuditReport report = auditor.report(tableId, 0);
        if (!report.clean()) {
            throw new TamperedHistoryException(report.firstDiscrepancy());
        }
        return auditor.table(tableId).map(table -> TableState.of(table, last.get(tableId)));
    }

    /**
     * Proof that the entry {@code (state, action)} belongs to the Merkle root of the table at {@code version} (its
     * latest version when null). Empty when the table or the entry does not exist at that version.
     */
    public Optional<InclusionProof> proof(String tableId, String state, String action, Long version) {
        ReplayLimit limit = version == null ? ReplayLimit.NONE : ReplayLimit.atVersion(version);
        Optional<TableState> table = asOf(tableId, limit);
        if (table.isEmpty() || (version != null && table.get().version() != version)) {
            return Optional.empty();
        }
        MerkleTree tree = MerkleTree.of(table.get().entries());
        int index = tree.indexOf(state, action);
        return index < 0
                ? Optional.empty()
                : Optional.of(InclusionProof.of(tableId, table.get().version(), tree, index));
    }

    /** A table's history does not verify, so no state or proof can be derived from it. */
    public static final class TamperedHistoryException extends IllegalStateException {
        private final transient Discrepancy discrepancy;

        public TamperedHistoryException(Discrepancy discrepancy) {
            super("the history does not verify: " + discrepancy);
            this.discrepancy = discrepancy;
        }

        public Discrepancy discrepancy() {
            return discrepancy;
        }
    }
}
