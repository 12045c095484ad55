package io.qswarm.app.api;

import io.qswarm.audit.AuditProgress;
import io.qswarm.audit.AuditReport;
import io.qswarm.audit.InclusionProof;
import io.qswarm.audit.ReplayLimit;
import io.qswarm.audit.StoreAudits;
import io.qswarm.audit.TableState;
import io.qswarm.intelligence.api.QTableId;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Audits of the event store: replay-and-verify audits, tables as of a global position or instant, and Merkle
 * inclusion proofs of single Q-values. Everything is derived from the stored events, never from the read models.
 */
@RestController
class AuditController {

    private final StoreAudits audits;

    AuditController(DataSource dataSource) {
        this.audits = new StoreAudits(dataSource);
    }

    /** What to audit: one table or all (no {@code tableId}), up to {@code asOf}, optionally with the read models. */
    record AuditRequest(String tableId, String asOf, Boolean projections) {}

    @PostMapping("/api/v1/audits")
    AuditReport audit(@RequestBody(required = false) AuditRequest request) {
        var body = request == null ? new AuditRequest(null, null, false) : request;
        if (body.tableId() != null) {
            QTableId.of(body.tableId());
        }
        return audits.audit(
                body.tableId(),
                ReplayLimit.parse(body.asOf()),
                new AuditProgress(),
                Boolean.TRUE.equals(body.projections()));
    }

    /** The table as it was at a global position or an ISO-8601 instant, rebuilt and verified from its events. */
    @GetMapping("/api/v1/tables/{id}/as-of")
    TableState asOf(@PathVariable String id, @RequestParam("at") String at) {
        ReplayLimit limit = ReplayLimit.parse(at);
        if (limit.equals(ReplayLimit.NONE)) {
            throw new IllegalArgumentException("at is required: a global position or an ISO-8601 instant");
        }
        return audits.asOf(QTableId.of(id).value(), limit)
                .orElseThrow(() -> new NotFound("unknown-table", "table '" + id + "' did not exist at " + at));
    }

    /** Proof that {@code Q(state, action)} belongs to the Merkle root of the table at {@code version} (else latest). */
    @GetMapping("/api/v1/tables/{id}/proofs")
    InclusionProof proof(
            @PathVariable String id,
            @RequestParam String state,
            @RequestParam String action,
            @RequestParam(required = false) Long version) {
        return audits.proof(QTableId.of(id).value(), state, action, version)
                .orElseThrow(() -> new NotFound(
                        "unknown-entry",
                        "no entry (" + state + ", " + action + ") in table '" + id + "'"
                                + (version == null ? "" : " at version " + version)));
    }

    /** Nothing to answer with: the table or the entry does not exist (at that point of its history). */
    static final class NotFound extends RuntimeException {
        private final String code;

        NotFound(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return ApiErrors.problem(HttpStatus.NOT_FOUND, e.code, e.getMessage());
    }

    @ExceptionHandler(StoreAudits.TamperedHistoryException.class)
    ProblemDetail tampered(StoreAudits.TamperedHistoryException e) {
        ProblemDetail problem = ApiErrors.problem(HttpStatus.CONFLICT, "tampered-history", e.getMessage());
        problem.setProperty("discrepancy", e.discrepancy());
        return problem;
    }
}
