package io.qswarm.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.app.QSwarmCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./qswarm train --value-function}: a hierarchical market table trained, evaluated and exported. */
class TrainValueFunctionIT {

    @TempDir
    Path work;

    private String run(String... args) {
        var out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = QSwarmCli.commandLine().execute(args);
            assertThat(exit).as("exit code of %s", String.join(" ", args)).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aHierarchicalMarketTableIsTrainedEvaluatedAndExportedAsItsParameters() throws Exception {
        Path out = work.resolve("run");
        String store = work.resolve("store").toString();

        // given a short run of hierarchical market tables (the mood selects, the position is the micro-state)
        run(
                "train",
                "--env",
                "market",
                "--value-function",
                "hierarchical",
                "--selector",
                "mood",
                "--micro",
                "scarcity",
                "--episodes",
                "60",
                "--gamma",
                "0.95",
                "--seed",
                "3",
                "--out",
                out.toString(),
                "--data",
                store,
                "--quiet",
                "--eval-episodes",
                "20");

        // then the report names the function, its 24 numbers, and the stored parameters equal the agent's
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("valueFunction").asText()).isEqualTo("hierarchical: mood selects; micro [scarcity]");
        assertThat(report.get("numbersStored").asInt()).isEqualTo(24);
        JsonNode agent = report.get("agentsReport").get(0);
        assertThat(agent.get("parametersStored").asInt()).isEqualTo(24);
        assertThat(agent.get("parametersSha256").asText()).hasSize(64);
        String table = agent.get("table").asText();

        // when it is evaluated and exported
        String evaluated = run("evaluate", "--table", table, "--env", "market", "--episodes", "20", "--data", store);
        Path file = work.resolve("export.json");
        String exported = run("export", "--table", table, "--out", file.toString(), "--data", store);

        // then the function plays its greedy policy and the export carries the parameters
        assertThat(evaluated).contains("table " + table + " (hierarchical: mood selects; micro [scarcity]) on Market");
        assertThat(exported)
                .contains(
                        "24 parameters (sha256 " + agent.get("parametersSha256").asText() + ")");
        JsonNode document = new ObjectMapper().readTree(file.toFile());
        assertThat(document.get("valueFunction").get("parameters").get("values").size())
                .isEqualTo(24);
        assertThat(document.get("valueFunction")
                        .get("parameters")
                        .get("spec")
                        .get("kind")
                        .asText())
                .isEqualTo("HIERARCHICAL");
        assertThat(document.get("policy").size()).isPositive();
    }
}
