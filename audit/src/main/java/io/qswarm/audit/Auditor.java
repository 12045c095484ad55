package io.qswarm.audit;

import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.ExplorationChanged;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.MergedEntry;
import io.qswarm.intelligence.api.MergedParameter;
import io.qswarm.intelligence.api.QTableCreated;
import io.qswarm.intelligence.api.QTableMerged;
import io.qswarm.intelligence.api.QTableUpdated;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.api.ValueFunctionKind;
import io.qswarm.intelligence.integrity.HashChain;
import io.qswarm.intelligence.learning.FunctionLearner;
import io.qswarm.intelligence.learning.Knowledge;
import io.qswarm.intelligence.learning.KnowledgeMerge;
import io.qswarm.intelligence.learning.TemporalDifference;
import io.qswarm.intelligence.valuefunction.FeatureSchema;
import io.qswarm.intelligence.valuefunction.Parameters;
import io.qswarm.intelligence.valuefunction.StateFeatures;
import io.qswarm.intelligence.valuefunction.ValueChange;
import io.qswarm.intelligence.valuefunction.ValueFunction;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Replays stored events in global order and checks that every recorded value follows from the recorded facts:
 *
 * <ul>
 *   <li>order: each table starts with {@code QTableCreated} at sequence 0 and continues without gaps;
 *   <li>the hash chain: {@code chain.prev} is the previous event's hash and {@code chain.hash} is
 *       {@code SHA-256(prev || canonical(payload))};
 *   <li>{@code QTableUpdated}: per update, {@code oldQ} and {@code visits} against the replayed table, the rule's
 *       bootstrap from replayed values (Expected SARSA with the epsilon before the batch), {@code newQ} recomputed by
 *       {@link TemporalDifference} bit for bit; episodes, epsilon from the schedule, idempotency keys unique;
 *   <li>{@code QTableMerged}: per change, before values and visits against the replay, the result recomputed with
 *       {@link KnowledgeMerge} from the recorded peer input, and the counts;
 *   <li>{@code ExplorationChanged}: epsilon restarts at the schedule's start.
 * </ul>
 *
 * A table with a value function (ADR 0009) is replayed on the function its spec creates: per update the bootstrap
 * from the replayed function, {@code oldQ}, and {@code newQ} after the kind's TD step, bit for bit, the pair's own
 * visits, and every state key against the schema; a parameter merge is recomputed per parameter from the recorded
 * peer input, and a merge into a kind that refuses merges is a discrepancy.
 *
 * A table stops being replayed at its first discrepancy; the others go on. Pure: feed it {@link StoredEvent}s.
 */
public final class Auditor {

    private final ReplayLimit limit;
    private final AuditProgress progress;
    private final HashChain chain = new HashChain();
    private final Map<String, ReplayedTable> tables = new LinkedHashMap<>();
    private final Map<String, Discrepancy> failures = new LinkedHashMap<>();
    private final java.util.Set<String> closed = new java.util.HashSet<>();
    private Discrepancy first;
    private long events;
    private long updates;
    private long merges;

    public Auditor(ReplayLimit limit, AuditProgress progress) {
        this.limit = limit;
        this.progress = progress;
    }

    public Auditor() {
        this(ReplayLimit.NONE, new AuditProgress());
    }

    /** Checks and applies one event. Events beyond the limit (and every later one of the same table) are skipped. */
    public void accept(StoredEvent event) {
        String id = event.tableId();
        if (closed.contains(id)) {
            return;
        }
        if (!limit.admits(event)) {
            closed.add(id);
            return;
        }
        events++;
        int updateCount = event.payload() instanceof QTableUpdated updated
                ? updated.updates().size()
                : 0;
        progress.advance(1, updateCount);
        if (failures.containsKey(id)) {
            return;
        }
        Optional<Discrepancy> found = check(event);
        if (found.isPresent()) {
            failures.put(id, found.get());
            if (first == null) {
                first = found.get();
            }
        }
    }

