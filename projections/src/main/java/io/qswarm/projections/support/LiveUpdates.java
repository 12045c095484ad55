package io.qswarm.projections.support;

import java.util.function.Function;
import java.util.function.Predicate;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.springframework.stereotype.Component;

/**
 * Pushes fresh answers to the open subscription queries a change concerns. An answer is computed only for queries
 * someone subscribed to, once per distinct query, and Axon delivers it after the projection's transaction commits.
 */
@Component
public class LiveUpdates {

    private final QueryUpdateEmitter emitter;

    public LiveUpdates(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    public <Q> void changed(Class<Q> type, Predicate<? super Q> concerned, Function<? super Q, ?> answer) {
        var done = new java.util.HashSet<Q>();
        for (SubscriptionQueryMessage<?, ?, ?> subscription : emitter.activeSubscriptions()) {
            Object payload = subscription.getPayload();
            if (type.isInstance(payload)) {
                Q query = type.cast(payload);
                if (concerned.test(query) && done.add(query)) {
                    Object fresh = answer.apply(query);
                    if (fresh != null) {
                        emitter.emit(type, query::equals, fresh);
                    }
                }
            }
        }
    }
}
