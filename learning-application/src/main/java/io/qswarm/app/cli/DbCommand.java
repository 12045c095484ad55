package io.qswarm.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A local PostgreSQL server for QSwarm, for a trial of the production store or of several nodes: {@code start}
 * initialises it the first time (data under {@code ./data/postgres}) and prints the JDBC URL to pass as
 * {@code --store}. It runs {@code scripts/postgres.sh} of the QSwarm checkout the launcher started from (Debian's
 * {@code postgresql} package, installed when missing and run as the {@code postgres} user under root).
 */
@Command(
        name = "db",
        mixinStandardHelpOptions = true,
        description = {
            "A local PostgreSQL server for QSwarm (a trial of the production store or of several nodes).",
            "  ./qswarm db start     start it (initialised the first time) and print its JDBC URL",
            "  ./qswarm db status    running or not, and the URL",
            "  ./qswarm db stop      stop it",
            "Then: ./qswarm serve --store <URL>   (docs/scale-out.md)"
        })
public class DbCommand implements Callable<Integer> {

    /** The checkout's root, set by the {@code ./qswarm} launcher. */
    static final String HOME = "qswarm.home";

    @Parameters(index = "0", paramLabel = "start|stop|status|url", description = "what to do")
    String action;

    @Option(
            names = "--dir",
            defaultValue = "./data/postgres",
            description = "data directory of the server (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--port", defaultValue = "5433", description = "port on 127.0.0.1 (default: ${DEFAULT-VALUE})")
    int port;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!List.of("start", "stop", "status", "url").contains(action)) {
            throw new IllegalArgumentException("unknown action '" + action + "': start, stop, status or url");
        }
        Path script = script();
        var command = new ArrayList<>(List.of("bash", script.toString(), action, "--dir", dir.toString()));
        if (action.equals("start")) {
            command.addAll(List.of("--port", Integer.toString(port)));
        }
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private static Path script() {
        String home = System.getProperty(HOME);
        if (home != null) {
            Path script = Path.of(home, "scripts", "postgres.sh");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new IllegalStateException("run it through the ./qswarm launcher of a QSwarm checkout"
                + " (it needs scripts/postgres.sh), or run scripts/postgres.sh start yourself");
    }
}