    private Optional<Discrepancy> check(StoredEvent event) {
        var at = new At(event);
        if (event.payload() == null) {
            return at.differs("payload", "a readable event", event.unreadable());
        }
        ReplayedTable table = tables.get(event.tableId());
        long expectedSequence = table == null ? 0 : table.version() + 1;
        if (event.sequence() != expectedSequence) {
            return at.differs("sequence", expectedSequence, event.sequence());
        }
        if (table == null && !(event.payload() instanceof QTableCreated)) {
            return at.differs(
                    "payload type", "QTableCreated", event.payload().getClass().getSimpleName());
        }
        if (table != null && event.payload() instanceof QTableCreated) {
            return at.differs("payload type", "an event of an existing table", "QTableCreated");
        }
        String previous = table == null ? HashChain.GENESIS : table.lastHash();
        String recordedPrevious = event.metadata().get(HashChain.PREVIOUS);
        if (!previous.equals(recordedPrevious)) {
            return at.differs(HashChain.PREVIOUS, previous, recordedPrevious);
        }
        // the reader may have hashed the payload after the recorded prev, which is now known to be the right one
        String hash = event.linkedHash() != null ? event.linkedHash() : chain.link(previous, event.payload());
        if (!hash.equals(event.metadata().get(HashChain.HASH))) {
            return at.differs(HashChain.HASH, hash, event.metadata().get(HashChain.HASH));
        }
        Object payload = event.payload();
        Optional<Discrepancy> found;
        if (payload instanceof QTableCreated created) {
            found = created(at, created);
        } else if (payload instanceof QTableUpdated updated) {
            found = updated(at, table, updated);
        } else if (payload instanceof QTableMerged merged) {
            found = merged(at, table, merged);
        } else if (payload instanceof ExplorationChanged changed) {
            found = explorationChanged(at, table, changed);
        } else {
            found = at.differs(
                    "payload type", "a QTable event", payload.getClass().getName());
        }
        if (found.isEmpty()) {
            tables.get(event.tableId()).linked(event.sequence(), hash);
        }
        return found;
    }

    private Optional<Discrepancy> created(At at, QTableCreated created) {
        if (!created.tableId().value().equals(at.event.tableId())) {
            return at.differs("tableId", at.event.tableId(), created.tableId().value());
        }
        double epsilon = created.exploration().epsilonAt(0);
        if (!same(epsilon, created.epsilon())) {
            return at.differs("epsilon", epsilon, created.epsilon());
        }
        ValueFunctionSpec spec = created.valueFunctionSpec();
        if (created.valueFunction() != ValueFunctionKind.of(spec)) {
            return at.differs(
                    "valueFunction",
                    spec == null ? "TABULAR (no value-function spec recorded)" : ValueFunctionKind.of(spec),
                    created.valueFunction());
        }
        if (spec != null && spec.actions() != created.actions().size()) {
            return at.differs("valueFunctionSpec.actions", created.actions().size(), spec.actions());
        }
        tables.put(at.event.tableId(), new ReplayedTable(created));
        return Optional.empty();
    }

