package io.qswarm.infra.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.exceptions.SerializationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.junit.jupiter.api.Test;

class TaskDataSerializerTest {

    private final TaskDataSerializer serializer = new TaskDataSerializer();

    @Test
    void anAxonDeadlineRecordRoundTrips() {
        // given
        var details = new DbSchedulerBinaryDeadlineDetails(
                "federation-round-deadline",
                "{\"type\":\"RoundSaga\"}".getBytes(StandardCharsets.UTF_8),
                "org.axonframework.modelling.saga.SagaScopeDescriptor",
                "{\"retryAfter\":\"PT0.6S\"}".getBytes(StandardCharsets.UTF_8),
                "io.qswarm.federation.saga.CloseAttempt",
                null,
                "{}".getBytes(StandardCharsets.UTF_8));

        // when
        byte[] stored = serializer.serialize(details);

        // then
        assertThat(serializer.deserialize(DbSchedulerBinaryDeadlineDetails.class, stored))
                .isEqualTo(details);
        assertThat(serializer.serialize(null)).isNull();
        assertThat(serializer.deserialize(DbSchedulerBinaryDeadlineDetails.class, null))
                .isNull();
    }

    @Test
    void bytesOfAnyOtherClassAreNeverInstantiated() {
        // given task data that a tampered row could hold
        byte[] foreign = serializer.serialize(new ArrayList<>(List.of("x")));

        // then
        assertThatThrownBy(() -> serializer.deserialize(Object.class, foreign))
                .isInstanceOf(SerializationException.class)
                .hasRootCauseInstanceOf(java.io.InvalidClassException.class);
    }
}
