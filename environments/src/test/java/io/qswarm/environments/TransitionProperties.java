package io.qswarm.environments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.environments.fixtures.EnvironmentFixtures;
import io.qswarm.environments.market.MarketEnvironment;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TransitionProperties {

    private static final List<TabularModel> MODELS = EnvironmentFixtures.everyTabularModel();

    record StateAction(TabularModel model, int state, int action) {

        @Override
        public String toString() {
            return model.getClass().getSimpleName() + "[" + state + ", " + action + "]";
        }
    }

    @Property(tries = 2_000)
    void theProbabilitiesOfEveryTransitionListSumToOne(@ForAll("stateActions") StateAction pair) {
        List<Transition> transitions = pair.model().transitions(pair.state(), pair.action());

        double total = transitions.stream().mapToDouble(Transition::probability).sum();

        assertThat(total).isCloseTo(1.0, within(1e-12));
        assertThat(transitions).allSatisfy(t -> assertThat(t.nextState())
                .isBetween(0, pair.model().stateCount() - 1));
    }

    @Example
    void everyTransitionListOfEveryModelSumsToOne() {
        for (TabularModel model : MODELS) {
            for (int s = 0; s < model.stateCount(); s++) {
                for (int a = 0; a < model.actionCount(); a++) {
                    double total = model.transitions(s, a).stream()
                            .mapToDouble(Transition::probability)
                            .sum();
                    assertThat(total).as("%s P[%d][%d]", model, s, a).isCloseTo(1.0, within(1e-12));
                }
            }
            assertThat(Arrays.stream(model.initialStateDistribution()).sum()).isCloseTo(1.0, within(1e-12));
        }
    }

    @Property(tries = 50)
    void aMarketEpisodeIsAFunctionOfItsSeed(@ForAll long seed) {
        List<Step> first = EnvironmentFixtures.trajectory(new MarketEnvironment(), seed, seed + 1, 80);
        List<Step> second = EnvironmentFixtures.trajectory(new MarketEnvironment(), seed, seed + 1, 80);

        assertThat(second).isEqualTo(first);
    }

    @Provide
    Arbitrary<StateAction> stateActions() {
        return Arbitraries.of(MODELS).flatMap(model -> Combinators.combine(
                        Arbitraries.integers().between(0, model.stateCount() - 1),
                        Arbitraries.integers().between(0, model.actionCount() - 1))
                .as((state, action) -> new StateAction(model, state, action)));
    }
}
