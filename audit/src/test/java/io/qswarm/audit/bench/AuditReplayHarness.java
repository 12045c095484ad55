package io.qswarm.audit.bench;

import io.qswarm.audit.AuditProgress;
import io.qswarm.audit.AuditReport;
import io.qswarm.audit.ReplayLimit;
import io.qswarm.audit.StoreAudits;
import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.StateKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Audit replay throughput on an H2 file store (docs/benchmarks.md, "Audit replay"). Writes the store through the real
 * command side if it does not exist yet ({@code --updates} Q-updates in batches of {@code --batch} over
 * {@code --tables} tables), then audits the whole store {@code --runs} times with plain JDBC and prints events/s and
 * updates/s of each run. Run with {@code scripts/bench-audit.sh}.
 */
public final class AuditReplayHarness {

    /** The command side alone: infra's Axon wiring on the store, no read models. */
    @SpringBootApplication(scanBasePackages = "io.qswarm.infra")
    static class WriteSide {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(arg(args, "--data", "target/bench-audit"));
        long updates = Long.parseLong(arg(args, "--updates", "2000000"));
        int batch = Integer.parseInt(arg(args, "--batch", "1000"));
        int tables = Integer.parseInt(arg(args, "--tables", "4"));
        int runs = Integer.parseInt(arg(args, "--runs", "3"));
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("qswarm") + ";WRITE_DELAY=0";
        if (!Files.exists(dir.resolve("qswarm.mv.db"))) {
            write(url, updates, batch, tables);
        }
        var dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        dataSource.setPassword("");
        var audits = new StoreAudits(dataSource);
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, %s %s, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        for (int run = 1; run <= runs; run++) {
            AuditReport report = audits.audit(null, ReplayLimit.NONE, new AuditProgress(), false);
            if (!report.clean()) {
                throw new IllegalStateException("the benchmark store does not audit clean: " + report.summary());
            }
            System.out.printf(
                    Locale.ROOT,
                    "run %d: %d tables, %d events, %d updates verified in %.2f s: %.0f events/s, %.0f updates/s%n",
                    run,
                    report.tables().size(),
                    report.events(),
                    report.updates(),
                    report.seconds(),
                    report.events() / report.seconds(),
                    report.updates() / report.seconds());
        }
    }

    private static void write(String url, long updates, int batch, int tables) {
        System.out.printf(
                Locale.ROOT, "writing %d updates in batches of %d over %d tables...%n", updates, batch, tables);
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WriteSide.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(
                        "spring.datasource.url=" + url,
                        "spring.datasource.username=sa",
                        // batches of 1000 updates: a snapshot every 20 events bounds each load to 20k updates
                        "qswarm.snapshot.threshold=20",
                        "spring.flyway.locations=classpath:db/migration/{vendor}",
                        "axon.axonserver.enabled=false",
                        "axon.update-check.disabled=true",
                        "logging.level.root=WARN",
                        "spring.main.banner-mode=off")
                .run()) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            var actions = List.of(
                    ActionSpec.of("buy", 0.0),
                    ActionSpec.of("sell", 0.0),
                    ActionSpec.of("hold", 0.1),
                    ActionSpec.of("hedge", 0.2));
            var rules = LearningRule.values();
            for (int t = 0; t < tables; t++) {
                commands.sendAndWait(new CreateQTable(
                        QTableId.of("bench-" + t),
                        AgentId.of("agent-" + t),
                        actions,
                        rules[t % rules.length],
                        0.1,
                        0.95,
                        ExplorationSchedule.exponential(1.0, 0.999, 0.05)));
            }
            var random = new SplittableRandom(42);
            long written = 0;
            for (int b = 0; written < updates; b++) {
                var table = QTableId.of("bench-" + (b % tables));
                var steps = new ArrayList<Experience>(batch);
                for (int i = 0; i < batch; i++) {
                    String next = actions.get(random.nextInt(actions.size())).name();
                    steps.add(new Experience(
                            StateKey.of("s" + random.nextInt(2_000)),
                            actions.get(random.nextInt(actions.size())).name(),
                            random.nextDouble(-1, 1),
                            null,
                            StateKey.of("s" + random.nextInt(2_000)),
                            next,
                            random.nextInt(50) == 0));
                }
                commands.sendAndWait(new RecordExperiences(table, "batch-" + b, steps, true));
                written += batch;
            }
        }
        System.out.printf(Locale.ROOT, "written in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
