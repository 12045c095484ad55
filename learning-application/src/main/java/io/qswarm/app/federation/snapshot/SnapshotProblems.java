package io.qswarm.app.federation.snapshot;

import io.qswarm.app.federation.FederationProblems;
import io.qswarm.federation.snapshot.SnapshotRefusedException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problems for snapshot refusals that end a request: nothing new to publish or a bump too small (409), a
 * snapshot over the limits (413), a peer that cannot be read (502). A fetched version that fails a check is no error:
 * the fetch answers with it among the rejections.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SnapshotProblems {

    @ExceptionHandler(SnapshotRefusedException.class)
    ProblemDetail refused(SnapshotRefusedException e) {
        HttpStatus status =
                switch (e.reason()) {
                    case OVERSIZED -> HttpStatus.PAYLOAD_TOO_LARGE;
                    case NOTHING_NEW, BUMP_TOO_SMALL -> HttpStatus.CONFLICT;
                    default -> HttpStatus.UNPROCESSABLE_ENTITY;
                };
        String code = e.reason() == SnapshotRefusedException.Reason.OVERSIZED
                ? "payload-too-large"
                : e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return FederationProblems.problem(status, code, e.getMessage());
    }

    @ExceptionHandler(SnapshotTransferException.class)
    ProblemDetail transfer(SnapshotTransferException e) {
        return FederationProblems.problem(HttpStatus.BAD_GATEWAY, e.code(), e.getMessage());
    }
}
