package io.qswarm.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qswarm.audit.AuditProgress;
import io.qswarm.audit.AuditReport;
import io.qswarm.audit.ReplayLimit;
import io.qswarm.audit.StoreAudits;
import io.qswarm.audit.StreamExport;
import io.qswarm.audit.TableState;
import io.qswarm.infra.axon.QSwarmSerializers;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Replays the event store and verifies every recorded value, the hash chains and optionally the read models. Exit
 * code 0 when clean, 1 when the audit fails, 2 on usage errors. Reads the store with plain JDBC: no server starts.
 */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "Replay the events and prove every value follows from the recorded facts, and nothing was altered.",
            "Exit code 0: clean; 1: the audit failed (the first discrepancy is named); 2: usage error."
        })
public class AuditCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    Scope scope;

    static class Scope {
        @Parameters(arity = "1", paramLabel = "TABLE", description = "the table to audit")
        String tableId;

        @Option(names = "--all", required = true, description = "audit every table")
        boolean all;
    }

    @Option(
            names = "--as-of",
            paramLabel = "INSTANT|POSITION",
            description = "stop at a global position (a number) or an ISO-8601 instant (2026-11-22T05:00:00Z)")
    String asOf;

    @Option(names = "--projections", description = "also rebuild the read models and compare them with the live ones")
    boolean projections;

    @Option(names = "--json", paramLabel = "FILE", description = "write the full report as JSON")
    Path json;

    @Option(
            names = "--state",
            paramLabel = "FILE",
            description = "write the table as of --as-of (or now) with every entry as JSON (single table only)")
    Path state;

    @Option(
            names = "--export",
            paramLabel = "DIR",
            description = "also verify a stream export (export-streams) against the store")
    Path export;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @CommandLine.Mixin
    StoreOptions storeOptions = new StoreOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ReplayLimit limit;
        try {
            limit = ReplayLimit.parse(asOf);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (state != null && scope.tableId == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--state needs a single TABLE, not --all");
        }
        var audits = new StoreAudits(dataSource(storeOptions));
        var progress = new AuditProgress();
        var bar = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "audit-progress");
            thread.setDaemon(true);
            return thread;
        });
        long started = System.nanoTime();
        if (!quiet) {
            bar.scheduleAtFixedRate(() -> draw(System.err, progress, started), 250, 250, TimeUnit.MILLISECONDS);
        }
        AuditReport report;
        try {
            report = audits.audit(scope.tableId, limit, progress, projections);
        } finally {
            bar.shutdownNow();
            if (!quiet) {
                draw(System.err, progress, started);
                System.err.println();
            }
        }
        ObjectMapper mapper = mapper();
        if (json != null) {
            mapper.writeValue(json.toFile(), report);
        }
        System.out.print(report.summary());
        boolean clean = report.clean();
        if (export != null) {
            StreamExport.Result exported = StreamExport.verify(export, audits);
            System.out.println(exported.summary());
            clean &= exported.clean();
        }
        if (state != null && report.clean()) {
            Optional<TableState> table = audits.asOf(scope.tableId, limit);
            if (table.isEmpty()) {
                System.err.println("table " + scope.tableId + " did not exist at " + asOf);
                return 1;
            }
            mapper.writeValue(state.toFile(), table.get());
            System.out.printf(
                    Locale.ROOT,
                    "table %s at version %d (%d entries, merkle root %s) written to %s%n",
                    table.get().tableId(),
                    table.get().version(),
                    table.get().entries().size(),
                    table.get().merkleRoot(),
                    state);
        }
        return clean ? 0 : 1;
    }

    /**
     * The store as a plain JDBC data source that can only read: an audit never migrates, repairs or otherwise changes
     * the store it checks (H2 opens the file with {@code ACCESS_MODE_DATA=r}; PostgreSQL sessions are read-only). An
     * embedded store that does not exist is an error, not a new file.
     */
    static DataSource dataSource(StoreOptions options) {
        Path fallback = Path.of("./data");
        if (options.embedded() && options.store == null) {
            Path file = options.dataDirectory(fallback).resolve("qswarm.mv.db");
            if (!Files.exists(file)) {
                throw new IllegalArgumentException("no event store at " + file.toAbsolutePath()
                        + "; pass --data DIR (the directory of qswarm.mv.db) or --store URL");
            }
        }
        String url = options.url(fallback);
        if (options.embedded()) {
            return new DriverManagerDataSource(url + ";ACCESS_MODE_DATA=r", options.user(), options.password());
        }
        return new DriverManagerDataSource(url, options.user(), options.password()) {
            @Override
            protected Connection getConnectionFromDriverManager(String url, Properties properties) throws SQLException {
                Connection connection = super.getConnectionFromDriverManager(url, properties);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
                }
                return connection;
            }
        };
    }

    static ObjectMapper mapper() {
        return QSwarmSerializers.storageMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private static void draw(PrintStream err, AuditProgress progress, long started) {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        long total = Math.max(progress.total(), progress.events());
        int width = 30;
        int filled = total <= 0 ? 0 : (int) (width * progress.events() / total);
        err.printf(
                Locale.ROOT,
                "\r[%s%s] %d/%d events  %.0f events/s  %.0f updates/s   ",
                "=".repeat(filled),
                " ".repeat(width - filled),
                progress.events(),
                total,
                progress.events() / seconds,
                progress.updates() / seconds);
        err.flush();
    }
}
