package io.qswarm.app.federation;

import io.qswarm.federation.api.SwarmError;
import io.qswarm.federation.api.SwarmRefusedException;
import io.qswarm.federation.transport.PacketRefusal;
import io.qswarm.federation.transport.PacketRefusedException;
import java.net.URI;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problems for federation refusals, in the style of the rest of the API ({@code type}
 * {@code urn:qswarm:problem:<code>}, a {@code code} property and a reason a person can act on). Ordered before the
 * general handlers; what it does not handle (invalid arguments, unreadable JSON) they answer.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FederationProblems {

    /** A problem of type {@code urn:qswarm:problem:<code>} with the {@code code} property. */
    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:qswarm:problem:" + code));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }

    @ExceptionHandler(SwarmRefusedException.class)
    ProblemDetail swarmRefused(SwarmRefusedException e) {
        return problem(
                statusOf(e.error()), e.error().name().toLowerCase(Locale.ROOT).replace('_', '-'), e.getMessage());
    }

    @ExceptionHandler(PacketRefusedException.class)
    ProblemDetail packetRefused(PacketRefusedException e) {
        return problem(statusOf(e.refusal()), e.refusal().code(), e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.code(), e.getMessage());
    }

    @ExceptionHandler(FederationConflictException.class)
    ProblemDetail conflict(FederationConflictException e) {
        return problem(HttpStatus.CONFLICT, e.code(), e.getMessage());
    }

    static HttpStatus statusOf(SwarmError error) {
        return switch (error) {
            case ALREADY_MEMBER, ROUND_ALREADY_OPEN, DUPLICATE_CONTRIBUTION, STALE_ROUND, ROUND_NOT_OPEN -> HttpStatus
                    .CONFLICT;
            default -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }

    static HttpStatus statusOf(PacketRefusal refusal) {
        return switch (refusal) {
            case PACKET_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case MALFORMED_PACKET -> HttpStatus.BAD_REQUEST;
            case UNKNOWN_PEER, BAD_SIGNATURE, WRONG_RECEIVER, NOT_THE_HOST -> HttpStatus.FORBIDDEN;
            case STALE_PACKET, REPLAYED_NONCE -> HttpStatus.CONFLICT;
        };
    }
}