    private Optional<Discrepancy> updated(At at, ReplayedTable table, QTableUpdated event) {
        if (!event.tableId().value().equals(table.tableId())) {
            return at.differs("tableId", table.tableId(), event.tableId().value());
        }
        if (table.seen(event.idempotencyKey())) {
            return at.differs("idempotencyKey", "a key not applied before", event.idempotencyKey());
        }
        long episodesAfter = table.episodes() + (event.endsEpisode() ? 1 : 0);
        if (event.episodes() != episodesAfter) {
            return at.differs("episodes", episodesAfter, event.episodes());
        }
        double epsilonAfter = table.exploration().epsilonAt(episodesAfter);
        if (!same(epsilonAfter, event.epsilon())) {
            return at.differs("epsilon", epsilonAfter, event.epsilon());
        }
        double epsilonBefore = table.epsilon();
        List<AppliedUpdate> list = event.updates();
        var actions = table.actions();
        if (table.function() != null) {
            Optional<Discrepancy> found = updatedFunction(at, table, list, epsilonBefore);
            if (found.isPresent()) {
                return found;
            }
            table.batchApplied(event.idempotencyKey(), episodesAfter, epsilonAfter);
            updates += list.size();
            return Optional.empty();
        }
        FeatureSchema schema = table.schema();
        // updates change the replayed table in place, each seeing the ones before it; a table that fails is not
        // replayed further, so a half-applied batch is never used
        for (int i = 0; i < list.size(); i++) {
            AppliedUpdate u = list.get(i);
            int a = actions.indexOf(u.action());
            if (a < 0) {
                return at.differs("updates[" + i + "].action", "one of the table's actions", u.action());
            }
            if (u.nextAction() != null && !actions.contains(u.nextAction())) {
                return at.differs("updates[" + i + "].nextAction", "one of the table's actions", u.nextAction());
            }
            if (schema != null) {
                Optional<Discrepancy> outside = outsideSchema(at, schema, i, u.state(), u.nextState());
                if (outside.isPresent()) {
                    return outside;
                }
            }
            double bootstrap;
            if (u.terminal()) {
                bootstrap = 0.0;
            } else {
                if (u.nextState() == null) {
                    return at.differs("updates[" + i + "].nextState", "a next state (non-terminal)", null);
                }
                if (table.rule() == io.qswarm.intelligence.api.LearningRule.SARSA && u.nextAction() == null) {
                    return at.differs("updates[" + i + "].nextAction", "the action taken next (SARSA)", null);
                }
                ReplayedTable.Row next = table.row(u.nextState());
                bootstrap = TemporalDifference.bootstrap(
                        table.rule(),
                        actions,
                        next == null ? action -> 0.0 : action -> next.q[actions.indexOf(action)],
                        u.nextAction(),
                        epsilonBefore);
            }
            if (!same(bootstrap, u.bootstrap())) {
                return at.differs("updates[" + i + "].bootstrap", bootstrap, u.bootstrap());
            }
            ReplayedTable.Row row = table.rowOrNew(u.state());
            double oldQ = row.q[a];
            if (!same(oldQ, u.oldQ())) {
                return at.differs("updates[" + i + "].oldQ", oldQ, u.oldQ());
            }
            double newQ =
                    TemporalDifference.update(oldQ, u.reward(), bootstrap, u.terminal(), table.alpha(), table.gamma());
            if (!same(newQ, u.newQ())) {
                return at.differs("updates[" + i + "].newQ", newQ, u.newQ());
            }
            long visits = row.visits(a) + 1;
            if (visits != u.visits()) {
                return at.differs("updates[" + i + "].visits", visits, u.visits());
            }
            row.q[a] = newQ;
            row.own[a]++;
            table.countUpdate();
        }
        table.batchApplied(event.idempotencyKey(), episodesAfter, epsilonAfter);
        updates += list.size();
        return Optional.empty();
    }

