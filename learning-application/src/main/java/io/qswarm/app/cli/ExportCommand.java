package io.qswarm.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qswarm.intelligence.api.FetchGreedyPolicy;
import io.qswarm.intelligence.api.GreedyPolicy;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.QTableId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Writes a table as JSON: its definition, every entry (Q, visits per origin, confidence) and its greedy policy. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Export a table and its greedy policy as JSON.")
public class ExportCommand implements Callable<Integer> {

    @Option(names = "--table", required = true, description = "table id")
    String table;

    @Option(names = "--out", required = true, description = "file to write")
    Path out;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() throws IOException {
        try (var context = store.open(Path.of("data"))) {
            QTableExport export = Tables.export(context, table);
            GreedyPolicy policy = context.getBean(QueryGateway.class)
                    .query(new FetchGreedyPolicy(QTableId.of(table)), ResponseTypes.instanceOf(GreedyPolicy.class))
                    .join();
            var document = new LinkedHashMap<String, Object>();
            document.put("table", export);
            document.put("policy", policy.actionByState());
            mapper().writeValue(out.toFile(), document);
            System.out.printf(
                    "exported %s: %d entries, %d states -> %s%n",
                    table, export.entries().size(), policy.actionByState().size(), out);
        }
        return 0;
    }

    static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new io.qswarm.infra.axon.ValueRecordsModule())
                .findAndRegisterModules()
                .enable(SerializationFeature.INDENT_OUTPUT);
    }
}
