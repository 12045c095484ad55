package io.qswarm.federation.saga;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.qswarm.federation.api.CloseRound;
import io.qswarm.federation.api.KnowledgeAggregated;
import io.qswarm.federation.api.RequestKnowledge;
import io.qswarm.federation.api.RoundCompleted;
import io.qswarm.federation.api.RoundFailed;
import io.qswarm.federation.api.RoundId;
import io.qswarm.federation.api.RoundStarted;
import io.qswarm.federation.api.SwarmId;
import io.qswarm.intelligence.api.MergePeerKnowledge;
import io.qswarm.intelligence.api.QTableId;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;

/**
 * Runs one federation round. It asks every participant for its knowledge, lets the swarm collect and aggregate the
 * contributions, forwards each participant's aggregate to its table as a merge, and makes sure the round ends:
 *
 * <ol>
 *   <li>{@link RoundStarted}: one {@link RequestKnowledge} per participant, and the {@link #ROUND_DEADLINE} after the
 *       round's timeout.
 *   <li>{@link KnowledgeAggregated}: a {@link MergePeerKnowledge} for that participant's table (peer: the swarm).
 *   <li>{@link RoundCompleted} or {@link RoundFailed} (the swarm closes a round itself once every participant
 *       answered): deadlines cancelled, saga ended.
 *   <li>{@link #ROUND_DEADLINE}: {@link CloseRound} (the swarm completes the round if its quorum was reached, fails it
 *       otherwise), and a {@link #CLOSE_RETRY} every {@code timeout / 50} until the round's end arrives, so a lost
 *       close cannot leave a round open.
 * </ol>
 *
 * Holds only the swarm and round ids; the swarm decides everything else.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class RoundSaga {

    /** The association: every event of a round carries its round id. */
    public static final String ROUND = "roundId";

    public static final String ROUND_DEADLINE = "federation-round-deadline";
    public static final String CLOSE_RETRY = "federation-round-close-retry";

    /**
     * A retry comes every timeout / 50 (2 % of the timeout): a round whose close is lost up to four times in a row still
     * ends by its deadline + 10 %.
     */
    public static final int RETRIES_PER_TIMEOUT = 50;

    private SwarmId swarmId;
    private RoundId roundId;

    @StartSaga
    @SagaEventHandler(associationProperty = ROUND)
    public void on(RoundStarted event, CommandGateway commands, DeadlineManager deadlines) {
        swarmId = event.swarmId();
        roundId = event.roundId();
        deadlines.schedule(event.roundTimeout(), ROUND_DEADLINE, new CloseAttempt(retryAfter(event.roundTimeout())));
        for (QTableId participant : event.participants()) {
            commands.send(new RequestKnowledge(swarmId, roundId, participant));
        }
    }

    @SagaEventHandler(associationProperty = ROUND)
    public void on(KnowledgeAggregated event, CommandGateway commands) {
        commands.send(new MergePeerKnowledge(
                event.participant(), swarmId.value(), roundId.value(), event.tableMerge(), event.entries()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ROUND)
    public void on(RoundCompleted event, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ROUND)
    public void on(RoundFailed event, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    @DeadlineHandler(deadlineName = ROUND_DEADLINE)
    public void onDeadline(CloseAttempt attempt, CommandGateway commands, DeadlineManager deadlines) {
        close(attempt, commands, deadlines);
    }

    @DeadlineHandler(deadlineName = CLOSE_RETRY)
    public void onRetry(CloseAttempt attempt, CommandGateway commands, DeadlineManager deadlines) {
        close(attempt, commands, deadlines);
    }

    private void close(CloseAttempt attempt, CommandGateway commands, DeadlineManager deadlines) {
        deadlines.schedule(attempt.retryAfter(), CLOSE_RETRY, attempt);
        commands.send(new CloseRound(swarmId, roundId));
    }

    private static void cancelDeadlines(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(ROUND_DEADLINE);
        deadlines.cancelAllWithinScope(CLOSE_RETRY);
    }

    /** A fiftieth of the timeout, at least a millisecond. */
    static Duration retryAfter(Duration timeout) {
        Duration retry = timeout.dividedBy(RETRIES_PER_TIMEOUT);
        return retry.isZero() ? Duration.ofMillis(1) : retry;
    }
}
