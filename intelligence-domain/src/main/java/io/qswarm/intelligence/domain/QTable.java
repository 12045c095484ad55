package io.qswarm.intelligence.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.ChangeExploration;
import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.ExplorationChanged;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.MergeCounts;
import io.qswarm.intelligence.api.MergePeerKnowledge;
import io.qswarm.intelligence.api.MergedEntry;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableCreated;
import io.qswarm.intelligence.api.QTableError;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.QTableMerged;
import io.qswarm.intelligence.api.QTableRefusedException;
import io.qswarm.intelligence.api.QTableUpdated;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.RecordedBatch;
import io.qswarm.intelligence.api.RejectedEntry;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.integrity.HashChain;
import io.qswarm.intelligence.learning.BatchLearner;
import io.qswarm.intelligence.learning.Knowledge;
import io.qswarm.intelligence.learning.KnowledgeMerge;
import io.qswarm.intelligence.learning.SchemaStates;
import io.qswarm.intelligence.learning.ValueLookup;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * The knowledge of one agent on one task: a Q-value per state and action, learned from recorded experience batches
 * and merged peer knowledge.
 *
 * <p>Every command computes its outcome from the current state and applies it as an event that carries the result
 * (new values, visits, epsilon), so replay only copies facts: it needs no clock, no randomness and no other input.
 * A batch whose idempotency key was applied before is ignored; a merge counts each origin's experiences once.
 *
 * <p>Every event carries the table's hash chain in its metadata ({@link HashChain}): the hash of its predecessor and
 * its own, so an auditor can prove that no event was edited, removed or reordered.
 *
 * <p>A table created with a {@link ValueFunctionSpec} reads every state key through the spec's feature schema and
 * refuses keys that do not fit. A {@code TABULAR} spec keeps the flat table; every other kind keeps its values in a
 * value function ({@link FunctionTable}) whose updated parameters replay from the recorded updates, and merges
 * parameters instead of entries, or refuses merges with the kind's reason (ADR 0009).
 */
public class QTable {

    @AggregateIdentifier
    private QTableId tableId;

    private AgentId agentId;
    private List<ActionSpec> actions;
    private LearningRule rule;
    private double alpha;
    private double gamma;
    private ExplorationSchedule exploration;
    private long episodes;
    private double epsilon;
    private Map<StateKey, Map<String, QEntry>> values;
    private Set<String> appliedBatches;
    private String lastHash;
    /** The declared value function, null for a flat table without a schema. */
    private ValueFunctionSpec valueFunctionSpec;
    /** The learned value function of a parameterised kind, null for a flat table. */
    private FunctionTable function;

    protected QTable() {
        // for Axon and snapshot deserialization
    }

    @CommandHandler
    public QTable(CreateQTable command) {
        if (command.actingAgent() != null && !command.actingAgent().equals(command.agentId())) {
            throw new QTableRefusedException(
                    QTableError.FOREIGN_AGENT,
                    "agent '" + command.actingAgent() + "' may only create its own tables, not one of agent '"
                            + command.agentId() + "'");
        }
        chained(new QTableCreated(
                command.tableId(),
                command.agentId(),
                command.actions(),
                command.rule(),
                command.alpha(),
                command.gamma(),
                command.exploration(),
                command.valueFunction(),
                command.exploration().epsilonAt(0),
                command.valueFunctionSpec()));
    }

