package io.qswarm.app.valuefunction;

import io.qswarm.audit.ReplayLimit;
import io.qswarm.audit.StoreReader;
import io.qswarm.audit.StoredEvent;
import io.qswarm.intelligence.api.QTableId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FetchValueFunctionParameters} from the table's stored events, folded like the aggregate folds them
 * ({@link ParameterReplay}); the audit proves separately that every recorded value follows from the facts. Also
 * tells, cheaply after the first time, whether a table keeps its values in a value function (a table's kind never
 * changes).
 */
@Component
public class ValueFunctionParameterQueries {

    private final StoreReader store;
    private final ConcurrentMap<QTableId, Boolean> parameterised = new ConcurrentHashMap<>();

    public ValueFunctionParameterQueries(DataSource dataSource) {
        this.store = new StoreReader(dataSource);
    }

    @QueryHandler
    public Optional<ValueFunctionParameters> handle(FetchValueFunctionParameters query) {
        return parameters(query.tableId());
    }

    /** The table's value function as of its last stored event; empty when the store has no such table. */
    public Optional<ValueFunctionParameters> parameters(QTableId tableId) {
        var replay = new ParameterReplay();
        try {
            store.read(tableId.value(), ReplayLimit.NONE, event -> replay.accept(payload(event)));
        } catch (ParameterReplay.FlatTable flat) {
            // the creation event told everything: a flat table has no parameters
        }
        Optional<ValueFunctionParameters> answer = replay.answer();
        answer.ifPresent(found -> parameterised.put(tableId, found.parameterised()));
        return answer;
    }

    /** Whether the table keeps its values in a value function; empty when the store has no such table. */
    public Optional<Boolean> parameterised(QTableId tableId) {
        Boolean known = parameterised.get(tableId);
        if (known != null) {
            return Optional.of(known);
        }
        return parameters(tableId).map(ValueFunctionParameters::parameterised);
    }

    private static Object payload(StoredEvent event) {
        if (event.payload() == null) {
            throw new IllegalStateException("event " + event.sequence() + " of table " + event.tableId()
                    + " cannot be read: " + event.unreadable());
        }
        return event.payload();
    }
}
