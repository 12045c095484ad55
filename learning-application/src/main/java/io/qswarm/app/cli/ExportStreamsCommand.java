package io.qswarm.app.cli;

import io.qswarm.audit.ReplayLimit;
import io.qswarm.audit.StoreAudits;
import io.qswarm.audit.StreamExport;
import io.qswarm.audit.TableState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs a table's greedy policy on the market environment and writes the lookup-table pipeline's stream files
 * ({@code q_buy.in}, {@code q_sell.in}, {@code q_regime.in}, …) and {@code manifest.json}; {@code ./qswarm audit
 * --export DIR} verifies them against the store.
 */
@Command(
        name = "export-streams",
        mixinStandardHelpOptions = true,
        description = "Write a market table's greedy-policy streams (*.in, one value per step) and a manifest.")
public class ExportStreamsCommand implements Callable<Integer> {

    @Option(names = "--table", required = true, description = "the table (trained on the market environment)")
    String table;

    @Option(names = "--steps", defaultValue = "10000", description = "environment steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--seed", defaultValue = "42", description = "environment seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--version", paramLabel = "V", description = "the table version to export (default: latest)")
    Long version;

    @Option(names = "--market-config", description = "market configuration (JSON, see docs/environments.md)")
    Path marketConfig;

    @Option(names = "--out", required = true, description = "directory for the streams and manifest.json")
    Path out;

    @CommandLine.Mixin
    StoreOptions storeOptions = new StoreOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (steps < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--steps must be at least 1");
        }
        var audits = new StoreAudits(AuditCommand.dataSource(storeOptions));
        ReplayLimit limit = version == null ? ReplayLimit.NONE : ReplayLimit.atVersion(version);
        TableState state = audits.asOf(table, limit)
                .filter(t -> version == null || t.version() == version)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no table " + table + (version == null ? "" : " at version " + version) + " in the store"));
        String config = marketConfig == null ? null : Files.readString(marketConfig);
        StreamExport.write(state, config, steps, seed, out);
        System.out.printf(
                "%d streams of %d steps for %s at version %d (merkle root %s) written to %s%n",
                StreamExport.STREAMS.size(), steps, table, state.version(), state.merkleRoot(), out);
        return 0;
    }
}
