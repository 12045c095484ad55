package io.qswarm.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.app.QSwarmCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user runs it: train into a file store, export, import into a new table, evaluate both. */
class CliRoundTripIT {

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
    void aTrainedTableSurvivesExportAndImportWithTheSamePolicy() throws Exception {
        Path out = work.resolve("run");
        String store = work.resolve("store").toString();

        // given a small training run
        run(
                "train",
                "--env",
                "frozenlake",
                "--episodes",
                "300",
                "--seed",
                "7",
                "--out",
                out.toString(),
                "--data",
                store,
                "--quiet",
                "--eval-episodes",
                "50");
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        String table = report.get("agentsReport").get(0).get("table").asText();
        assertThat(report.get("updatesPersisted").asLong())
                .isEqualTo(report.get("steps").asLong());
        assertThat(out.resolve("learning-curve.svg")).content().startsWith("<svg");
        assertThat(Files.exists(out.resolve("policy-" + table + ".json"))).isTrue();

        // when it is exported and imported as a new table
        Path file = work.resolve("export.json");
        run("export", "--table", table, "--out", file.toString(), "--data", store);
        run("import", "--file", file.toString(), "--table", "copy", "--data", store);

        // then both evaluate identically
        String original = run("evaluate", "--table", table, "--env", "frozenlake", "--data", store);
        String copy = run("evaluate", "--table", "copy", "--env", "frozenlake", "--data", store);
        assertThat(copy.replace("copy", table)).isEqualTo(original);
        JsonNode exported = new ObjectMapper().readTree(file.toFile());
        assertThat(exported.get("table").get("entries").size()).isPositive();
        assertThat(exported.get("policy").size()).isPositive();

        // and every read model rebuilt from the store comes out with the content it had
        String rebuilt = run("rebuild", "--all", "--quiet", "--data", store);
        for (String model : java.util.List.of("table-summary", "merge-history", "confidence", "exploration")) {
            assertThat(rebuilt).contains("rebuilt " + model + ": ");
        }
        assertThat(rebuilt).doesNotContain("content changed");
        assertThat(rebuilt.split("content unchanged", -1)).hasSizeGreaterThan(4);
    }
}
