package io.qswarm.intelligence.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qswarm.intelligence.bandit.api.LoggedInteraction;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoggedInteractionReaderTest {

    private static final LoggedInteraction FIRST = new LoggedInteraction(List.of(0.5, -1.0), "cache", 0.75, 0.25);
    private static final LoggedInteraction SECOND = new LoggedInteraction(List.of(0.0, 2e-3), "3", -1.0, 1.0);

    @Test
    void jsonLinesGiveOneInteractionPerObjectAndIgnoreOtherMembers() throws IOException {
        String log =
                """
                {"context":[0.5,-1.0],"action":"cache","reward":0.75,"propensity":0.25,"at":"2026-01-01T00:00:00Z"}

                { "propensity" : 1, "reward" : -1, "action" : 3, "context" : [ 0, 2e-3 ] }
                """;

        assertThat(LoggedInteractionReader.readJsonLines(new StringReader(log))).containsExactly(FIRST, SECOND);
    }

    @Test
    void csvTakesEveryOtherColumnAsAFeatureInHeaderOrder() throws IOException {
        String log =
                """
                x1,action,x2,reward,propensity
                0.5,cache,-1.0,0.75,0.25
                0,"3",2e-3,-1,1
                """;

        assertThat(LoggedInteractionReader.readCsv(new StringReader(log))).containsExactly(FIRST, SECOND);
    }

    @Test
    void csvMayCarryTheContextInOneColumn() throws IOException {
        String log =
                """
                action,reward,propensity,context
                cache,0.75,0.25,0.5;-1.0
                """;

        assertThat(LoggedInteractionReader.readCsv(new StringReader(log))).containsExactly(FIRST);
    }

    @Test
    void theFileExtensionChoosesTheFormat(@TempDir Path directory) throws IOException {
        Path jsonl = Files.writeString(
                directory.resolve("log.jsonl"),
                "{\"context\":[0.5,-1.0],\"action\":\"cache\",\"reward\":0.75,\"propensity\":0.25}\n");
        Path csv = Files.writeString(
                directory.resolve("log.csv"), "action,reward,propensity,context\ncache,0.75,0.25,0.5;-1\n");
        Path other = Files.writeString(directory.resolve("log.txt"), "");

        assertThat(LoggedInteractionReader.read(jsonl)).containsExactly(FIRST);
        assertThat(LoggedInteractionReader.read(csv)).containsExactly(FIRST);
        assertThatThrownBy(() -> LoggedInteractionReader.read(other)).hasMessageContaining("unknown log format");
    }

    @Test
    void aMalformedLineFailsTheWholeReadNamingTheLine() {
        assertThatThrownBy(() -> LoggedInteractionReader.readJsonLines(new StringReader(
                        "{\"context\":[1],\"action\":\"a\",\"reward\":1,\"propensity\":0.5}\n{\"context\":[1],")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 2: malformed JSON");
        assertThatThrownBy(() -> LoggedInteractionReader.readCsv(
                        new StringReader("action,reward,propensity,x\na,1,0.5,1\na,NaN,0.5,1\n")))
                .hasMessage("line 3: reward must be a finite number, was NaN");
        assertThatThrownBy(() ->
                        LoggedInteractionReader.readCsv(new StringReader("action,reward,propensity,x\na,1,0,1\n")))
                .hasMessage("line 2: propensity must be in (0, 1], was 0.0");
        assertThatThrownBy(() -> LoggedInteractionReader.readCsv(new StringReader("action,propensity,x\n")))
                .hasMessageContaining("line 1: the header has no 'reward' column");
    }
}
