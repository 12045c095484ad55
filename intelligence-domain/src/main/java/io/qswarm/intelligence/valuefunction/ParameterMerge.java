package io.qswarm.intelligence.valuefunction;

import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.learning.Knowledge;
import io.qswarm.intelligence.learning.KnowledgeMerge;
import java.util.ArrayList;
import java.util.List;

/**
 * Visit-weighted merge of two value functions' parameters, one parameter at a time with the table entry rule
 * ({@link KnowledgeMerge}): each parameter carries the experiences that touched it, counted per origin table (an
 * update of {@code (s, a)} touches {@link ValueFunction#touchedParameters}); only the peer's experiences the local
 * side has not counted weigh in, so merging is idempotent and never double-counts, exactly as for tabular entries.
 * Refused for kinds whose {@link MergeSupport} refuses and for peers of another spec.
 */
public final class ParameterMerge {

    private ParameterMerge() {}

    /**
     * The merged parameters with their experiences.
     *
     * @param local this table's function
     * @param localKnowledge per parameter of {@code local}: its experiences per origin (the value is ignored and
     *     taken from {@code local})
     * @param peerSpec the peer's spec
     * @param peer per parameter of the peer: its value and experiences per origin
     * @throws IllegalArgumentException with the refusal reason, or for lists of the wrong length
     */
    public static List<Knowledge> merge(
            ValueFunction local,
            List<Knowledge> localKnowledge,
            ValueFunctionSpec peerSpec,
            List<Knowledge> peer,
            MergeStrategy strategy) {
        Checks.required("local", local);
        Checks.required("peerSpec", peerSpec);
        Checks.required("strategy", strategy);
        local.mergeRefusal(peerSpec).ifPresent(reason -> {
            throw new IllegalArgumentException("merge refused: " + reason);
        });
        int count = local.parameterCount();
        checkSize("localKnowledge", localKnowledge, count);
        checkSize("peer", peer, count);
        Parameters values = local.parameters();
        var merged = new ArrayList<Knowledge>(count);
        for (int j = 0; j < count; j++) {
            Knowledge mine = new Knowledge(values.get(j), localKnowledge.get(j).visitsByOrigin());
            Knowledge theirs = peer.get(j);
            Checks.finite("peer parameter " + j, theirs.q());
            merged.add(KnowledgeMerge.merge(mine, theirs, strategy).orElse(mine));
        }
        return merged;
    }

    /** The parameter values of merged knowledge, to {@link ValueFunctionSpec#restore}. */
    public static Parameters parameters(List<Knowledge> knowledge) {
        return Parameters.of(knowledge.stream().map(Knowledge::q).toList());
    }

    private static void checkSize(String field, List<Knowledge> list, int count) {
        Checks.required(field, list);
        if (list.size() != count) {
            throw new IllegalArgumentException(
                    field + " must hold one entry per parameter (" + count + "), had " + list.size());
        }
    }
}
