package io.qswarm.intelligence.api;

import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.util.List;

/**
 * A peer's value function as merges see it: its spec (a peer of another spec is refused, its parameters mean
 * something else) and, for every parameter in the kind's canonical order, its value and the experiences it stands
 * on per origin table.
 */
public record PeerParameters(ValueFunctionSpec spec, List<PeerParameter> values) {

    public PeerParameters {
        Checks.required("spec", spec);
        Checks.required("values", values);
        if (values.size() != spec.parameterCount()) {
            throw new IllegalArgumentException(spec.describe() + " stores " + spec.parameterCount()
                    + " parameters, the peer sent " + values.size());
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new IllegalArgumentException("values[" + i + "] is null");
            }
        }
        values = List.copyOf(values);
    }
}