    @CommandHandler
    public RecordedBatch handle(RecordExperiences command) {
        if (command.actingAgent() != null && !command.actingAgent().equals(agentId)) {
            throw new QTableRefusedException(
                    QTableError.FOREIGN_AGENT,
                    "table " + tableId + " belongs to agent '" + agentId + "'; agent '" + command.actingAgent()
                            + "' may only record into its own tables");
        }
        if (appliedBatches.contains(command.idempotencyKey())) {
            return new RecordedBatch(true, 0, episodes, epsilon);
        }
        var parameters = new BatchLearner.Parameters(rule, actionSpace(), alpha, gamma, epsilon);
        List<AppliedUpdate> updates;
        if (function != null) {
            updates = function.learn(command.experiences(), parameters);
        } else {
            if (valueFunctionSpec != null) {
                SchemaStates.check(valueFunctionSpec.schema(), command.experiences());
            }
            updates = BatchLearner.learn(command.experiences(), parameters, lookup());
        }
        long episodesAfter = command.endsEpisode() ? episodes + 1 : episodes;
        double epsilonAfter = exploration.epsilonAt(episodesAfter);
        chained(new QTableUpdated(
                tableId, command.idempotencyKey(), updates, command.endsEpisode(), episodesAfter, epsilonAfter));
        return new RecordedBatch(false, updates.size(), episodesAfter, epsilonAfter);
    }

    @CommandHandler
    public MergeCounts handle(MergePeerKnowledge command) {
        if (function != null) {
            return mergeParameters(command);
        }
        if (command.parameters() != null) {
            throw new QTableRefusedException(
                    QTableError.VALUE_FUNCTION_MISMATCH,
                    "table " + tableId + " is a flat table: it merges state-action entries, not the parameters of a "
                            + "value function (" + command.parameters().spec().describe() + ")");
        }
        ActionSpace space = actionSpace();
        String own = tableId.value();
        var changes = new ArrayList<MergedEntry>();
        var rejected = new ArrayList<RejectedEntry>();
        int unchanged = 0;
        for (PeerEntry entry : command.entries()) {
            Optional<String> refusal = refusal(entry, space, command.peer());
            if (refusal.isPresent()) {
                rejected.add(new RejectedEntry(entry.state(), entry.action(), refusal.get()));
                continue;
            }
            QEntry local = entry(entry.state(), entry.action());
            Knowledge before = local.knowledge(own);
            Knowledge peer = new Knowledge(entry.q(), entry.originsOr(command.peer()));
            Optional<Knowledge> after = KnowledgeMerge.merge(before, peer, command.strategy(), alpha);
            if (after.isEmpty()) {
                unchanged++;
                continue;
            }
            changes.add(new MergedEntry(
                    entry.state(),
                    entry.action(),
                    before.visits() == 0,
                    before.q(),
                    after.get().q(),
                    before.unionOfOrigins(Knowledge.NONE),
                    after.get().visitsByOrigin(),
                    peer.q(),
                    peer.visitsByOrigin()));
        }
        int added = (int) changes.stream().filter(MergedEntry::added).count();
        var counts = new MergeCounts(added, changes.size() - added, unchanged, rejected.size());
        chained(new QTableMerged(
                tableId, command.peer(), command.round(), command.strategy(), changes, rejected, counts));
        return counts;
    }

    /** A merge into a parameterised table: the peer's parameters, one at a time, or a refusal with the reason. */
    private MergeCounts mergeParameters(MergePeerKnowledge command) {
        if (!function.spec().mergeSupport().mergeable()) {
            throw function.notMergeable(tableId.value());
        }
        if (command.parameters() == null) {
            throw new QTableRefusedException(
                    QTableError.VALUE_FUNCTION_MISMATCH,
                    "table " + tableId + " keeps its values in a value function ("
                            + function.spec().describe()
                            + "): it merges the parameters of a peer with the same spec, not state-action entries");
        }
        FunctionTable.MergeOutcome outcome = function.merge(tableId.value(), command.parameters(), command.strategy());
        chained(new QTableMerged(
                tableId,
                command.peer(),
                command.round(),
                command.strategy(),
                List.of(),
                List.of(),
                outcome.counts(),
                outcome.changes(),
                outcome.rejected()));
        return outcome.counts();
    }

    @CommandHandler
    public void handle(ChangeExploration command) {
        if (!command.exploration().equals(exploration)) {
            chained(new ExplorationChanged(
                    tableId, command.exploration(), command.exploration().epsilonAt(0)));
        }
    }

