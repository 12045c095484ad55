package io.qswarm.app.federation;

import io.qswarm.intelligence.api.FindQTableSummary;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.QTableSummary;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/** The tables of this deployment, as the table-summary read model knows them. */
final class LocalTables {

    private final QueryGateway queries;

    LocalTables(QueryGateway queries) {
        this.queries = queries;
    }

    Optional<QTableSummary> summary(QTableId table) {
        return queries.query(new FindQTableSummary(table), ResponseTypes.optionalInstanceOf(QTableSummary.class))
                .join();
    }

    boolean exists(QTableId table) {
        return summary(table).isPresent();
    }

    Optional<SyncTrigger.Activity> activity(QTableId table) {
        return summary(table).map(summary -> new SyncTrigger.Activity(summary.episodes(), summary.updates()));
    }
}
