package io.qswarm.app.api;

import io.qswarm.app.operations.DeadLetterView;
import io.qswarm.app.operations.ReadModelOperations;
import io.qswarm.app.operations.ReadModelStatus;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoints for the read models (projections): status and progress, rebuild from the event store, content
 * digest, and the dead-letter queue.
 */
@RestController
@RequestMapping("/api/v1/projections")
class ReadModelController {

    private final ReadModelOperations operations;

    ReadModelController(ReadModelOperations operations) {
        this.operations = operations;
    }

    @GetMapping
    List<ReadModelStatus> all() {
        return operations.all();
    }

    @GetMapping("/{name}")
    ReadModelStatus status(@PathVariable String name) {
        return operations.status(name);
    }

    /** Starts a rebuild and answers at once (202); poll {@code GET /api/v1/projections/{name}} for progress. */
    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReadModelStatus rebuild(@PathVariable String name) {
        return operations.rebuild(name);
    }

    @GetMapping("/{name}/digest")
    Map<String, String> digest(@PathVariable String name) {
        return Map.of("name", name, "sha256", operations.digest(name));
    }

    @GetMapping("/{name}/dead-letters")
    List<DeadLetterView> deadLetters(@PathVariable String name) {
        return operations.deadLetters(name);
    }

    /** Retries each parked sequence once; answers how many were processed and the queue afterwards. */
    @PostMapping("/{name}/dead-letters/retry")
    Map<String, Object> retry(@PathVariable String name) {
        int processed = operations.retryDeadLetters(name);
        return Map.of("processedSequences", processed, "status", operations.status(name));
    }
}
