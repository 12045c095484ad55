package io.qswarm.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qswarm.app.valuefunction.ValueFunctionParameters;
import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.FetchGreedyPolicy;
import io.qswarm.intelligence.api.GreedyPolicy;
import io.qswarm.intelligence.api.QTableEntry;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.valuefunction.ValueFunction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Writes a table as JSON: its definition, every entry (Q, visits per origin, confidence) and its greedy policy. For a
 * table with a value function also the function — spec and every parameter with its experiences per origin, as a
 * parameter merge takes them — and the function's greedy action in every state the table visited (the entries are
 * values at update time, not the function).
 */
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
            Optional<ValueFunctionParameters> function = Tables.valueFunction(context, table);
            var document = new LinkedHashMap<String, Object>();
            document.put("table", export);
            if (function.isPresent()) {
                // the read model's entries are values at update time; the function is the table's knowledge
                ValueFunction current = Tables.functionOf(function.get().parameters());
                var actions = new ActionSpace(export.actions());
                var policy = new TreeMap<String, String>();
                for (QTableEntry entry : export.entries()) {
                    policy.computeIfAbsent(entry.state().value(), state -> {
                        double[] q = current.values(current.schema().parse(state));
                        return actions.greedy(a -> q[actions.indexOf(a)]);
                    });
                }
                document.put("valueFunction", function.get());
                document.put("policy", policy);
                mapper().writeValue(out.toFile(), document);
                System.out.printf(
                        "exported %s: %s, %d parameters (sha256 %s), greedy action of %d visited states -> %s%n",
                        table,
                        current.spec().describe(),
                        current.parameterCount(),
                        function.get().parametersSha256(),
                        policy.size(),
                        out);
                return 0;
            }
            GreedyPolicy policy = context.getBean(QueryGateway.class)
                    .query(new FetchGreedyPolicy(QTableId.of(table)), ResponseTypes.instanceOf(GreedyPolicy.class))
                    .join();
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
