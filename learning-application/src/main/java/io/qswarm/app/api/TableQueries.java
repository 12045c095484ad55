package io.qswarm.app.api;

import io.qswarm.intelligence.api.QTableId;
import java.io.IOException;
import java.time.Duration;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.publisher.Flux;

/** Read-model queries for the REST API: one answer, or a live stream of answers as server-sent events. */
@Component
class TableQueries {

    private final QueryGateway queries;
    private final ApiLimits limits;

    TableQueries(QueryGateway queries, ApiLimits limits) {
        this.queries = queries;
        this.limits = limits;
    }

    /** The answer of a table query, or 404 when the read model does not know the table. */
    <T> T found(QTableId id, Object query, Class<T> answer) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(answer))
                .join()
                .orElseThrow(() -> new UnknownTableException(id));
    }

    /**
     * A server-sent event stream: the current answer first, then a fresh answer after every change the read model
     * applies, each as an event named {@code name}. 404 before the stream opens when the table is unknown. The stream
     * ends after {@code qswarm.api.stream-timeout} (clients reconnect) or when the client goes away.
     */
    <T> SseEmitter stream(QTableId id, Object query, Class<T> answer, String name) {
        found(id, query, answer);
        Duration timeout = limits.streamTimeout();
        var emitter = new SseEmitter(timeout.toMillis());
        SubscriptionQueryResult<T, T> result =
                queries.subscriptionQuery(query, ResponseTypes.instanceOf(answer), ResponseTypes.instanceOf(answer));
        var subscription = Flux.concat(result.initialResult().flux(), result.updates())
                .subscribe(
                        value -> send(emitter, name, value, result),
                        error -> emitter.completeWithError(error),
                        emitter::complete);
        Runnable close = () -> {
            subscription.dispose();
            result.cancel();
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(error -> close.run());
        return emitter;
    }

    private static void send(SseEmitter emitter, String name, Object value, SubscriptionQueryResult<?, ?> result) {
        try {
            emitter.send(SseEmitter.event().name(name).data(value));
        } catch (IOException | IllegalStateException gone) {
            result.cancel();
        }
    }
}
