package io.qswarm.environments.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketBacktestTest {

    @TempDir
    Path dir;

    private final MarketConfig config = MarketConfig.defaults();

    /** Buys when flat, sells when long: reads the position from the quantized state. */
    private final IntUnaryOperator flipFlop =
            state -> MarketObservation.decode(state, config.quantization()).scarcity() == 0
                    ? MarketEnvironment.BUY
                    : MarketEnvironment.SELL;

    private Path csv(String content) throws Exception {
        Path file = dir.resolve("bars.csv");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void rewardsFeesDrawdownAndTradesFollowTheSimulatorsAccounting() throws Exception {
        // given three bars: +10 % then -10 %
        var bars = MarketBacktest.readCsv(csv("time,price,volume,label\nt0,100,5,buy\nt1,110,7,hold\nt2,99,6,sell\n"));
        double fee = config.feeBps();

        // when the policy buys at t0 and sells at t1
        var result = MarketBacktest.run(bars, config, flipFlop);

        // then t0 earns the +10 % less the entry fee, t1 pays the exit fee and holds nothing
        assertThat(result.steps()).isEqualTo(2);
        assertThat(result.totalReward()).isCloseTo(1000.0 - 2 * fee, within(1e-9));
        assertThat(result.meanReward()).isCloseTo((1000.0 - 2 * fee) / 2, within(1e-9));
        assertThat(result.maxDrawdown()).isCloseTo(fee, within(1e-9));
        assertThat(result.trades()).isEqualTo(1);
        assertThat(result.winRate()).isEqualTo(1.0);
        assertThat(result.actionCounts()).containsEntry("buy", 1).containsEntry("sell", 1);
        assertThat(result.precision()).containsEntry("buy", 1.0).containsEntry("sell", 0.0);
        assertThat(result.recall()).containsEntry("buy", 1.0).containsEntry("hold", 0.0);
    }

    @Test
    void unlabelledDataHasNoPrecisionOrRecall() throws Exception {
        var bars = MarketBacktest.readCsv(csv("price\n100\n101\n102\n"));

        var result = MarketBacktest.run(bars, config, state -> MarketEnvironment.HOLD);

        assertThat(result.totalReward()).isZero();
        assertThat(result.precision()).isEmpty();
        assertThat(result.trades()).isZero();
    }

    @Test
    void badRowsAreRefusedWithTheLine() throws Exception {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MarketBacktest.readCsv(csv("time,price\nt0,100\nt1,-3\n")))
                .withMessageContaining("line 3")
                .withMessageContaining("price must be a positive finite number");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MarketBacktest.readCsv(csv("time,close\nt0,100\n")))
                .withMessageContaining("'price' column");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MarketBacktest.readCsv(csv("price,label\n100,moon\n101,hold\n")))
                .withMessageContaining("label must be hold, buy or sell");
    }
}
