package io.qswarm.federation.endtoend;

import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.FetchQTableExport;
import io.qswarm.intelligence.api.MergedEntry;
import io.qswarm.intelligence.api.QTableCreated;
import io.qswarm.intelligence.api.QTableEntry;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.QTableMerged;
import io.qswarm.intelligence.api.QTableUpdated;
import io.qswarm.intelligence.api.StateKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;

/** A minimal in-memory read model of the tables, answering {@link FetchQTableExport} as the real projection does. */
final class TableExports {

    private record Entry(double q, Map<String, Long> origins) {}

    private final Map<QTableId, QTableCreated> definitions = new HashMap<>();
    private final Map<QTableId, TreeMap<String, Entry>> entries = new HashMap<>();

    @EventHandler
    void on(QTableCreated event) {
        definitions.put(event.tableId(), event);
        entries.put(event.tableId(), new TreeMap<>());
    }

    @EventHandler
    void on(QTableUpdated event) {
        var table = entries.get(event.tableId());
        for (AppliedUpdate update : event.updates()) {
            String key = update.state().value() + "|" + update.action();
            Entry before = table.getOrDefault(key, new Entry(0, Map.of()));
            var origins = new TreeMap<>(before.origins());
            origins.merge(event.tableId().value(), 1L, Long::sum);
            table.put(key, new Entry(update.newQ(), origins));
        }
    }

    @EventHandler
    void on(QTableMerged event) {
        var table = entries.get(event.tableId());
        for (MergedEntry change : event.changes()) {
            table.put(
                    change.state().value() + "|" + change.action(),
                    new Entry(change.qAfter(), new TreeMap<>(change.visitsAfter())));
        }
    }

    @QueryHandler
    QTableExport handle(FetchQTableExport query) {
        QTableCreated definition = definitions.get(query.tableId());
        if (definition == null) {
            return null;
        }
        List<QTableEntry> rows = entries.get(query.tableId()).entrySet().stream()
                .map(e -> {
                    String[] key = e.getKey().split("\\|");
                    long visits = e.getValue().origins().values().stream()
                            .mapToLong(Long::longValue)
                            .sum();
                    return new QTableEntry(
                            StateKey.of(key[0]),
                            key[1],
                            e.getValue().q(),
                            visits,
                            e.getValue().origins(),
                            0);
                })
                .toList();
        return new QTableExport(
                QTableExport.FORMAT_VERSION,
                definition.tableId(),
                definition.agentId(),
                definition.actions(),
                definition.rule(),
                definition.alpha(),
                definition.gamma(),
                definition.epsilon(),
                rows);
    }

    /** Visits per origin of one entry of one table. */
    Map<String, Long> visits(QTableId table, String state, String action) {
        Entry entry = entries.get(table).get(state + "|" + action);
        return entry == null ? Map.of() : entry.origins();
    }

    double q(QTableId table, String state, String action) {
        return entries.get(table).get(state + "|" + action).q();
    }

    long totalVisits(QTableId table) {
        return entries.get(table).values().stream()
                .flatMap(entry -> entry.origins().values().stream())
                .mapToLong(Long::longValue)
                .sum();
    }
}