    private Optional<Discrepancy> merged(At at, ReplayedTable table, QTableMerged event) {
        if (!event.tableId().value().equals(table.tableId())) {
            return at.differs("tableId", table.tableId(), event.tableId().value());
        }
        if (table.function() != null) {
            return mergedParameters(at, table, event);
        }
        if (!event.parameterChanges().isEmpty() || !event.rejectedParameters().isEmpty()) {
            return at.differs(
                    "parameterChanges",
                    "none (a flat table merges entries)",
                    event.parameterChanges().size() + " changed, "
                            + event.rejectedParameters().size() + " rejected");
        }
        int added = 0;
        for (int i = 0; i < event.changes().size(); i++) {
            MergedEntry change = event.changes().get(i);
            String field = "changes[" + i + "].";
            if (!table.actions().contains(change.action())) {
                return at.differs(field + "action", "one of the table's actions", change.action());
            }
            if (table.schema() != null && fits(table.schema(), change.state()).isPresent()) {
                return at.differs(field + "state", "a state of the table's schema", change.state());
            }
            // every change of a merge is computed against the table as it was before the merge
            Knowledge before = table.knowledge(change.state(), change.action());
            if (change.added() != (before.visits() == 0)) {
                return at.differs(field + "added", before.visits() == 0, change.added());
            }
            added += change.added() ? 1 : 0;
            if (!same(before.q(), change.qBefore())) {
                return at.differs(field + "qBefore", before.q(), change.qBefore());
            }
            Map<String, Long> visitsBefore = before.unionOfOrigins(Knowledge.NONE);
            if (!visitsBefore.equals(new TreeMap<>(change.visitsBefore()))) {
                return at.differs(field + "visitsBefore", visitsBefore, change.visitsBefore());
            }
            if (change.peerQ() == null || change.peerVisits() == null) {
                return at.differs(field + "peerQ", "the peer's input (QTableMerged revision 2)", null);
            }
            Optional<Knowledge> after = KnowledgeMerge.merge(
                    before, new Knowledge(change.peerQ(), change.peerVisits()), event.strategy(), table.alpha());
            if (after.isEmpty()) {
                return at.differs(field + "change", "no change (the peer brings no new experience)", "a change");
            }
            if (!same(after.get().q(), change.qAfter())) {
                return at.differs(field + "qAfter", after.get().q(), change.qAfter());
            }
            if (!after.get().visitsByOrigin().equals(new TreeMap<>(change.visitsAfter()))) {
                return at.differs(field + "visitsAfter", after.get().visitsByOrigin(), change.visitsAfter());
            }
        }
        var counts = event.counts();
        if (counts.added() != added) {
            return at.differs("counts.added", added, counts.added());
        }
        if (counts.updated() != event.changes().size() - added) {
            return at.differs("counts.updated", event.changes().size() - added, counts.updated());
        }
        if (counts.rejected() != event.rejected().size()) {
            return at.differs("counts.rejected", event.rejected().size(), counts.rejected());
        }
        if (counts.unchanged() < 0) {
            return at.differs("counts.unchanged", "a count of at least 0", counts.unchanged());
        }
        for (MergedEntry change : event.changes()) {
            table.merged(change.state(), change.action(), change.qAfter(), change.visitsAfter());
        }
        table.mergeApplied();
        merges++;
        return Optional.empty();
    }

    /** The updates of a batch on a table with a value function, replayed on the auditor's own function. */
    private Optional<Discrepancy> updatedFunction(
            At at, ReplayedTable table, List<AppliedUpdate> list, double epsilonBefore) {
        var actions = table.actions();
        ReplayedFunction replayed = table.function();
        ValueFunction function = replayed.function();
        FeatureSchema schema = replayed.schema();
        for (int i = 0; i < list.size(); i++) {
            AppliedUpdate u = list.get(i);
            String field = "updates[" + i + "].";
            int a = actions.indexOf(u.action());
            if (a < 0) {
                return at.differs(field + "action", "one of the table's actions", u.action());
            }
            if (u.nextAction() != null && !actions.contains(u.nextAction())) {
                return at.differs(field + "nextAction", "one of the table's actions", u.nextAction());
            }
            Optional<Discrepancy> outside = outsideSchema(at, schema, i, u.state(), u.nextState());
            if (outside.isPresent()) {
                return outside;
            }
            StateFeatures state = schema.parse(u.state());
            double bootstrap;
            if (u.terminal()) {
                bootstrap = 0.0;
            } else {
                if (u.nextState() == null) {
                    return at.differs(field + "nextState", "a next state (non-terminal)", null);
                }
                if (table.rule() == io.qswarm.intelligence.api.LearningRule.SARSA && u.nextAction() == null) {
                    return at.differs(field + "nextAction", "the action taken next (SARSA)", null);
                }
                StateFeatures next = schema.parse(u.nextState());
                bootstrap = TemporalDifference.bootstrap(
                        table.rule(),
                        actions,
                        action -> function.value(next, actions.indexOf(action)),
                        u.nextAction(),
                        epsilonBefore);
            }
            if (!same(bootstrap, u.bootstrap())) {
                return at.differs(field + "bootstrap", bootstrap, u.bootstrap());
            }
            double oldQ = function.value(state, a);
            if (!same(oldQ, u.oldQ())) {
                return at.differs(field + "oldQ", oldQ, u.oldQ());
            }
            ValueChange change;
            try {
                change = FunctionLearner.step(
                        function, state, a, u.reward(), bootstrap, u.terminal(), table.alpha(), table.gamma());
            } catch (ArithmeticException e) {
                return at.differs(field + "newQ", "a finite result (" + e.getMessage() + ")", u.newQ());
            }
            if (!same(change.newValue(), u.newQ())) {
                return at.differs(field + "newQ", change.newValue(), u.newQ());
            }
            long visits = replayed.pairVisits(u.state(), a) + 1;
            if (visits != u.visits()) {
                return at.differs(field + "visits", visits, u.visits());
            }
            replayed.counted(u.state(), state, a);
            table.countUpdate();
        }
        return Optional.empty();
    }

