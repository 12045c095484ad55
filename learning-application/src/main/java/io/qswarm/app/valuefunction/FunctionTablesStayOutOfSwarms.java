package io.qswarm.app.valuefunction;

import io.qswarm.federation.api.ContributeKnowledge;
import io.qswarm.federation.api.FormSwarm;
import io.qswarm.federation.api.JoinSwarm;
import io.qswarm.intelligence.api.QTableError;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.QTableRefusedException;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Keeps tables with a value function out of swarm rounds, with the reason, before anything is stored: a round
 * collects state-action entries from every participant, aggregates them entry by entry (robust rules included) and
 * merges entries back, and neither side fits a table whose values are a function's parameters — its read-model
 * entries are values at update time, not the function, and it refuses entry merges. Forming a swarm with such a
 * member, joining one, or contributing to a round (a table that joined before this rule) is refused with
 * {@code VALUE_FUNCTION_MISMATCH} (HTTP 422 {@code value-function-mismatch}). Such tables merge parameters directly:
 * {@code POST /api/v1/tables/{id}/merges} with {@code fromTable} or {@code parameters}.
 *
 * <p>Tables this store does not hold (members hosted by another deployment) are let through: their deployment
 * answers for them.
 */
final class FunctionTablesStayOutOfSwarms implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final ValueFunctionParameterQueries tables;

    FunctionTablesStayOutOfSwarms(ValueFunctionParameterQueries tables) {
        this.tables = tables;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, message) -> {
            Object command = message.getPayload();
            if (command instanceof JoinSwarm join) {
                check(join.member(), "join swarm " + join.swarmId());
            } else if (command instanceof FormSwarm form) {
                form.members().forEach(member -> check(member, "be a member of swarm " + form.swarmId()));
            } else if (command instanceof ContributeKnowledge contribution) {
                check(contribution.participant(), "contribute to round " + contribution.roundId());
            }
            return message;
        };
    }

    private void check(QTableId table, String what) {
        if (tables.parameterised(table).orElse(false)) {
            throw new QTableRefusedException(
                    QTableError.VALUE_FUNCTION_MISMATCH,
                    "table " + table + " keeps its values in a value function and cannot " + what
                            + ": swarm rounds exchange and aggregate state-action entries, which such a table neither "
                            + "shares (its entries are values at update time, not the function) nor merges; merge "
                            + "value-function parameters between tables of the same spec with POST "
                            + "/api/v1/tables/{tableId}/merges (fromTable or parameters) instead");
        }
    }
}
