package io.qswarm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.infra.axon.QSwarmSerializers;
import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.QTableUpdated;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.integrity.CanonicalBytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UpdatedEventParserTest {

    private final ObjectMapper storage = QSwarmSerializers.storageMapper();
    private final UpdatedEventParser parser = new UpdatedEventParser();

    @Test
    void readsExactlyWhatDataBindingReads() throws Exception {
        var random = new SplittableRandom(3);
        for (int event = 0; event < 50; event++) {
            var updates = new ArrayList<AppliedUpdate>();
            for (int i = 0; i < 40; i++) {
                boolean terminal = random.nextInt(5) == 0;
                updates.add(new AppliedUpdate(
                        StateKey.of("s" + random.nextInt(9)),
                        "a" + random.nextInt(3),
                        random.nextDouble(-1e6, 1e6) * (random.nextBoolean() ? 1e-300 : 1),
                        random.nextBoolean() ? Map.of() : Map.of("latency", -0.25, "resolution", 1.0),
                        terminal ? null : StateKey.of("s" + random.nextInt(9)),
                        random.nextBoolean() ? null : "a1",
                        terminal,
                        random.nextDouble(),
                        i == 0 ? -0.0 : random.nextDouble(),
                        Double.longBitsToDouble(random.nextLong() >>> 2),
                        random.nextLong(1, Long.MAX_VALUE),
                        random.nextBoolean()
                                ? Map.of()
                                : Map.of("regime", "r" + random.nextInt(3), "bucket", "micro")));
            }
            var stored = new QTableUpdated(QTableId.of("t"), "k-" + event, updates, random.nextBoolean(), event, 0.05);
            byte[] json = storage.writeValueAsBytes(stored);

            QTableUpdated streamed = parser.parse(json);

            QTableUpdated bound = storage.readValue(json, QTableUpdated.class);
            assertThat(streamed).isEqualTo(bound);
            assertThat(CanonicalBytes.of(streamed)).isEqualTo(CanonicalBytes.of(bound));
        }
    }

    @Test
    void toleratesUnknownFieldsLikeTheStorageMapper() throws Exception {
        String json = "{\"future\":{\"x\":[1,2]},\"tableId\":\"t\",\"idempotencyKey\":\"k\",\"updates\":[{\"state\":"
                + "\"s\",\"action\":\"a\",\"reward\":1.5,\"extra\":[true],\"terminal\":true,\"newQ\":0.15,"
                + "\"visits\":1}],\"endsEpisode\":true,\"episodes\":1,\"epsilon\":0.1}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse(bytes)).isEqualTo(storage.readValue(bytes, QTableUpdated.class));
    }

    @Test
    void refusesWhatIsNotAnEvent() {
        assertThatThrownBy(() -> parser.parse("[1]".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("malformed QTableUpdated");
    }
}
