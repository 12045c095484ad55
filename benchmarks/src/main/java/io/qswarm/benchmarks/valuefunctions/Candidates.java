package io.qswarm.benchmarks.valuefunctions;

import io.qswarm.intelligence.valuefunction.FeatureSchema;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.util.List;
import java.util.Map;

/** The configurations compared on each task: the flat reference first. */
final class Candidates {

    /** Seed of the factor models' initialisation (the run seed drives exploration and the environment). */
    static final long INIT_SEED = 7L;

    private Candidates() {}

    static List<Candidate> taxi() {
        FeatureSchema schema = TaxiTask.SCHEMA;
        int actions = 6;
        return List.of(
                new Candidate("flat", new ValueFunctionSpec.Tabular(schema, actions)),
                new Candidate("additive", new ValueFunctionSpec.Additive(schema, actions)),
                new Candidate(
                        "hierarchical passenger→taxi (carried: taxi,dest)",
                        new ValueFunctionSpec.Hierarchical(
                                schema,
                                actions,
                                "passenger",
                                List.of("taxi"),
                                Map.of("taxi", List.of("taxi", "dest")))),
                new Candidate(
                        "hierarchical passenger→taxi",
                        new ValueFunctionSpec.Hierarchical(schema, actions, "passenger", List.of("taxi"), Map.of())),
                new Candidate("low-rank r=4", new ValueFunctionSpec.LowRank(schema, actions, 4, INIT_SEED, 0.1)),
                new Candidate("low-rank r=8", new ValueFunctionSpec.LowRank(schema, actions, 8, INIT_SEED, 0.1)),
                new Candidate("CP r=7", new ValueFunctionSpec.Cp(schema, actions, 7, INIT_SEED, 0.1)),
                new Candidate("CP r=12", new ValueFunctionSpec.Cp(schema, actions, 12, INIT_SEED, 0.1)),
                new Candidate("CP r=24", new ValueFunctionSpec.Cp(schema, actions, 24, INIT_SEED, 0.1)),
                new Candidate(
                        "tile coding 8×(2×2 cells), 1024",
                        new ValueFunctionSpec.TileCoding(schema, actions, 8, 1024, Map.of("taxi", 2.0))),
                new Candidate(
                        "tile coding 8×(2×2 cells), 256",
                        new ValueFunctionSpec.TileCoding(schema, actions, 8, 256, Map.of("taxi", 2.0))));
    }

    static List<Candidate> market(FeatureSchema schema) {
        int actions = 3;
        return List.of(
                new Candidate("flat", new ValueFunctionSpec.Tabular(schema, actions)),
                new Candidate("additive", new ValueFunctionSpec.Additive(schema, actions)),
                new Candidate(
                        "hierarchical mood→scarcity,trend",
                        new ValueFunctionSpec.Hierarchical(
                                schema, actions, "mood", List.of("trend", "scarcity"), Map.of())),
                new Candidate(
                        "hierarchical mood→scarcity",
                        new ValueFunctionSpec.Hierarchical(schema, actions, "mood", List.of("scarcity"), Map.of())),
                new Candidate("low-rank r=2", new ValueFunctionSpec.LowRank(schema, actions, 2, INIT_SEED, 0.1)),
                new Candidate("low-rank r=4", new ValueFunctionSpec.LowRank(schema, actions, 4, INIT_SEED, 0.1)),
                new Candidate("CP r=2", new ValueFunctionSpec.Cp(schema, actions, 2, INIT_SEED, 0.1)),
                new Candidate("CP r=4", new ValueFunctionSpec.Cp(schema, actions, 4, INIT_SEED, 0.1)),
                new Candidate(
                        "tile coding 4×(3 price buckets), 128",
                        new ValueFunctionSpec.TileCoding(schema, actions, 4, 128, Map.of("price", 3.0))));
    }
}
