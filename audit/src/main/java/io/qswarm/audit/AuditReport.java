package io.qswarm.audit;

import java.util.List;

/**
 * The outcome of an audit: clean with counts and each table's digest, or failed with the first discrepancy (the one
 * at the lowest global position). {@code projections} is present when the read models were audited too.
 */
public record AuditReport(
        boolean clean,
        String scope,
        ReplayLimit limit,
        long events,
        long updates,
        long merges,
        List<TableResult> tables,
        Discrepancy firstDiscrepancy,
        ProjectionAudit.Result projections,
        double seconds) {

    /** A short summary for people. */
    public String summary() {
        var text = new StringBuilder();
        text.append(clean ? "AUDIT CLEAN" : "AUDIT FAILED")
                .append(": ")
                .append(tables.size())
                .append(" table(s), ")
                .append(events)
                .append(" events, ")
                .append(updates)
                .append(" updates, ")
                .append(merges)
                .append(" merges replayed");
        if (seconds > 0) {
            text.append(
                    String.format(java.util.Locale.ROOT, " in %.2f s (%.0f updates/s)", seconds, updates / seconds));
        }
        text.append('\n');
        if (firstDiscrepancy != null) {
            text.append("first discrepancy: ").append(firstDiscrepancy).append('\n');
        }
        for (TableResult table : tables) {
            text.append(String.format(
                    java.util.Locale.ROOT,
                    "  %s  version %d  %d entries  sha256 %s  merkle %s%s%n",
                    table.tableId(),
                    table.version(),
                    table.entries(),
                    table.sha256(),
                    table.merkleRoot(),
                    table.clean() ? "" : "  FAILED"));
        }
        if (projections != null) {
            text.append(projections.summary()).append('\n');
        }
        return text.toString();
    }

    AuditReport with(ProjectionAudit.Result projectionResult) {
        return new AuditReport(
                clean && projectionResult.clean(),
                scope,
                limit,
                events,
                updates,
                merges,
                tables,
                firstDiscrepancy,
                projectionResult,
                seconds);
    }
}
