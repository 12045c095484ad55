package io.qswarm.projections.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.ExplorationSchedule;
import java.util.List;
import java.util.Map;

/** Reads the JSON columns of the summary read model. */
final class SummaryJson {

    private static final TypeReference<List<ActionSpec>> ACTIONS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Long>> ORIGINS = new TypeReference<>() {};

    private SummaryJson() {}

    static List<ActionSpec> actionList(ObjectMapper json, String value) {
        return read(json, value, ACTIONS);
    }

    static ActionSpace actions(ObjectMapper json, String value) {
        return new ActionSpace(actionList(json, value));
    }

    static ExplorationSchedule exploration(ObjectMapper json, String value) {
        try {
            return json.readValue(value, ExplorationSchedule.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt exploration in read model: " + value, e);
        }
    }

    static Map<String, Long> origins(ObjectMapper json, String value) {
        return read(json, value, ORIGINS);
    }

    private static <T> T read(ObjectMapper json, String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON in read model: " + value, e);
        }
    }
}
