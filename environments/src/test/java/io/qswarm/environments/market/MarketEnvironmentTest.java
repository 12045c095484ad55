package io.qswarm.environments.market;

import static io.qswarm.environments.fixtures.EnvironmentFixtures.aDefaultMarket;
import static io.qswarm.environments.fixtures.EnvironmentFixtures.seeded;
import static io.qswarm.environments.market.MarketEnvironment.BUY;
import static io.qswarm.environments.market.MarketEnvironment.HOLD;
import static io.qswarm.environments.market.MarketEnvironment.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.environments.Action;
import io.qswarm.environments.Step;
import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class MarketEnvironmentTest {

    @Test
    void theActionsAreHoldBuySellAndTradingCostsTheFee() {
        assertThat(aDefaultMarket().actions())
                .containsExactly(new Action("hold", 0), new Action("buy", 5.0), new Action("sell", 5.0));
    }

    @Test
    void theStateKeyReadsPriceVolumeTrendScarcityAndMood() {
        // given
        MarketEnvironment market = aDefaultMarket();
        Quantization quantization = market.config().quantization();
        int state = new MarketObservation(3, 1, Trend.UP, 0, 2).encode(quantization);

        // then
        assertThat(market.stateKey(state)).isEqualTo("p3|v1|up|s0|m2");
        assertThat(market.stateCount()).isEqualTo(7 * 3 * 3 * 2 * 4);
    }

    @Test
    void eachStepIsScopedByTheRegimeThatProducedItsReturn() {
        // given
        MarketEnvironment market = aDefaultMarket();
        var rng = seeded(7);
        market.reset(rng);
        assertThat(market.scope()).isEmpty();

        for (int i = 0; i < 50; i++) {
            // when
            Regime before = market.regime();
            market.step(0, rng);

            // then
            assertThat(market.scope()).isEqualTo(Map.of("regime", before.key()));
        }
    }

    @Test
    void everyStateDecodesAndEncodesBackToItself() {
        Quantization quantization = MarketConfig.defaults().quantization();
        for (int s = 0; s < MarketObservation.stateCount(quantization); s++) {
            assertThat(MarketObservation.decode(s, quantization).encode(quantization))
                    .isEqualTo(s);
        }
    }

    @Test
    void anEpisodeStartsFlatAtTheInitialPriceInTheMiddleBucket() {
        // given
        MarketEnvironment market = aDefaultMarket();

        // when
        int state = market.reset(seeded(5));

        // then
        MarketObservation observation = market.observation();
        assertThat(market.stateKey(state)).startsWith("p3|v0|flat|s0|m");
        assertThat(observation.scarcity()).isZero();
        assertThat(market.price()).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void buyingChargesTheFeeAndThenEarnsThePositionsReturnInBasisPoints() {
        // given
        MarketEnvironment market = aDefaultMarket();
        RandomGenerator rng = seeded(9);
        market.reset(rng);
        double before = market.price();

        // when
        Step step = market.step(BUY, rng);

        // then
        double expectedPnl = (market.price() / before - 1) * 10_000;
        assertThat(step.rewardComponents()).containsOnlyKeys("pnl", "fee");
        assertThat(step.rewardComponents().get("fee")).isEqualTo(-5.0);
        assertThat(step.rewardComponents().get("pnl")).isCloseTo(expectedPnl, within(1e-6));
        assertThat(step.reward()).isCloseTo(expectedPnl - 5.0, within(1e-6));
        assertThat(market.observation().scarcity()).isEqualTo(1);
    }

    @Test
    void buyingWhenAlreadyLongIsAFreeNoOpAndSellingWhenFlatToo() {
        // given
        MarketEnvironment market = aDefaultMarket();
        RandomGenerator rng = seeded(9);
        market.reset(rng);

        // when
        Step sellWhileFlat = market.step(SELL, rng);
        market.step(BUY, rng);
        Step buyWhileLong = market.step(BUY, rng);
        Step sell = market.step(SELL, rng);

        // then
        assertThat(sellWhileFlat.rewardComponents().get("fee")).isZero();
        assertThat(sellWhileFlat.reward()).isZero();
        assertThat(buyWhileLong.rewardComponents().get("fee")).isZero();
        assertThat(sell.rewardComponents().get("fee")).isEqualTo(-5.0);
        assertThat(sell.rewardComponents().get("pnl")).isZero();
        assertThat(market.position()).isZero();
    }

    @Test
    void theEpisodeIsTruncatedAfterEpisodeLengthStepsAndNeverTerminates() {
        // given
        MarketEnvironment market = new MarketEnvironment(MarketConfig.fromJson("{\"episodeLength\": 10}"));
        RandomGenerator rng = seeded(1);
        market.reset(rng);

        // when
        for (int i = 1; i < 10; i++) {
            Step step = market.step(HOLD, rng);
            assertThat(step.done()).isFalse();
        }
        Step last = market.step(HOLD, rng);

        // then
        assertThat(last.truncated()).isTrue();
        assertThat(last.terminated()).isFalse();
    }

    @Test
    void aPanicRegimeDrivesThePriceDownAndAStickyBullRegimeUp() {
        // given: regimes that never change
        MarketEnvironment panic = new MarketEnvironment(stuckIn("panic"));
        MarketEnvironment bull = new MarketEnvironment(stuckIn("bull"));

        // when
        double panicPrice = averageFinalPrice(panic);
        double bullPrice = averageFinalPrice(bull);

        // then
        assertThat(panicPrice).isLessThan(85);
        assertThat(bullPrice).isGreaterThan(105);
    }

    @Test
    void theMoodFollowsTheRegimeWhenThereIsNoNoise() {
        MarketEnvironment market = new MarketEnvironment(MarketConfig.fromJson("{\"moodNoise\": 0}"));
        RandomGenerator rng = seeded(4);
        market.reset(rng);

        Map<Regime, Integer> moods = new EnumMap<>(Regime.class);
        for (int i = 0; i < 60; i++) {
            market.step(HOLD, rng);
            moods.put(market.regime(), market.observation().mood());
        }

        moods.forEach((regime, mood) -> assertThat(mood).isEqualTo(regime.mood()));
    }

    private static MarketConfig stuckIn(String regime) {
        StringBuilder json = new StringBuilder("{\"moodNoise\": 0, \"regimes\": {");
        String[] all = {"bull", "bear", "chop", "panic"};
        for (int i = 0; i < all.length; i++) {
            json.append(i > 0 ? "," : "").append('"').append(all[i]).append("\": {\"initialWeight\": ");
            json.append(all[i].equals(regime) ? 1 : 0).append(", \"transitions\": {");
            for (int j = 0; j < all.length; j++) {
                json.append(j > 0 ? "," : "").append('"').append(all[j]).append("\": ");
                json.append(all[j].equals(regime) ? 1 : 0);
            }
            json.append("}}");
        }
        return MarketConfig.fromJson(json.append("}}").toString());
    }

    private static double averageFinalPrice(MarketEnvironment market) {
        RandomGenerator rng = seeded(21);
        double sum = 0;
        int episodes = 200;
        for (int e = 0; e < episodes; e++) {
            market.reset(rng);
            Step step;
            do {
                step = market.step(HOLD, rng);
            } while (!step.done());
            sum += market.price();
        }
        return sum / episodes;
    }
}
