package io.qswarm.app.security;

import io.qswarm.app.api.ApiErrors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problems for refusals found inside a controller: a caller outside its scope (403), a credential refused (401). */
@RestControllerAdvice
class SecurityAdvice {

    @ExceptionHandler(CallerRefusedException.class)
    ProblemDetail forbidden(CallerRefusedException e) {
        return ApiErrors.problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ExceptionHandler(CredentialRefusedException.class)
    ProblemDetail unauthorized(CredentialRefusedException e) {
        return ApiErrors.problem(HttpStatus.UNAUTHORIZED, "unauthorized", e.getMessage());
    }

    @ExceptionHandler(UnknownTokenException.class)
    ProblemDetail unknownToken(UnknownTokenException e) {
        return ApiErrors.problem(HttpStatus.NOT_FOUND, "unknown-token", e.getMessage());
    }

    /** A login code or other credential given in a request's content that is not (or no longer) valid. */
    static final class CredentialRefusedException extends RuntimeException {
        CredentialRefusedException(String reason) {
            super(reason);
        }
    }

    /** No API token of that id. */
    static final class UnknownTokenException extends RuntimeException {
        UnknownTokenException(String id) {
            super("no API token '" + (id.length() > 40 ? id.substring(0, 40) + "..." : id) + "' (./qswarm token list)");
        }
    }
}