    /** Applies {@code event} linked to its predecessor: {@code chain.prev} and {@code chain.hash} in its metadata. */
    private void chained(Object event) {
        String previous = lastHash == null ? HashChain.GENESIS : lastHash;
        apply(event, MetaData.with(HashChain.PREVIOUS, previous).and(HashChain.HASH, HashChain.next(previous, event)));
    }

    /** The chain hash stored with the event, or recomputed for an event given without it (test fixtures). */
    private void link(Object event, String hash) {
        lastHash = hash != null ? hash : HashChain.next(lastHash, event);
    }

    private Optional<String> refusal(PeerEntry entry, ActionSpace space, String peer) {
        if (!space.contains(entry.action())) {
            return Optional.of("unknown action '" + entry.action() + "'");
        }
        if (valueFunctionSpec != null) {
            Optional<String> outside = SchemaStates.refusal(valueFunctionSpec.schema(), entry.state());
            if (outside.isPresent()) {
                return outside;
            }
        }
        if (peer.equals(tableId.value()) && entry.visitsByOrigin().isEmpty()) {
            return Optional.of("a table cannot merge its own knowledge as a peer");
        }
        long claimedOwn = entry.originsOr(peer).getOrDefault(tableId.value(), 0L);
        long recordedOwn = entry(entry.state(), entry.action()).ownVisits();
        if (claimedOwn > recordedOwn) {
            return Optional.of(
                    "claims " + claimedOwn + " experiences of this table, which recorded only " + recordedOwn);
        }
        return Optional.empty();
    }

    @EventSourcingHandler
    void on(QTableCreated event, @MetaDataValue(HashChain.HASH) String hash) {
        tableId = event.tableId();
        agentId = event.agentId();
        actions = event.actions();
        rule = event.rule();
        alpha = event.alpha();
        gamma = event.gamma();
        exploration = event.exploration();
        epsilon = event.epsilon();
        episodes = 0;
        values = new HashMap<>();
        appliedBatches = new HashSet<>();
        valueFunctionSpec = event.valueFunctionSpec();
        function = event.valueFunction().parameterised() ? FunctionTable.of(valueFunctionSpec) : null;
        link(event, hash);
    }

    @EventSourcingHandler
    void on(QTableUpdated event, @MetaDataValue(HashChain.HASH) String hash) {
        if (function != null) {
            function.apply(event.updates(), actionSpace(), alpha, gamma);
        } else {
            for (AppliedUpdate update : event.updates()) {
                row(update.state())
                        .put(
                                update.action(),
                                entry(update.state(), update.action()).learned(update.newQ()));
            }
        }
        appliedBatches.add(event.idempotencyKey());
        episodes = event.episodes();
        epsilon = event.epsilon();
        link(event, hash);
    }

    @EventSourcingHandler
    void on(QTableMerged event, @MetaDataValue(HashChain.HASH) String hash) {
        for (MergedEntry change : event.changes()) {
            row(change.state())
                    .put(change.action(), QEntry.from(change.qAfter(), change.visitsAfter(), tableId.value()));
        }
        if (function != null) {
            function.applyMerge(event.parameterChanges(), tableId.value());
        }
        link(event, hash);
    }

    @EventSourcingHandler
    void on(ExplorationChanged event, @MetaDataValue(HashChain.HASH) String hash) {
        exploration = event.exploration();
        epsilon = event.epsilon();
        episodes = 0;
        link(event, hash);
    }

    private ActionSpace actionSpace() {
        return new ActionSpace(actions);
    }

    private Map<String, QEntry> row(StateKey state) {
        return values.computeIfAbsent(state, s -> new HashMap<>());
    }

    private QEntry entry(StateKey state, String action) {
        Map<String, QEntry> row = values.get(state);
        QEntry entry = row == null ? null : row.get(action);
        return entry == null ? QEntry.UNVISITED : entry;
    }

    private ValueLookup lookup() {
        return new ValueLookup() {
            @Override
            public double q(StateKey state, String action) {
                return entry(state, action).q();
            }

            @Override
            public long visits(StateKey state, String action) {
                return entry(state, action).visits();
            }
        };
    }
}
