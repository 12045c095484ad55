package io.qswarm.environments.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MarketConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Nested
    class Defaults {

        @Test
        void theShippedDefaultsAreValid() {
            // when
            MarketConfig config = MarketConfig.defaults();

            // then
            assertThat(config.episodeLength()).isEqualTo(64);
            assertThat(config.feeBps()).isEqualTo(5.0);
            assertThat(config.regime(Regime.PANIC).volatilityMultiplier()).isEqualTo(3.0);
            assertThat(config.quantization().volumeBuckets()).isEqualTo(3);
            assertThat(config.initialRegimeDistribution()).containsExactly(0.25, 0.25, 0.4, 0.1);
        }

        @Test
        void aFileOverridesOnlyTheFieldsItNames() {
            // when
            MarketConfig config = MarketConfig.fromJson(
                    "{\"feeBps\": 10, \"regimes\": {\"bull\": {\"drift\": 0.003}}, \"$schema\": \"x\"}");

            // then
            assertThat(config.feeBps()).isEqualTo(10.0);
            assertThat(config.regime(Regime.BULL).drift()).isEqualTo(0.003);
            assertThat(config.regime(Regime.BULL).volatilityMultiplier()).isEqualTo(0.8);
            assertThat(config.baseVolatility()).isEqualTo(0.01);
        }

        @Test
        void theSchemaDescribesEveryFieldOfTheDefaultsWithTheSameDefaultValues() throws IOException {
            // given
            JsonNode schema = resource(MarketConfig.SCHEMA_RESOURCE);
            JsonNode defaults = resource(MarketConfig.DEFAULTS_RESOURCE);

            // then
            assertThat(fieldNames(schema.get("properties"))).isEqualTo(fieldNames(defaults));
            assertThat(fieldNames(schema.get("properties").get("quantization").get("properties")))
                    .isEqualTo(fieldNames(defaults.get("quantization")));
            assertThat(fieldNames(schema.get("$defs").get("regime").get("properties")))
                    .isEqualTo(fieldNames(defaults.get("regimes").get("bull")));
            for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
                JsonNode declaredDefault = property.getValue().get("default");
                if (declaredDefault != null) {
                    assertThat(declaredDefault.asText())
                            .as(property.getKey())
                            .isEqualTo(defaults.get(property.getKey()).asText());
                }
            }
        }
    }

    @Nested
    class Validation {

        @Test
        void aNegativeFeeIsRefusedNamingTheField() {
            assertThatThrownBy(() -> MarketConfig.fromJson("{\"feeBps\": -1}"))
                    .isInstanceOf(MarketConfigException.class)
                    .hasMessageContaining("feeBps must be a finite number in [0.0, 1000.0], was -1.0");
        }

        @Test
        void aTransitionRowThatDoesNotSumToOneIsRefusedNamingTheRegime() {
            assertThatThrownBy(() ->
                            MarketConfig.fromJson("{\"regimes\": {\"panic\": {\"transitions\": {\"panic\": 0.9}}}}"))
                    .isInstanceOf(MarketConfigException.class)
                    .hasMessageContaining("regimes.panic.transitions must sum to 1, summed to 1.2");
        }

        @Test
        void everyViolationIsReportedAtOnce() {
            // when
            MarketConfigException error = catchThrowableOfType(
                    MarketConfigException.class,
                    () -> MarketConfig.fromJson("{\"baseVolatility\": 0, \"shockProbability\": 1.5, "
                            + "\"regimes\": {\"bear\": {\"downShockShare\": -0.1}}}"));

            // then
            assertThat(error.violations())
                    .anySatisfy(v -> assertThat(v).startsWith("baseVolatility must be a finite number in (0"))
                    .anySatisfy(v -> assertThat(v).startsWith("shockProbability must be"))
                    .anySatisfy(v -> assertThat(v).startsWith("regimes.bear.downShockShare must be"))
                    .hasSize(3);
        }

        @Test
        void anUnknownFieldIsRefusedWithItsPath() {
            assertThatThrownBy(() -> MarketConfig.fromJson("{\"regimes\": {\"bull\": {\"drfit\": 0.1}}}"))
                    .isInstanceOf(MarketConfigException.class)
                    .hasMessageContaining("regimes.bull.drfit is not a known field");
        }

        @Test
        void anUnknownRegimeIsRefused() {
            assertThatThrownBy(() -> MarketConfig.fromJson("{\"regimes\": {\"crash\": {}}}"))
                    .hasMessageContaining("regimes.crash is not a known field");
        }

        @Test
        void aNumberGivenAsTextIsRefused() {
            assertThatThrownBy(() -> MarketConfig.fromJson("{\"feeBps\": \"five\"}"))
                    .isInstanceOf(MarketConfigException.class)
                    .hasMessageContaining("feeBps must be a number, was \"five\"");
        }

        @Test
        void aFractionalEpisodeLengthIsRefused() {
            assertThatThrownBy(() -> MarketConfig.fromJson("{\"episodeLength\": 6.5}"))
                    .hasMessageContaining("episodeLength must be an integer");
        }

        @Test
        void volumeThresholdsMustIncrease() {
            assertThatThrownBy(() -> MarketConfig.fromJson("{\"quantization\": {\"volumeThresholds\": [2, 1]}}"))
                    .hasMessageContaining("quantization.volumeThresholds[1] must be greater than the previous");
        }

        @Test
        void aNullFieldIsRefusedAsMissing() {
            assertThatThrownBy(() -> MarketConfig.fromJson("{\"shockSize\": null}"))
                    .hasMessageContaining("shockSize is required");
        }

        @Test
        void malformedJsonIsRefused() {
            assertThatThrownBy(() -> MarketConfig.fromJson("{\"feeBps\": 5,,}"))
                    .isInstanceOf(MarketConfigException.class)
                    .hasMessageContaining("not valid JSON");
            assertThatThrownBy(() -> MarketConfig.fromJson("{\"feeBps\": 5, \"feeBps\": 6}"))
                    .hasMessageContaining("Duplicate field 'feeBps'");
            assertThatThrownBy(() -> MarketConfig.fromJson("[1]")).hasMessageContaining("must be a JSON object");
        }
    }

    private static JsonNode resource(String path) throws IOException {
        try (InputStream in = MarketConfig.class.getResourceAsStream(path)) {
            return JSON.readTree(in);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.properties().forEach(property -> names.add(property.getKey()));
        return names;
    }
}
