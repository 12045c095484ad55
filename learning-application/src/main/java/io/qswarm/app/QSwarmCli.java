package io.qswarm.app;

import io.qswarm.app.cli.ServeCommand;
import io.qswarm.app.cli.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./qswarm}: one subcommand per job, each with its own {@code --help}. */
@Command(
        name = "qswarm",
        mixinStandardHelpOptions = true,
        version = "QSwarm 0.1.0",
        description = "Event-sourced learning agents on Axon Framework.",
        subcommands = {ServeCommand.class, TrainCommand.class, CommandLine.HelpCommand.class})
public class QSwarmCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.exit(new CommandLine(new QSwarmCli()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