    /** A parameter merge, recomputed per parameter with the entry rule from the recorded peer input. */
    private Optional<Discrepancy> mergedParameters(At at, ReplayedTable table, QTableMerged event) {
        ReplayedFunction replayed = table.function();
        if (!event.changes().isEmpty() || !event.rejected().isEmpty()) {
            return at.differs(
                    "changes",
                    "no entry changes (a table with a value function merges parameters)",
                    event.changes().size() + " changed, " + event.rejected().size() + " rejected");
        }
        List<MergedParameter> changes = event.parameterChanges();
        if (!replayed.spec().mergeSupport().mergeable()) {
            return at.differs(
                    "payload type",
                    "no merge: " + replayed.spec().describe() + " refuses merges",
                    "QTableMerged (" + changes.size() + " parameters changed)");
        }
        if (event.strategy() == MergeStrategy.LEARNING_RATE) {
            return at.differs(
                    "strategy", "VISIT_WEIGHTED_MEAN, MAX or MIN (parameters refuse LEARNING_RATE)", "LEARNING_RATE");
        }
        Parameters values = replayed.function().parameters();
        int count = values.size();
        int added = 0;
        int previous = -1;
        for (int i = 0; i < changes.size(); i++) {
            MergedParameter change = changes.get(i);
            String field = "parameterChanges[" + i + "].";
            if (change.index() <= previous || change.index() >= count) {
                return at.differs(
                        field + "index",
                        "an index above " + previous + " and below " + count + " (ascending, once each)",
                        change.index());
            }
            previous = change.index();
            Knowledge before = replayed.knowledge(change.index(), values);
            if (change.added() != (before.visits() == 0)) {
                return at.differs(field + "added", before.visits() == 0, change.added());
            }
            added += change.added() ? 1 : 0;
            if (!same(before.q(), change.before())) {
                return at.differs(field + "before", before.q(), change.before());
            }
            if (!before.visitsByOrigin().equals(new TreeMap<>(change.visitsBefore()))) {
                return at.differs(field + "visitsBefore", before.visitsByOrigin(), change.visitsBefore());
            }
            Optional<Knowledge> after = KnowledgeMerge.merge(
                    before, new Knowledge(change.peerValue(), change.peerVisits()), event.strategy());
            if (after.isEmpty()) {
                return at.differs(field + "change", "no change (the peer brings no new experience)", "a change");
            }
            // parameters are stored canonically: -0.0 as 0.0
            double q = after.get().q() == 0.0 ? 0.0 : after.get().q();
            if (!same(q, change.after())) {
                return at.differs(field + "after", q, change.after());
            }
            if (!after.get().visitsByOrigin().equals(new TreeMap<>(change.visitsAfter()))) {
                return at.differs(field + "visitsAfter", after.get().visitsByOrigin(), change.visitsAfter());
            }
        }
        var counts = event.counts();
        int rejected = event.rejectedParameters().size();
        if (counts.added() != added) {
            return at.differs("counts.added", added, counts.added());
        }
        if (counts.updated() != changes.size() - added) {
            return at.differs("counts.updated", changes.size() - added, counts.updated());
        }
        if (counts.rejected() != rejected) {
            return at.differs("counts.rejected", rejected, counts.rejected());
        }
        if (counts.unchanged() != count - changes.size() - rejected) {
            return at.differs("counts.unchanged", count - changes.size() - rejected, counts.unchanged());
        }
        replayed.merged(changes);
        table.mergeApplied();
        merges++;
        return Optional.empty();
    }

