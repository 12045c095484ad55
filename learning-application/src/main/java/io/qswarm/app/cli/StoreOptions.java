package io.qswarm.app.cli;

import io.qswarm.app.QSwarmApplication;
import java.nio.file.Path;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Option;

/**
 * Which event store a command works on ({@code --data DIR} for the embedded H2 file store, or {@code --store URL}),
 * and how to open it without a web server. Mixed into every subcommand that reads or writes tables.
 */
public class StoreOptions {

    @Option(names = "--data", description = "directory of the embedded H2 store (default: ./data)")
    Path data;

    @Option(names = "--store", description = "JDBC URL of the event store instead of the embedded one")
    String store;

    /** Whether {@code --data} or {@code --store} was given. */
    boolean given() {
        return data != null || store != null;
    }

    /** The JDBC URL: {@code --store}, else the H2 file under {@code --data}, else under {@code fallback}. */
    public String url(Path fallback) {
        if (store != null) {
            return store;
        }
        Path dir = data != null ? data : fallback;
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("qswarm") + ";WRITE_DELAY=0";
    }

    /** Starts the command side, projections and query handlers on the store, quietly, without a web server. */
    public ConfigurableApplicationContext open(Path fallback) {
        try {
            // command-line arguments: they outrank application.properties (builder properties would not)
            return new SpringApplicationBuilder(QSwarmApplication.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .run(
                            "--spring.datasource.url=" + url(fallback),
                            "--logging.level.root=WARN",
                            "--spring.main.banner-mode=off");
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
