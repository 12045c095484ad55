package io.qswarm.app.valuefunction;

import io.qswarm.intelligence.api.QTableId;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A table's value function as a peer receives it: {@code GET /api/v1/tables/{tableId}/parameters} answers
 * {@link ValueFunctionParameters} (for a flat table only its kind, {@code TABULAR}). Its {@code parameters} can be
 * posted as they are to another deployment's merge endpoint ({@code POST /api/v1/tables/{id}/merges} with
 * {@code peer} and {@code parameters}).
 */
@RestController
class ValueFunctionController {

    private final ValueFunctionParameterQueries tables;

    ValueFunctionController(ValueFunctionParameterQueries tables) {
        this.tables = tables;
    }

    @GetMapping("/api/v1/tables/{tableId}/parameters")
    ResponseEntity<?> parameters(@PathVariable String tableId) {
        QTableId id = QTableId.of(tableId);
        return tables.parameters(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "unknown table '" + id + "'");
            problem.setType(URI.create("urn:qswarm:problem:unknown-table"));
            problem.setTitle(HttpStatus.NOT_FOUND.getReasonPhrase());
            problem.setProperty("code", "unknown-table");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        });
    }
}
