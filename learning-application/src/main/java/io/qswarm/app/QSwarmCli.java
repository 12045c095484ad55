package io.qswarm.app;

import io.qswarm.app.cli.AuditCommand;
import io.qswarm.app.cli.BacktestCommand;
import io.qswarm.app.cli.BanditCommand;
import io.qswarm.app.cli.DbCommand;
import io.qswarm.app.cli.EvaluateCommand;
import io.qswarm.app.cli.ExportCommand;
import io.qswarm.app.cli.ExportStreamsCommand;
import io.qswarm.app.cli.FederateCommand;
import io.qswarm.app.cli.FederationProofCommand;
import io.qswarm.app.cli.ImportCommand;
import io.qswarm.app.cli.RebuildCommand;
import io.qswarm.app.cli.ServeCommand;
import io.qswarm.app.cli.TokenCommand;
import io.qswarm.app.cli.TrainCommand;
import io.qswarm.app.cli.VerifyProofCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./qswarm}: one subcommand per job, each with its own {@code --help}. */
@Command(
        name = "qswarm",
        mixinStandardHelpOptions = true,
        version = "QSwarm 0.1.0",
        description = "Event-sourced learning agents on Axon Framework.",
        subcommands = {
            ServeCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            BacktestCommand.class,
            AuditCommand.class,
            VerifyProofCommand.class,
            ExportStreamsCommand.class,
            RebuildCommand.class,
            FederateCommand.class,
            BanditCommand.class,
            TokenCommand.class,
            DbCommand.class,
            FederationProofCommand.class,
            CommandLine.HelpCommand.class
        })
public class QSwarmCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with QSwarm's error reporting: a refusal (bad input, unreadable file, store in use) prints one
     * line with the reason and exits 1; set {@code QSWARM_DEBUG=1} for the stack trace.
     */
    public static CommandLine commandLine() {
        var commandLine = new CommandLine(new QSwarmCli());
        commandLine.setExecutionExceptionHandler((exception, command, parsed) -> {
            command.getErr().println("qswarm " + command.getCommandName() + ": " + describe(exception));
            if (System.getenv("QSWARM_DEBUG") != null) {
                exception.printStackTrace(command.getErr());
            }
            return 1;
        });
        return commandLine;
    }

    private static String describe(Throwable exception) {
        var reasons = new StringBuilder(String.valueOf(exception.getMessage()));
        for (Throwable cause = exception.getCause();
                cause != null && cause != cause.getCause();
                cause = cause.getCause()) {
            if (cause.getMessage() != null && !reasons.toString().contains(cause.getMessage())) {
                reasons.append(": ").append(cause.getMessage());
            }
        }
        return reasons.toString();
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
