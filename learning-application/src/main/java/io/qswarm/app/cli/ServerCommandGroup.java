package io.qswarm.app.cli;

import java.net.URI;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * A group of subcommands that talk to a running server: {@code --server} and {@code --token}, inherited by every
 * subcommand.
 */
abstract class ServerCommandGroup extends CommandGroup {

    @Option(
            names = "--server",
            scope = CommandLine.ScopeType.INHERIT,
            defaultValue = "${env:QSWARM_SERVER:-http://127.0.0.1:8080}",
            description = "the QSwarm server (default: $QSWARM_SERVER or ${DEFAULT-VALUE})")
    String server;

    @Option(
            names = "--token",
            scope = CommandLine.ScopeType.INHERIT,
            defaultValue = "${env:QSWARM_TOKEN}",
            description = "the API token to send (default: $QSWARM_TOKEN)")
    String token;

    FederateClient client() {
        return new FederateClient(URI.create(server), token);
    }
}
