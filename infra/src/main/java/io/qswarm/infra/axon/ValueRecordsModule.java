package io.qswarm.infra.axon;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.bandit.api.BanditPolicyId;
import io.qswarm.intelligence.valuefunction.Feature;
import io.qswarm.intelligence.valuefunction.Parameters;
import io.qswarm.intelligence.valuefunction.ValueFunction;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.function.Function;

/**
 * Writes the single-value identifier records ({@link QTableId}, {@link AgentId}, {@link StateKey},
 * {@link BanditPolicyId}) as plain JSON
 * strings, in stored events and in the REST API alike, and reads them back through their validating constructors.
 *
 * <p>Also gives the value-function types their JSON form (the domain module has no Jackson dependency, so mix-ins
 * carry the annotations): the sealed {@link ValueFunctionSpec} is discriminated by {@code "kind"} (the kind's name,
 * e.g. {@code HIERARCHICAL}) and the sealed {@link Feature} by {@code "type"} ({@code categorical}, {@code grid},
 * {@code numeric}); a {@link ValueFunction} (in snapshots) is {@code {"spec": …, "parameters": [...]}} and is rebuilt
 * with {@code spec.restore}, bit for bit.
 */
public class ValueRecordsModule extends SimpleModule {

    public ValueRecordsModule() {
        super("qswarm-value-records");
        register(QTableId.class, QTableId::new);
        register(AgentId.class, AgentId::new);
        register(StateKey.class, StateKey::new);
        register(BanditPolicyId.class, BanditPolicyId::new);
        setMixInAnnotation(ValueFunctionSpec.class, SpecTypes.class);
        setMixInAnnotation(Feature.class, FeatureTypes.class);
        addSerializer(ValueFunction.class, new FunctionSerializer());
        addDeserializer(ValueFunction.class, new FunctionDeserializer());
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = ValueFunctionSpec.Tabular.class, name = "TABULAR"),
        @JsonSubTypes.Type(value = ValueFunctionSpec.Additive.class, name = "ADDITIVE"),
        @JsonSubTypes.Type(value = ValueFunctionSpec.Hierarchical.class, name = "HIERARCHICAL"),
        @JsonSubTypes.Type(value = ValueFunctionSpec.LowRank.class, name = "LOW_RANK"),
        @JsonSubTypes.Type(value = ValueFunctionSpec.Cp.class, name = "CP"),
        @JsonSubTypes.Type(value = ValueFunctionSpec.TileCoding.class, name = "TILE_CODING"),
        @JsonSubTypes.Type(value = ValueFunctionSpec.Communication.class, name = "COMMUNICATION")
    })
    private interface SpecTypes {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Feature.Categorical.class, name = "categorical"),
        @JsonSubTypes.Type(value = Feature.Grid.class, name = "grid"),
        @JsonSubTypes.Type(value = Feature.Numeric.class, name = "numeric")
    })
    private interface FeatureTypes {}

    /** {@code {"spec": {...}, "parameters": [...]}}. */
    private static final class FunctionSerializer extends StdSerializer<ValueFunction> {
        FunctionSerializer() {
            super(ValueFunction.class);
        }

        @Override
        public void serialize(ValueFunction function, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeStartObject();
            generator.writeFieldName("spec");
            // the runtime type's serializer, with the "kind" discriminator the sealed interface declares
            provider.findTypedValueSerializer(function.spec().getClass(), true, null)
                    .serialize(function.spec(), generator, provider);
            generator.writeFieldName("parameters");
            Parameters parameters = function.parameters();
            generator.writeStartArray();
            for (int j = 0; j < parameters.size(); j++) {
                generator.writeNumber(parameters.get(j));
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
    }

    /** The inverse of {@link FunctionSerializer}: {@code spec.restore(parameters)}. */
    private static final class FunctionDeserializer extends JsonDeserializer<ValueFunction> {
        @Override
        public ValueFunction deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = context.readTree(parser);
            JsonNode spec = node.get("spec");
            JsonNode values = node.get("parameters");
            if (spec == null || values == null || !values.isArray()) {
                return (ValueFunction) context.handleUnexpectedToken(ValueFunction.class, parser);
            }
            var parameters = new ArrayList<Double>(values.size());
            values.forEach(value -> parameters.add(value.doubleValue()));
            return context.readTreeAsValue(spec, ValueFunctionSpec.class).restore(Parameters.of(parameters));
        }
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
