package io.qswarm.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.QTableUpdated;
import io.qswarm.intelligence.api.StateKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a stored {@link QTableUpdated} with Jackson's streaming parser instead of data binding: the audit's hot path
 * (a batch holds thousands of updates). Builds exactly the records data binding builds, through the same
 * constructors, and tolerates unknown fields like the storage mapper.
 * {@code UpdatedEventParserTest} holds it to data binding.
 */
final class UpdatedEventParser {

    private final JsonFactory factory = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    QTableUpdated parse(byte[] json) throws IOException {
        try (JsonParser parser = factory.createParser(json)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            QTableId tableId = null;
            String key = null;
            List<AppliedUpdate> updates = List.of();
            boolean endsEpisode = false;
            long episodes = 0;
            double epsilon = 0.0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "tableId" -> tableId = value == JsonToken.VALUE_NULL ? null : new QTableId(parser.getText());
                    case "idempotencyKey" -> key = value == JsonToken.VALUE_NULL ? null : parser.getText();
                    case "updates" -> updates = value == JsonToken.VALUE_NULL ? null : updates(parser);
                    case "endsEpisode" -> endsEpisode = parser.getValueAsBoolean();
                    case "episodes" -> episodes = parser.getLongValue();
                    case "epsilon" -> epsilon = parser.getDoubleValue();
                    default -> parser.skipChildren();
                }
            }
            return new QTableUpdated(tableId, key, updates, endsEpisode, episodes, epsilon);
        }
    }

    private static List<AppliedUpdate> updates(JsonParser parser) throws IOException {
        expect(parser.currentToken(), JsonToken.START_ARRAY);
        var updates = new ArrayList<AppliedUpdate>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            StateKey state = null;
            String action = null;
            double reward = 0.0;
            Map<String, Double> components = null;
            StateKey nextState = null;
            String nextAction = null;
            boolean terminal = false;
            double bootstrap = 0.0;
            double oldQ = 0.0;
            double newQ = 0.0;
            long visits = 0;
            Map<String, String> scope = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                boolean isNull = value == JsonToken.VALUE_NULL;
                switch (field) {
                    case "state" -> state = isNull ? null : new StateKey(parser.getText());
                    case "action" -> action = isNull ? null : parser.getText();
                    case "reward" -> reward = parser.getDoubleValue();
                    case "rewardComponents" -> components = isNull ? null : components(parser);
                    case "nextState" -> nextState = isNull ? null : new StateKey(parser.getText());
                    case "nextAction" -> nextAction = isNull ? null : parser.getText();
                    case "terminal" -> terminal = parser.getValueAsBoolean();
                    case "bootstrap" -> bootstrap = parser.getDoubleValue();
                    case "oldQ" -> oldQ = parser.getDoubleValue();
                    case "newQ" -> newQ = parser.getDoubleValue();
                    case "visits" -> visits = parser.getLongValue();
                    case "scope" -> scope = isNull ? null : scope(parser);
                    default -> parser.skipChildren();
                }
            }
            updates.add(new AppliedUpdate(
                    state,
                    action,
                    reward,
                    components,
                    nextState,
                    nextAction,
                    terminal,
                    bootstrap,
                    oldQ,
                    newQ,
                    visits,
                    scope));
        }
        expect(parser.currentToken(), JsonToken.END_ARRAY);
        return updates;
    }

    private static Map<String, Double> components(JsonParser parser) throws IOException {
        expect(parser.currentToken(), JsonToken.START_OBJECT);
        var components = new LinkedHashMap<String, Double>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            components.put(name, value == JsonToken.VALUE_NULL ? null : parser.getDoubleValue());
        }
        return components;
    }

    private static Map<String, String> scope(JsonParser parser) throws IOException {
        expect(parser.currentToken(), JsonToken.START_OBJECT);
        var scope = new LinkedHashMap<String, String>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            scope.put(key, value == JsonToken.VALUE_NULL ? null : parser.getText());
        }
        return scope;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("malformed QTableUpdated: expected " + expected + " but found " + actual);
        }
    }
}