    private static Optional<Discrepancy> outsideSchema(
            At at, FeatureSchema schema, int i, StateKey state, StateKey nextState) {
        Optional<String> reason = fits(schema, state);
        if (reason.isPresent()) {
            return at.differs(
                    "updates[" + i + "].state", "a state of the table's schema (" + reason.get() + ")", state);
        }
        reason = nextState == null ? Optional.empty() : fits(schema, nextState);
        if (reason.isPresent()) {
            return at.differs(
                    "updates[" + i + "].nextState", "a state of the table's schema (" + reason.get() + ")", nextState);
        }
        return Optional.empty();
    }

    /** Why {@code state} does not fit {@code schema}, or empty. */
    private static Optional<String> fits(FeatureSchema schema, StateKey state) {
        try {
            schema.parse(state);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private Optional<Discrepancy> explorationChanged(At at, ReplayedTable table, ExplorationChanged event) {
        if (!event.tableId().value().equals(table.tableId())) {
            return at.differs("tableId", table.tableId(), event.tableId().value());
        }
        if (event.exploration().equals(table.exploration())) {
            return at.differs("exploration", "a schedule other than the current one", event.exploration());
        }
        double epsilon = event.exploration().epsilonAt(0);
        if (!same(epsilon, event.epsilon())) {
            return at.differs("epsilon", epsilon, event.epsilon());
        }
        table.explorationChanged(event.exploration(), epsilon);
        return Optional.empty();
    }

    /** Bitwise equality: the replay must reproduce every stored double exactly. */
    private static boolean same(double expected, double recorded) {
        return Double.doubleToLongBits(expected) == Double.doubleToLongBits(recorded);
    }

    /** Builds discrepancies for one event. */
    private record At(StoredEvent event) {
        Optional<Discrepancy> differs(String field, Object expected, Object recorded) {
            return Optional.of(new Discrepancy(
                    event.tableId(), event.globalIndex(), event.sequence(), field, text(expected), text(recorded)));
        }

        private static String text(Object value) {
            return Objects.toString(value);
        }
    }

    /** The replayed table, if it was created within the replay. */
    public Optional<ReplayedTable> table(String tableId) {
        return Optional.ofNullable(tables.get(tableId));
    }

    public AuditReport report(String scope, double seconds) {
        var results = new ArrayList<TableResult>();
        var ids = new java.util.LinkedHashSet<String>(tables.keySet());
        ids.addAll(failures.keySet());
        for (String id : ids) {
            ReplayedTable table = tables.get(id);
            if (table == null) {
                results.add(
                        new TableResult(id, -1, 0, 0, 0, 0, 0, 0.0, null, null, null, failures.get(id), null, null));
                continue;
            }
            boolean failed = failures.containsKey(id);
            List<EntryLeaf> leaves = failed ? List.of() : table.leaves();
            results.add(new TableResult(
                    id,
                    table.version(),
                    table.events(),
                    table.updates(),
                    table.merges(),
                    leaves.size(),
                    table.episodes(),
                    table.epsilon(),
                    table.lastHash(),
                    failed ? null : TableDigest.sha256(leaves),
                    failed ? null : MerkleTree.of(leaves).rootHex(),
                    failures.get(id),
                    table.valueFunction(),
                    failed ? null : table.parametersSha256()));
        }
        return new AuditReport(first == null, scope, limit, events, updates, merges, results, first, null, seconds);
    }
}
