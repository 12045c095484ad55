package io.qswarm.intelligence.domain;

import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.MergeCounts;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.MergedParameter;
import io.qswarm.intelligence.api.PeerParameter;
import io.qswarm.intelligence.api.PeerParameters;
import io.qswarm.intelligence.api.QTableError;
import io.qswarm.intelligence.api.QTableRefusedException;
import io.qswarm.intelligence.api.RejectedParameter;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.learning.BatchLearner;
import io.qswarm.intelligence.learning.FunctionLearner;
import io.qswarm.intelligence.learning.Knowledge;
import io.qswarm.intelligence.valuefunction.FeatureSchema;
import io.qswarm.intelligence.valuefunction.ParameterMerge;
import io.qswarm.intelligence.valuefunction.Parameters;
import io.qswarm.intelligence.valuefunction.StateFeatures;
import io.qswarm.intelligence.valuefunction.ValueFunction;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a table whose values come from a value function knows: the function (spec and parameters), the experiences
 * each parameter stands on counted per origin table (an update of {@code (s, a)} counts for every parameter in
 * {@link ValueFunction#touchedParameters}), and the own updates of every state-action pair (the visits its updates
 * record).
 *
 * <p>Queries ({@link #learn}, {@link #merge}) compute on copies and change nothing; {@link #apply} and
 * {@link #applyMerge} change the state in place and are called by the aggregate's event-sourcing handlers only, so
 * a replay repeats the exact arithmetic of the live table. Mutable, with value equality (the aggregate test fixture
 * compares replayed state deeply); snapshots serialize its fields.
 */
public final class FunctionTable {

    private ValueFunction function;
    /** Own experiences per parameter. */
    private long[] ownVisits;
    /** Experiences per peer origin, for the parameters that have any; never an empty inner map. */
    private Map<Integer, Map<String, Long>> peerVisits;
    /** Own updates per state and action. */
    private Map<StateKey, Map<String, Long>> pairVisits;

    private FunctionTable() {
        // for snapshot deserialization
    }

    private FunctionTable(ValueFunction function) {
        this.function = function;
        this.ownVisits = new long[function.parameterCount()];
        this.peerVisits = new TreeMap<>();
        this.pairVisits = new HashMap<>();
    }

    /** A table that has learned nothing: the spec's initial function. */
    public static FunctionTable of(ValueFunctionSpec spec) {
        return new FunctionTable(spec.create());
    }

    public ValueFunctionSpec spec() {
        return function.spec();
    }

    /** {@code Q(s, a)} now. */
    public double value(StateKey state, String action, ActionSpace actions) {
        return function.value(function.schema().parse(state), actions.indexOf(action));
    }

    /** The parameters in the kind's canonical order. */
    public Parameters parameters() {
        return function.parameters();
    }

    /** Own updates recorded for the pair. */
    public long pairVisits(StateKey state, String action) {
        Map<String, Long> row = pairVisits.get(state);
        Long visits = row == null ? null : row.get(action);
        return visits == null ? 0 : visits;
    }

    /** Parameter {@code j}'s value and experiences per origin, own ones under {@code ownOrigin}. */
    public Knowledge knowledge(int j, String ownOrigin) {
        return knowledge(j, ownOrigin, function.parameters());
    }

    private Knowledge knowledge(int j, String ownOrigin, Parameters values) {
        var origins = new TreeMap<String, Long>(peerVisits.getOrDefault(j, Map.of()));
        if (ownVisits[j] > 0) {
            origins.put(ownOrigin, ownVisits[j]);
        }
        return new Knowledge(values.get(j), origins);
    }

    /** The learned updates of a batch; nothing changes here (see {@link FunctionLearner}). */
    List<AppliedUpdate> learn(List<Experience> batch, BatchLearner.Parameters parameters) {
        return FunctionLearner.learn(batch, parameters, function.copy(), this::pairVisits);
    }

    /**
     * Replays recorded updates in order: the same TD step from the recorded reward and bootstrap, the touched
     * parameters and the pair counted once more each.
     */
    void apply(List<AppliedUpdate> updates, ActionSpace actions, double alpha, double gamma) {
        FeatureSchema schema = function.schema();
        for (AppliedUpdate update : updates) {
            StateFeatures state = schema.parse(update.state());
            int action = actions.indexOf(update.action());
            FunctionLearner.step(
                    function, state, action, update.reward(), update.bootstrap(), update.terminal(), alpha, gamma);
            for (int j : function.touchedParameters(state, action)) {
                ownVisits[j]++;
            }
            pairVisits.computeIfAbsent(update.state(), s -> new HashMap<>()).merge(update.action(), 1L, Long::sum);
        }
    }

    /** What a parameter merge would change: nothing is changed here. */
    record MergeOutcome(List<MergedParameter> changes, List<RejectedParameter> rejected, MergeCounts counts) {}

    /**
     * Merges a peer's parameters one at a time with the table entry rule ({@link ParameterMerge}): only the peer's
     * experiences this table has not counted weigh in, so merging the same knowledge twice changes nothing and no
     * experience is counted twice. Parameters that claim more of this table's own experiences than it recorded are
     * rejected with the reason.
     *
     * @throws QTableRefusedException when the kind refuses merges or the peer's spec differs
     */
    MergeOutcome merge(String ownOrigin, PeerParameters parameters, MergeStrategy strategy) {
        if (!spec().mergeSupport().mergeable()) {
            throw notMergeable(ownOrigin);
        }
        if (strategy == MergeStrategy.LEARNING_RATE) {
            throw new QTableRefusedException(
                    QTableError.INVALID_ARGUMENT,
                    "merge refused: the learning-rate merge steps a table entry towards the peer's value as if its "
                            + "experiences were the table's own; a value function's parameters are shared by many "
                            + "states, so it merges them with VISIT_WEIGHTED_MEAN, MAX or MIN only (ADR 0014)");
        }
        Optional<String> mismatch = function.mergeRefusal(parameters.spec());
        if (mismatch.isPresent()) {
            throw new QTableRefusedException(QTableError.VALUE_FUNCTION_MISMATCH, "merge refused: " + mismatch.get());
        }
        int count = function.parameterCount();
        var local = new ArrayList<Knowledge>(count);
        var theirs = new ArrayList<Knowledge>(count);
        var rejected = new ArrayList<RejectedParameter>();
        Parameters values = function.parameters();
        for (int j = 0; j < count; j++) {
            Knowledge mine = knowledge(j, ownOrigin, values);
            PeerParameter sent = parameters.values().get(j);
            Optional<String> refusal = refusal(j, sent, ownOrigin);
            local.add(mine);
            if (refusal.isPresent()) {
                rejected.add(new RejectedParameter(j, refusal.get()));
                theirs.add(mine); // brings nothing new: the parameter stays as it is
            } else {
                theirs.add(new Knowledge(sent.value(), sent.visitsByOrigin()));
            }
        }
        List<Knowledge> merged = ParameterMerge.merge(function, local, parameters.spec(), theirs, strategy);
        Parameters after = ParameterMerge.parameters(merged);
        var changes = new ArrayList<MergedParameter>();
        for (int j = 0; j < count; j++) {
            Knowledge before = local.get(j);
            if (before.experiencesMissingFrom(theirs.get(j)) == 0) {
                continue;
            }
            changes.add(new MergedParameter(
                    j,
                    before.visits() == 0,
                    before.q(),
                    after.get(j),
                    before.visitsByOrigin(),
                    merged.get(j).visitsByOrigin(),
                    theirs.get(j).q(),
                    theirs.get(j).visitsByOrigin()));
        }
        int added = (int) changes.stream().filter(MergedParameter::added).count();
        var counts = new MergeCounts(
                added, changes.size() - added, count - changes.size() - rejected.size(), rejected.size());
        return new MergeOutcome(changes, rejected, counts);
    }

    /** Applies recorded parameter changes: values and experiences per origin. */
    void applyMerge(List<MergedParameter> changes, String ownOrigin) {
        if (changes.isEmpty()) {
            return;
        }
        double[] values = function.parameters().toArray();
        for (MergedParameter change : changes) {
            int j = change.index();
            values[j] = change.after();
            var peers = new TreeMap<String, Long>(change.visitsAfter());
            Long own = peers.remove(ownOrigin);
            ownVisits[j] = own == null ? 0 : own;
            if (peers.isEmpty()) {
                peerVisits.remove(j);
            } else {
                peerVisits.put(j, peers);
            }
        }
        function = function.spec().restore(Parameters.copyOf(values));
    }

    /** This table's knowledge as a peer receives it: every parameter with its experiences per origin. */
    public PeerParameters export(String ownOrigin) {
        Parameters current = function.parameters();
        var values = new ArrayList<PeerParameter>(current.size());
        for (int j = 0; j < current.size(); j++) {
            Knowledge knowledge = knowledge(j, ownOrigin, current);
            values.add(new PeerParameter(knowledge.q(), knowledge.visitsByOrigin()));
        }
        return new PeerParameters(spec(), values);
    }

    /** The refusal of any merge into a kind whose parameters cannot be averaged. */
    QTableRefusedException notMergeable(String table) {
        return new QTableRefusedException(
                QTableError.VALUE_FUNCTION_NOT_MERGEABLE,
                "table " + table + " (" + spec().describe() + ") refuses merges: "
                        + spec().mergeSupport().reason());
    }

    private Optional<String> refusal(int j, PeerParameter sent, String ownOrigin) {
        long claimedOwn = sent.visitsByOrigin().getOrDefault(ownOrigin, 0L);
        if (claimedOwn > ownVisits[j]) {
            return Optional.of(
                    "claims " + claimedOwn + " experiences of this table, which recorded only " + ownVisits[j]);
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FunctionTable that
                && function.equals(that.function)
                && Arrays.equals(ownVisits, that.ownVisits)
                && peerVisits.equals(that.peerVisits)
                && pairVisits.equals(that.pairVisits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(function, Arrays.hashCode(ownVisits), peerVisits, pairVisits);
    }

    @Override
    public String toString() {
        return "FunctionTable[" + function + ", " + pairVisits.size() + " states visited]";
    }
}
