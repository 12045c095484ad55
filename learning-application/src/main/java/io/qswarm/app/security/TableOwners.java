package io.qswarm.app.security;

import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.FindQTableSummary;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.QTableSummary;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Which agent owns a table, as the table-summary read model knows it: for an agent's reads, which come from read
 * models too. (Writes are checked by the table itself, which knows its owner from its first event.)
 */
class TableOwners {

    private final QueryGateway queries;

    TableOwners(QueryGateway queries) {
        this.queries = queries;
    }

    /** The owner of {@code tableId}, or empty for a table the read model does not know (yet) or an invalid id. */
    Optional<AgentId> ownerOf(String tableId) {
        QTableId id;
        try {
            id = QTableId.of(tableId);
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
        return queries.query(new FindQTableSummary(id), ResponseTypes.optionalInstanceOf(QTableSummary.class))
                .join()
                .map(QTableSummary::agentId);
    }
}
