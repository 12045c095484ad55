package io.qswarm.intelligence.learning;

import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.QTableError;
import io.qswarm.intelligence.api.QTableRefusedException;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.valuefunction.Feature;
import io.qswarm.intelligence.valuefunction.FeatureSchema;
import io.qswarm.intelligence.valuefunction.StateFeatures;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Reads state keys through a table's {@link FeatureSchema}. A key that does not fit is refused with
 * {@link QTableError#STATE_OUTSIDE_SCHEMA} and a reason that quotes the key, names the feature at fault and spells
 * out the schema, e.g. {@code experiences[0].state: state 'taxi=3,2|passenger=X|dest=G' does not fit the schema:
 * feature passenger has no value 'X'; expected one of [R, G, Y, B, taxi]; the table's schema (NAMED):
 * taxi=<r,c in 5×5>|passenger={R, G, Y, B, taxi}|dest={R, G, Y, B}}.
 */
public final class SchemaStates {

    private static final int SHOWN_VALUES = 12;

    private SchemaStates() {}

    /**
     * The features of {@code key}.
     *
     * @param field where the key came from, e.g. {@code experiences[3].nextState}
     * @throws QTableRefusedException with {@link QTableError#STATE_OUTSIDE_SCHEMA} when the key does not fit
     */
    public static StateFeatures parse(FeatureSchema schema, StateKey key, String field) {
        try {
            return schema.parse(key);
        } catch (IllegalArgumentException e) {
            throw new QTableRefusedException(QTableError.STATE_OUTSIDE_SCHEMA, field + ": " + reason(schema, e));
        }
    }

    /** Refuses the whole batch when any state (or given next state) does not fit the schema. */
    public static void check(FeatureSchema schema, List<Experience> batch) {
        for (int i = 0; i < batch.size(); i++) {
            Experience experience = batch.get(i);
            parse(schema, experience.state(), "experiences[" + i + "].state");
            if (experience.nextState() != null) {
                parse(schema, experience.nextState(), "experiences[" + i + "].nextState");
            }
        }
    }

    /** Why {@code key} does not fit the schema, or empty when it does. */
    public static Optional<String> refusal(FeatureSchema schema, StateKey key) {
        try {
            schema.parse(key);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(reason(schema, e));
        }
    }

    /**
     * The schema as a person reads it: {@code taxi=<r,c in 5×5>|passenger={R, G, Y, B, taxi}} for named keys,
     * {@code <price: {p0, p1, p2}>|<mood: {m0, m1}>} for positional ones.
     */
    public static String describe(FeatureSchema schema) {
        var parts = new StringJoiner("|", "(" + schema.layout() + "): ", "");
        for (Feature feature : schema.features()) {
            String values = values(feature);
            parts.add(
                    schema.layout() == FeatureSchema.Layout.NAMED
                            ? feature.name() + "=" + values
                            : "<" + feature.name() + ": " + values + ">");
        }
        return parts.toString();
    }

    private static String reason(FeatureSchema schema, IllegalArgumentException e) {
        return e.getMessage() + "; the table's schema " + describe(schema);
    }

    private static String values(Feature feature) {
        if (feature instanceof Feature.Categorical categorical) {
            List<String> values = categorical.values();
            if (values.size() <= SHOWN_VALUES) {
                return "{" + String.join(", ", values) + "}";
            }
            return "{" + String.join(", ", values.subList(0, SHOWN_VALUES - 1)) + ", …, "
                    + values.get(values.size() - 1) + "} (" + values.size() + " values)";
        }
        if (feature instanceof Feature.Grid grid) {
            var sizes = new StringJoiner("×");
            grid.sizes().forEach(size -> sizes.add(String.valueOf(size)));
            String axes = grid.sizes().size() == 2 ? "r,c" : grid.sizes().size() + " comma-separated integers";
            return "<" + axes + " in " + sizes + ">";
        }
        var numeric = (Feature.Numeric) feature;
        return "<number in [" + numeric.min() + ", " + numeric.max() + "]>";
    }
}
