package io.qswarm.audit;

import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.ValueFunctionKind;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.time.Instant;
import java.util.List;

/**
 * A table as it was at a point of its history, reconstructed by replay: its definition, exploration state, counts,
 * chain head, content hashes and every entry.
 *
 * @param version sequence number of the last event included
 * @param lastEventAt timestamp of that event
 * @param entries for a table with a value function: the pairs it updated, at the function's current values
 * @param valueFunctionSpec the declared value function, null for a flat table without a schema
 * @param parametersSha256 SHA-256 of a value function's parameters, null for a flat table
 */
public record TableState(
        String tableId,
        String agentId,
        List<ActionSpec> actions,
        LearningRule rule,
        double alpha,
        double gamma,
        ExplorationSchedule exploration,
        double epsilon,
        long episodes,
        long version,
        long updates,
        long merges,
        Instant lastEventAt,
        String chainHead,
        String sha256,
        String merkleRoot,
        List<EntryLeaf> entries,
        ValueFunctionKind valueFunction,
        ValueFunctionSpec valueFunctionSpec,
        String parametersSha256) {

    static TableState of(ReplayedTable table, Instant lastEventAt) {
        List<EntryLeaf> leaves = table.leaves();
        return new TableState(
                table.tableId(),
                table.agentId().value(),
                table.actions().actions(),
                table.rule(),
                table.alpha(),
                table.gamma(),
                table.exploration(),
                table.epsilon(),
                table.episodes(),
                table.version(),
                table.updates(),
                table.merges(),
                lastEventAt,
                table.lastHash(),
                TableDigest.sha256(leaves),
                MerkleTree.of(leaves).rootHex(),
                leaves,
                table.valueFunction(),
                table.valueFunctionSpec(),
                table.parametersSha256());
    }
}
