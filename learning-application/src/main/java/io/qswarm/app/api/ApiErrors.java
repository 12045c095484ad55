package io.qswarm.app.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.qswarm.app.operations.UnknownReadModelException;
import io.qswarm.intelligence.api.QTableError;
import io.qswarm.intelligence.api.QTableRefusedException;
import java.net.URI;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into an RFC 9457 problem detail with a stable {@code code} and a reason a person can act on.
 * A refused request stored nothing: commands are validated before any event is applied.
 */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {

    /** The API's problem: {@code type} {@code urn:qswarm:problem:<code>}, the status's title, a {@code code}. */
    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:qswarm:problem:" + code));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-argument", e.getMessage());
    }

    @ExceptionHandler(QTableRefusedException.class)
    ProblemDetail refused(QTableRefusedException e) {
        if (e.error() == QTableError.FOREIGN_AGENT) {
            return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
        }
        return problem(
                HttpStatus.UNPROCESSABLE_ENTITY, e.error().name().toLowerCase().replace('_', '-'), e.getMessage());
    }

    @ExceptionHandler({UnknownTableException.class})
    ProblemDetail unknownTable(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-table", e.getMessage());
    }

    @ExceptionHandler(UnknownReadModelException.class)
    ProblemDetail unknownReadModel(UnknownReadModelException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-read-model", e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownAggregate(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-table", "unknown table '" + e.getAggregateIdentifier() + "'");
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail alreadyExists(AggregateStreamCreationException e) {
        return problem(
                HttpStatus.CONFLICT,
                "conflict",
                "the table already exists; choose another tableId (" + firstSentence(e.getMessage()) + ")");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail conflict(ConcurrencyException e) {
        return problem(
                HttpStatus.CONFLICT,
                "conflict",
                "the table already exists or was changed concurrently; read it and retry: " + e.getMessage());
    }

    @ExceptionHandler(BatchTooLargeException.class)
    ProblemDetail tooLarge(BatchTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", e.getMessage());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof QTableRefusedException refused) {
            return refused(refused);
        }
        if (cause instanceof IllegalArgumentException invalid) {
            return invalid(invalid);
        }
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "command-failed", e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = unreadable(e);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() == null) {
            return problem(HttpStatus.BAD_REQUEST, "malformed-json", "a JSON request body is required");
        }
        var tooLarge = find(e, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", tooLarge.getMessage());
        }
        var parse = find(e, JsonParseException.class);
        if (parse != null) {
            String reason = parse.getOriginalMessage();
            if (reason.contains("Non-standard token")) {
                reason = "non-finite numbers (NaN, Infinity) are not allowed";
            }
            return problem(HttpStatus.BAD_REQUEST, "malformed-json", "malformed JSON: " + reason);
        }
        var unknown = find(e, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "unknown-field",
                    "unknown field '" + unknown.getPropertyName() + "' at " + path(unknown) + "; known fields: "
                            + unknown.getKnownPropertyIds());
        }
        var mapping = find(e, JsonMappingException.class);
        if (mapping != null) {
            Throwable root = rootCause(mapping);
            String reason = root instanceof IllegalArgumentException ? root.getMessage() : mapping.getOriginalMessage();
            return problem(
                    HttpStatus.BAD_REQUEST, "invalid-argument", "invalid value at " + path(mapping) + ": " + reason);
        }
        return problem(
                HttpStatus.BAD_REQUEST,
                "malformed-json",
                "unreadable request body: " + e.getCause().getMessage());
    }

    private static String firstSentence(String message) {
        int end = message == null ? -1 : message.indexOf('.');
        return end < 0 ? String.valueOf(message) : message.substring(0, end);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? "the body" : path.substring(path.startsWith(".") ? 1 : 0);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
