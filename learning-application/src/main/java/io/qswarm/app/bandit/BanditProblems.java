package io.qswarm.app.bandit;

import static io.qswarm.app.api.ApiErrors.problem;

import io.qswarm.intelligence.bandit.api.BanditError;
import io.qswarm.intelligence.bandit.api.BanditRefusedException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problems for the bandit endpoints, in the API's style ({@link io.qswarm.app.api.ApiErrors#problem}). The
 * aggregate's refusals keep their {@link BanditError} as the code ({@code dimension-mismatch},
 * {@code unknown-decision}, …). What it does not handle (invalid arguments, unreadable JSON, oversized bodies) the
 * general handlers answer.
 */
@RestControllerAdvice(assignableTypes = BanditController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BanditProblems {

    @ExceptionHandler(BanditRefusedException.class)
    ProblemDetail refused(BanditRefusedException e) {
        return problem(
                statusOf(e.error()), e.error().name().toLowerCase(Locale.ROOT).replace('_', '-'), e.getMessage());
    }

    @ExceptionHandler(BanditRefusal.class)
    ProblemDetail refusal(BanditRefusal e) {
        return problem(e.status(), e.code(), e.getMessage());
    }

    static HttpStatus statusOf(BanditError error) {
        return switch (error) {
            case UNKNOWN_DECISION -> HttpStatus.NOT_FOUND;
            case CONFLICTING_DECISION -> HttpStatus.CONFLICT;
            default -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }
}
