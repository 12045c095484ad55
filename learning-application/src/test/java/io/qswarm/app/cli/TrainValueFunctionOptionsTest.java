package io.qswarm.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.app.QSwarmCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A value function that does not fit the task is refused before any store is opened: exit 2 with the reason. */
class TrainValueFunctionOptionsTest {

    private final StringWriter err = new StringWriter();

    private int train(String... options) {
        var cli = QSwarmCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        String[] args = new String[options.length + 3];
        args[0] = "train";
        args[1] = "--out";
        args[2] = "target/never-written";
        System.arraycopy(options, 0, args, 3, options.length);
        int exit = cli.execute(args);
        cli.getErr().flush();
        return exit;
    }

    @Test
    void aSelectorThatIsNoFeatureIsRefusedNamingTheFeatures() {
        assertThat(train("--env", "market", "--value-function", "hierarchical", "--selector", "weather"))
                .as("%s", err)
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("--value-function: no feature 'weather' in the schema; declared: [price, volume, trend, "
                        + "scarcity, mood]");
    }

    @Test
    void aHierarchicalValueFunctionNeedsASelector() {
        assertThat(train("--env", "taxi", "--value-function", "hierarchical"))
                .as("%s", err)
                .isEqualTo(2);
        assertThat(err.toString()).contains("a hierarchical value function needs --selector");
    }

    @Test
    void anUnknownKindIsRefusedWithTheKnownOnes() {
        assertThat(train("--env", "taxi", "--value-function", "neural"))
                .as("%s", err)
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("unknown value function 'neural'; known: [tabular, additive, hierarchical, low-rank, cp, "
                        + "tile-coding]");
    }

    @Test
    void settingsOfAnotherKindAreRefusedRatherThanIgnored() {
        assertThat(train("--env", "taxi", "--value-function", "additive", "--rank", "3"))
                .as("%s", err)
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("--rank and --vf-seed apply to low-rank and cp value functions, not to additive");
    }

    @Test
    void valueFunctionSettingsNeedAValueFunction() {
        assertThat(train("--env", "taxi", "--tilings", "4")).as("%s", err).isEqualTo(2);
        assertThat(err.toString()).contains("need --value-function");
    }

    @Test
    void aTaskWithoutDeclaredFeaturesIsRefused() {
        assertThat(train("--env", "frozenlake", "--value-function", "additive"))
                .as("%s", err)
                .isEqualTo(2);
        assertThat(err.toString()).contains("FrozenLake-v1 has none");
    }

    @Test
    void aTileWidthOfAnUndeclaredFeatureIsRefused() {
        assertThat(train("--env", "market", "--value-function", "tile-coding", "--tile-width", "spread=2"))
                .as("%s", err)
                .isEqualTo(2);
        assertThat(err.toString()).contains("no feature 'spread' in the schema");
    }
}
