package io.qswarm.infra.axon;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.StateKey;
import java.io.IOException;
import java.util.function.Function;

/**
 * Writes the single-value identifier records ({@link QTableId}, {@link AgentId}, {@link StateKey}) as plain JSON
 * strings, in stored events and in the REST API alike, and reads them back through their validating constructors.
 */
public class ValueRecordsModule extends SimpleModule {

    public ValueRecordsModule() {
        super("qswarm-value-records");
        register(QTableId.class, QTableId::new);
        register(AgentId.class, AgentId::new);
        register(StateKey.class, StateKey::new);
    }

    private <T> void register(Class<T> type, Function<String, T> factory) {
        addSerializer(type, new StdSerializer<>(type) {
            @Override
            public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(value.toString());
            }
        });
        addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                    return type.cast(context.handleUnexpectedToken(type, parser));
                }
                return factory.apply(parser.getText());
            }
        });
        addKeyDeserializer(type, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext context) {
                return factory.apply(key);
            }
        });
    }
}
