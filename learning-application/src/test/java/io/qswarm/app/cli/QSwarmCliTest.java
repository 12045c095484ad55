package io.qswarm.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.app.QSwarmCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class QSwarmCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cli = QSwarmCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void helpListsTheSubcommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("serve", "Start the QSwarm server");
    }

    @Test
    void everySubcommandHasItsOwnHelp() {
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).contains("--port", "--bind", "--data", "--store");
    }

    @Test
    void anUnknownSubcommandIsRefusedWithTheReason() {
        assertThat(run("sevre")).isNotZero();
        assertThat(err.toString()).contains("Unmatched argument", "sevre");
    }

    @Test
    void anUnknownEnvironmentIsRefusedWithTheKnownOnes() {
        assertThat(run("train", "--env", "pong", "--out", "target/never")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown environment 'pong'", "taxi", "cliffwalking", "market");
    }

    @Test
    void anUnreadableFileIsRefusedInOneLine() {
        assertThat(run("backtest", "--policy", "target/no-such-policy.json", "--csv", "target/no.csv"))
                .isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("qswarm backtest: cannot read target/no-such-policy.json");
    }

    @Test
    void helpListsEverySubcommand() {
        run("--help");
        assertThat(out.toString()).contains("train", "evaluate", "export", "import", "backtest");
    }

    @Test
    void aBadFlagValueIsRefusedWithTheReason() {
        assertThat(run("serve", "--port", "eighty")).isNotZero();
        assertThat(err.toString()).contains("Invalid value for option '--port'", "eighty");
    }
}
