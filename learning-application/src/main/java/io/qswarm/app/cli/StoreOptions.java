package io.qswarm.app.cli;

import io.qswarm.app.QSwarmApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Option;

/**
 * Which event store a command works on ({@code --data DIR} for the embedded H2 file store, or {@code --store URL}
 * for a JDBC URL such as {@code jdbc:postgresql://host:5432/qswarm}, with {@code --store-user} and
 * {@code --store-password}), and how to open it without a web server. Mixed into every subcommand that reads or writes
 * tables. The user and password can also come from {@code QSWARM_STORE_USER} and {@code QSWARM_STORE_PASSWORD}.
 */
public class StoreOptions {

    @Option(names = "--data", description = "directory of the embedded H2 store (default: ./data)")
    Path data;

    @Option(
            names = "--store",
            description = "JDBC URL of the event store instead of the embedded one, e.g."
                    + " jdbc:postgresql://127.0.0.1:5433/qswarm (see ./qswarm db)")
    String store;

    @Option(
            names = "--store-user",
            description = "database user for --store (default: $QSWARM_STORE_USER, else postgres for PostgreSQL)")
    String user;

    @Option(
            names = "--store-password",
            arity = "0..1",
            interactive = true,
            description = "database password for --store; without a value it is asked for"
                    + " (default: $QSWARM_STORE_PASSWORD, else none)")
    String password;

    /** Whether {@code --data} or {@code --store} was given. */
    boolean given() {
        return data != null || store != null;
    }

    /** The JDBC URL: {@code --store}, else the H2 file under {@code --data}, else under {@code fallback}. */
    public String url(Path fallback) {
        if (store != null) {
            return store;
        }
        return "jdbc:h2:file:" + dataDirectory(fallback).toAbsolutePath().resolve("qswarm") + ";WRITE_DELAY=0";
    }

    /** The directory of the embedded store (and of the node's other files): {@code --data}, else {@code fallback}. */
    public Path dataDirectory(Path fallback) {
        return data != null ? data : fallback;
    }

    public boolean embedded() {
        return store == null || store.startsWith("jdbc:h2:");
    }

    /** The database user: {@code --store-user}, {@code QSWARM_STORE_USER}, else {@code sa} (H2) or postgres. */
    public String user() {
        if (user != null) {
            return user;
        }
        String fromEnvironment = System.getenv("QSWARM_STORE_USER");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        return embedded() ? "sa" : "postgres";
    }

    public String password() {
        if (password != null) {
            return password;
        }
        String fromEnvironment = System.getenv("QSWARM_STORE_PASSWORD");
        return fromEnvironment != null ? fromEnvironment : "";
    }

    /**
     * The Spring arguments that point a QSwarm context at this store: the data directory (where the embedded store's
     * URL, {@code application.properties}, and the node's own files live), and for {@code --store} its URL.
     */
    public List<String> springArguments(Path fallback) {
        var arguments = new ArrayList<String>();
        arguments.add("--qswarm.data-dir=" + dataDirectory(fallback));
        if (store != null) {
            arguments.add("--spring.datasource.url=" + store);
        }
        arguments.add("--spring.datasource.username=" + user());
        arguments.add("--spring.datasource.password=" + password());
        return arguments;
    }

    /** Starts the command side, projections and query handlers on the store, quietly, without a web server. */
    public ConfigurableApplicationContext open(Path fallback) {
        var arguments = springArguments(fallback);
        arguments.add("--logging.level.root=WARN");
        arguments.add("--spring.main.banner-mode=off");
        try {
            // command-line arguments: they outrank application.properties (builder properties would not)
            return new SpringApplicationBuilder(QSwarmApplication.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .run(arguments.toArray(String[]::new));
        } catch (RuntimeException e) {
            if (String.valueOf(rootMessage(e)).contains("Database may be already in use")) {
                throw new IllegalStateException("the store " + url(fallback)
                        + " is in use by another process (a running server?); stop it, use the REST API, or"
                        + " pass another --data/--store");
            }
            throw e;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
