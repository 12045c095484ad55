package io.qswarm.infra.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.qswarm.intelligence.bandit.BanditPosterior;
import io.qswarm.intelligence.bandit.LinearPosterior;
import io.qswarm.intelligence.bandit.SufficientStatistics;
import io.qswarm.intelligence.domain.BanditPolicy;
import io.qswarm.intelligence.domain.FunctionTable;
import io.qswarm.intelligence.domain.QTable;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The one Jackson setup for everything Axon stores or sends: events, snapshots, commands, queries, tokens and sagas.
 * Kept apart from the web layer's mapper, which is strict about unknown fields where stored events must stay
 * readable as their shape evolves (upcasters handle the rest).
 */
public final class QSwarmSerializers {

    private QSwarmSerializers() {}

    public static ObjectMapper storageMapper() {
        var mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new ValueRecordsModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        // Aggregates are snapshotted through their fields: they expose no getters by design. So is the learned state
        // of a table with a value function (value equality, mutated only by the aggregate's handlers).
        mapper.addMixIn(QTable.class, FieldsOnly.class);
        mapper.addMixIn(FunctionTable.class, FieldsOnly.class);
        // A bandit policy's snapshot: the aggregate and its posterior (per-origin statistics and per-action inverse),
        // restored bit for bit; LinearPosterior's transient scratch space is rebuilt on first use.
        mapper.addMixIn(BanditPolicy.class, FieldsOnly.class);
        mapper.addMixIn(BanditPosterior.class, FieldsOnly.class);
        mapper.addMixIn(LinearPosterior.class, FieldsOnly.class);
        mapper.addMixIn(SufficientStatistics.class, FieldsOnly.class);
        return mapper;
    }

    public static Serializer jackson() {
        return JacksonSerializer.builder().objectMapper(storageMapper()).build();
    }

    @JsonAutoDetect(
            fieldVisibility = JsonAutoDetect.Visibility.ANY,
            getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE,
            setterVisibility = JsonAutoDetect.Visibility.NONE)
    private interface FieldsOnly {}
}
