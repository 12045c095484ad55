package io.qswarm.intelligence.valuefunction;

import static io.qswarm.intelligence.valuefunction.ValueFunctionFixtures.SMALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.learning.Knowledge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class ValueFunctionProperties {

    private static final List<String> REGIMES = List.of("calm", "storm");
    private static final List<String> LEVELS = List.of("low", "mid", "high");

    /** One TD update: state, action, target, step size. */
    record Update(StateFeatures state, int action, double target, double alpha) {}

    @Property(tries = 200)
    void exportThenImportGivesIdenticalValues(
            @ForAll @IntRange(min = 0, max = 5) int kind, @ForAll("updates") List<Update> updates) {
        // given a function of any kind after any updates
        ValueFunction trained =
                train(ValueFunctionFixtures.everyKindOverSmall().get(kind).create(), updates);

        // when its parameters go out as plain doubles and come back
        List<Double> exported = trained.parameters().toList();
        ValueFunction restored = trained.spec().restore(Parameters.of(new ArrayList<>(exported)));

        // then every value is bit-identical, and so are the function and its digest
        for (long joint = 0; joint < SMALL.jointCardinality(); joint++) {
            StateFeatures state = SMALL.ofJointIndex(joint);
            for (int action = 0; action < 3; action++) {
                assertThat(restored.value(state, action)).isEqualTo(trained.value(state, action));
            }
        }
        assertThat(restored).isEqualTo(trained).hasSameHashCodeAs(trained);
        assertThat(restored.parameters().sha256())
                .isEqualTo(trained.parameters().sha256());
        assertThat(exported).hasSize(trained.parameterCount());
    }

    @Property(tries = 100)
    void trainingIsDeterministicForAGivenSeedAndResumesFromASnapshot(
            @ForAll @IntRange(min = 0, max = 5) int kind,
            @ForAll @LongRange(min = -1_000, max = 1_000) long seed,
            @ForAll("updates") List<Update> updates,
            @ForAll @IntRange(min = 0, max = 40) int snapshotAt) {
        ValueFunctionSpec spec =
                reseeded(ValueFunctionFixtures.everyKindOverSmall().get(kind), seed);
        int cut = Math.min(snapshotAt, updates.size());

        // when the same updates are replayed on two fresh functions, and on a third restored from a snapshot
        ValueFunction once = train(spec.create(), updates);
        ValueFunction again = train(spec.create(), updates);
        ValueFunction snapshot = train(spec.create(), updates.subList(0, cut));
        ValueFunction resumed = train(spec.restore(snapshot.parameters()), updates.subList(cut, updates.size()));

        // then all three end bit-identical
        assertThat(again.parameters().sha256()).isEqualTo(once.parameters().sha256());
        assertThat(resumed).isEqualTo(once);
    }

    @Property(tries = 300)
    void theLinearKindsMoveTheUpdatedPairByExactlyAlphaTimesTheTdError(
            @ForAll @IntRange(min = 0, max = 5) int kind,
            @ForAll("updates") List<Update> history,
            @ForAll("update") Update update) {
        ValueFunctionSpec spec = ValueFunctionFixtures.everyKindOverSmall().get(kind);
        ValueFunction q = train(spec.create(), history);
        double old = q.value(update.state(), update.action());

        ValueChange change = q.update(update.state(), update.action(), update.target(), update.alpha());

        assertThat(change.oldValue()).isEqualTo(old);
        assertThat(change.newValue()).isEqualTo(q.value(update.state(), update.action()));
        if (spec.kind() != ValueFunctionSpec.Kind.LOW_RANK && spec.kind() != ValueFunctionSpec.Kind.CP) {
            double expected = old + update.alpha() * (update.target() - old);
            assertThat(change.newValue()).isCloseTo(expected, within(1e-9 * (1 + Math.abs(old) + Math.abs(expected))));
        }
    }

    @Property(tries = 200)
    void mergingTheSamePeerTwiceChangesNothing(
            @ForAll @IntRange(min = 0, max = 5) int kind,
            @ForAll("updates") List<Update> mine,
            @ForAll("updates") List<Update> theirs,
            @ForAll("parameterMerges") MergeStrategy strategy) {
        ValueFunctionSpec spec = ValueFunctionFixtures.everyKindOverSmall().get(kind);
        if (!spec.mergeSupport().mergeable()) {
            return;
        }
        // given two tables that learned from their own experiences, each counting per parameter who touched it
        ValueFunction local = spec.create();
        List<Knowledge> localKnowledge = learn(local, mine, "me");
        ValueFunction peer = spec.create();
        List<Knowledge> peerKnowledge = learn(peer, theirs, "peer");

        // when the peer is merged in twice
        List<Knowledge> once = ParameterMerge.merge(local, localKnowledge, spec, peerKnowledge, strategy);
        ValueFunction merged = spec.restore(ParameterMerge.parameters(once));
        List<Knowledge> twice = ParameterMerge.merge(merged, once, spec, peerKnowledge, strategy);

        // then the second merge changes nothing
        assertThat(twice).isEqualTo(once);
    }

    @Property(tries = 200)
    void everyKeyOfASchemaRoundTrips(@ForAll("state") StateFeatures state) {
        assertThat(SMALL.parse(SMALL.key(state))).isEqualTo(state);
    }

    private static ValueFunction train(ValueFunction q, List<Update> updates) {
        for (Update update : updates) {
            q.update(update.state(), update.action(), update.target(), update.alpha());
        }
        return q;
    }

    /** Trains {@code q} and returns, per parameter, its value and how often {@code origin}'s updates touched it. */
    private static List<Knowledge> learn(ValueFunction q, List<Update> updates, String origin) {
        long[] touched = new long[q.parameterCount()];
        for (Update update : updates) {
            q.update(update.state(), update.action(), update.target(), update.alpha());
            for (int j : q.touchedParameters(update.state(), update.action())) {
                touched[j]++;
            }
        }
        var knowledge = new ArrayList<Knowledge>();
        for (int j = 0; j < touched.length; j++) {
            knowledge.add(new Knowledge(q.parameters().get(j), Map.of(origin, touched[j])));
        }
        return knowledge;
    }

    private static ValueFunctionSpec reseeded(ValueFunctionSpec spec, long seed) {
        if (spec instanceof ValueFunctionSpec.LowRank lowRank) {
            return new ValueFunctionSpec.LowRank(
                    lowRank.schema(), lowRank.actions(), lowRank.rank(), seed, lowRank.initScale());
        }
        if (spec instanceof ValueFunctionSpec.Cp cp) {
            return new ValueFunctionSpec.Cp(cp.schema(), cp.actions(), cp.rank(), seed, cp.initScale());
        }
        return spec;
    }

    @Provide
    Arbitrary<StateFeatures> state() {
        return Combinators.combine(
                        Arbitraries.of(REGIMES),
                        Arbitraries.of(LEVELS),
                        Arbitraries.doubles().between(0.0, 1.0))
                .as((regime, level, signal) ->
                        SMALL.parse("regime=" + regime + "|level=" + level + "|signal=" + signal));
    }

    @Provide
    Arbitrary<Update> update() {
        return Combinators.combine(
                        state(),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.doubles().between(-20, 20),
                        Arbitraries.doubles().between(0.01, 1.0))
                .as(Update::new);
    }

    @Provide
    Arbitrary<List<Update>> updates() {
        return update().list().ofMaxSize(60);
    }

    /** The table merges a value function's parameters accept: not the learning-rate merge (ADR 0014). */
    @Provide
    Arbitrary<MergeStrategy> parameterMerges() {
        return Arbitraries.of(MergeStrategy.VISIT_WEIGHTED_MEAN, MergeStrategy.MAX, MergeStrategy.MIN);
    }
}
