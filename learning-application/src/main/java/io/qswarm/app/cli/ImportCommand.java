package io.qswarm.app.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.MergeCounts;
import io.qswarm.intelligence.api.MergePeerKnowledge;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.QTableId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Loads an exported table into a new table: same actions and learning parameters, and every entry merged in with its
 * value and visits per origin (the exporting table becomes a peer origin), in chunks of 10,000 entries.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import an exported table (JSON) into a new table.")
public class ImportCommand implements Callable<Integer> {

    private static final int CHUNK = 10_000;

    @Option(names = "--file", required = true, description = "export file written by `qswarm export`")
    Path file;

    @Option(names = "--table", required = true, description = "id of the new table")
    String table;

    @Option(names = "--agent", description = "owning agent (default: the exported table's agent)")
    String agent;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        var json = ExportCommand.mapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        JsonNode document = json.readTree(file.toFile());
        if (document == null || !document.has("table")) {
            throw new IllegalArgumentException(file + " is not a QSwarm export (no \"table\" field)");
        }
        QTableExport export = json.treeToValue(document.get("table"), QTableExport.class);
        if (export.formatVersion() != QTableExport.FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported export format version " + export.formatVersion());
        }
        var id = QTableId.of(table);
        try (var context = store.open(Path.of("data"))) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            commands.sendAndWait(new CreateQTable(
                    id,
                    agent != null ? AgentId.of(agent) : export.agentId(),
                    export.actions(),
                    export.rule(),
                    export.alpha(),
                    export.gamma(),
                    ExplorationSchedule.constant(export.epsilon())));
            List<PeerEntry> entries = export.entries().stream()
                    .filter(entry -> entry.visits() > 0)
                    .map(entry -> new PeerEntry(
                            entry.state(), entry.action(), entry.q(), entry.visits(), entry.visitsByOrigin()))
                    .toList();
            int added = 0;
            for (int from = 0; from < entries.size(); from += CHUNK) {
                MergeCounts counts = commands.sendAndWait(new MergePeerKnowledge(
                        id,
                        export.tableId().value(),
                        "import",
                        MergeStrategy.VISIT_WEIGHTED_MEAN,
                        entries.subList(from, Math.min(entries.size(), from + CHUNK))));
                added += counts.added();
            }
            System.out.printf("imported %s into %s: %d entries%n", export.tableId(), id, added);
        }
        return 0;
    }
}
