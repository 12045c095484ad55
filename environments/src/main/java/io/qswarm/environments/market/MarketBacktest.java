package io.qswarm.environments.market;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Replays a policy on recorded market data ({@code time,price,volume[,label]} CSV), quantized into the market
 * environment's state space exactly as {@link MarketEnvironment} observes its own prices:
 *
 * <ul>
 *   <li>price bucket: {@code floor((ln p − ln p₀) / width + buckets/2)}, clamped, with {@code p₀} the first price;
 *   <li>volume bucket: activity {@code |ln(p_t / p_{t−1})| / baseVolatility} against the volume thresholds (the
 *       simulator's definition, so a policy trained there sees the same feature; the CSV volume is only reported);
 *   <li>trend: log-price change over the trend window against the trend threshold;
 *   <li>scarcity: the backtest's own position (0 flat, 1 long);
 *   <li>mood: the mood of the regime whose drift and volatility make the last window of returns most likely
 *       (Gaussian log-likelihood; a naive regime filter).
 * </ul>
 *
 * Per step {@code t} the policy acts on the state at {@code t}; the reward of holding from {@code t} to {@code t+1} is
 * {@code position · (p_{t+1}/p_t − 1) · 10⁴} bps, minus {@code feeBps} when the action changes the position, as in
 * the simulator.
 */
public final class MarketBacktest {

    /** One row of market data. {@code label} is hold/buy/sell or null. */
    public record Bar(String time, double price, double volume, String label) {}

    /** The figures of a backtest. Precision and recall are per action, against the labels, when present. */
    public record Result(
            int steps,
            double meanReward,
            double sharpeLike,
            double totalReward,
            double maxDrawdown,
            int trades,
            double winRate,
            Map<String, Integer> actionCounts,
            Map<String, Double> precision,
            Map<String, Double> recall) {}

    private static final String[] ACTIONS = {"hold", "buy", "sell"};

    private MarketBacktest() {}

    /** Reads a CSV with a header naming at least {@code price}; {@code time}, {@code volume}, {@code label} optional. */
    public static List<Bar> readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty");
        }
        String[] header = lines.get(0).trim().toLowerCase(Locale.ROOT).split(",");
        int time = indexOf(header, "time");
        int price = indexOf(header, "price");
        int volume = indexOf(header, "volume");
        int label = indexOf(header, "label");
        if (price < 0) {
            throw new IllegalArgumentException(file + ": the header must name a 'price' column, was " + lines.get(0));
        }
        var bars = new ArrayList<Bar>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            try {
                double p = Double.parseDouble(cells[price].trim());
                if (!(p > 0) || !Double.isFinite(p)) {
                    throw new IllegalArgumentException("price must be a positive finite number, was " + cells[price]);
                }
                double v = volume >= 0 && !cells[volume].isBlank() ? Double.parseDouble(cells[volume].trim()) : 0;
                String l = label >= 0 && !cells[label].isBlank()
                        ? cells[label].trim().toLowerCase(Locale.ROOT)
                        : null;
                if (l != null && !List.of(ACTIONS).contains(l)) {
                    throw new IllegalArgumentException("label must be hold, buy or sell, was '" + l + "'");
                }
                bars.add(new Bar(time >= 0 ? cells[time].trim() : Integer.toString(i), p, v, l));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (bars.size() < 2) {
            throw new IllegalArgumentException(file + " needs at least two price rows");
        }
        return bars;
    }

    /**
     * Runs {@code policy} (state index → action index: 0 hold, 1 buy, 2 sell) over the bars.
     *
     * @throws IllegalArgumentException when the policy answers an action outside 0..2
     */
    public static Result run(List<Bar> bars, MarketConfig config, IntUnaryOperator policy) {
        Quantization q = config.quantization();
        double logStart = Math.log(bars.get(0).price());
        var window = new ArrayDeque<Double>();
        var returns = new ArrayDeque<Double>();
        window.addLast(logStart);
        int position = 0;
        int volumeBucket = 0;
        Trend trend = Trend.FLAT;
        var rewards = new ArrayList<Double>();
        var counts = new LinkedHashMap<String, Integer>();
        for (String action : ACTIONS) {
            counts.put(action, 0);
        }
        int[][] confusion = new int[3][3];
        boolean labelled = false;
        double cumulative = 0;
        double peak = 0;
        double maxDrawdown = 0;
        int trades = 0;
        int wins = 0;
        double tradePnl = 0;
        for (int t = 0; t < bars.size() - 1; t++) {
            double logPrice = Math.log(bars.get(t).price());
            int priceBucket = priceBucket(logPrice - logStart, q);
            int mood = mood(returns, config);
            int state = new MarketObservation(priceBucket, volumeBucket, trend, position, mood).encode(q);
            int action = policy.applyAsInt(state);
            if (action < 0 || action > 2) {
                throw new IllegalArgumentException("the policy chose action " + action + " in state " + state);
            }
            counts.merge(ACTIONS[action], 1, Integer::sum);
            String label = bars.get(t).label();
            if (label != null) {
                labelled = true;
                confusion[List.of(ACTIONS).indexOf(label)][action]++;
            }
            double fee = 0;
            if (action == MarketEnvironment.BUY && position == 0) {
                position = 1;
                fee = config.feeBps();
                tradePnl = -fee;
            } else if (action == MarketEnvironment.SELL && position == 1) {
                position = 0;
                fee = config.feeBps();
                tradePnl -= fee;
                trades++;
                if (tradePnl > 0) {
                    wins++;
                }
            }
            double logReturn = Math.log(bars.get(t + 1).price()) - logPrice;
            double pnl = position == 0 ? 0.0 : Math.expm1(logReturn) * 10_000;
            if (position == 1) {
                tradePnl += pnl;
            }
            double reward = pnl - fee;
            rewards.add(reward);
            cumulative += reward;
            peak = Math.max(peak, cumulative);
            maxDrawdown = Math.max(maxDrawdown, peak - cumulative);
            volumeBucket = bucket(Math.abs(logReturn) / config.baseVolatility(), q);
            returns.addLast(logReturn);
            window.addLast(logPrice + logReturn);
            while (window.size() > q.trendWindow() + 1) {
                window.removeFirst();
            }
            while (returns.size() > Math.max(1, q.trendWindow())) {
                returns.removeFirst();
            }
            trend = Trend.of(window.peekLast() - window.peekFirst(), q.trendThreshold());
        }
        double mean =
                rewards.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double variance =
                rewards.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum() / Math.max(1, rewards.size() - 1);
        double sd = Math.sqrt(variance);
        var precision = new LinkedHashMap<String, Double>();
        var recall = new LinkedHashMap<String, Double>();
        if (labelled) {
            for (int a = 0; a < 3; a++) {
                int truePositive = confusion[a][a];
                int predicted = confusion[0][a] + confusion[1][a] + confusion[2][a];
                int actual = confusion[a][0] + confusion[a][1] + confusion[a][2];
                precision.put(ACTIONS[a], predicted == 0 ? Double.NaN : (double) truePositive / predicted);
                recall.put(ACTIONS[a], actual == 0 ? Double.NaN : (double) truePositive / actual);
            }
        }
        return new Result(
                rewards.size(),
                mean,
                sd == 0 ? 0 : mean / sd,
                cumulative,
                maxDrawdown,
                trades,
                trades == 0 ? Double.NaN : (double) wins / trades,
                counts,
                precision,
                recall);
    }

    private static int priceBucket(double logOffset, Quantization q) {
        int bucket = (int) Math.floor(logOffset / q.priceBucketWidth() + q.priceBuckets() / 2.0);
        return Math.max(0, Math.min(q.priceBuckets() - 1, bucket));
    }

    private static int bucket(double activity, Quantization q) {
        int bucket = 0;
        for (double threshold : q.volumeThresholds()) {
            if (activity >= threshold) {
                bucket++;
            }
        }
        return bucket;
    }

    /** The mood of the regime under which the recent returns are most likely; chop's mood with no history. */
    static int mood(Iterable<Double> recentReturns, MarketConfig config) {
        var logLikelihood = new EnumMap<Regime, Double>(Regime.class);
        for (Regime regime : Regime.values()) {
            RegimeParameters parameters = config.regime(regime);
            double sigma = config.baseVolatility() * parameters.volatilityMultiplier();
            double sum = 0;
            for (double r : recentReturns) {
                double z = (r - parameters.drift()) / sigma;
                sum += -0.5 * z * z - Math.log(sigma);
            }
            logLikelihood.put(regime, sum);
        }
        Regime best = Regime.CHOP;
        for (var entry : logLikelihood.entrySet()) {
            if (entry.getValue() > logLikelihood.get(best)) {
                best = entry.getKey();
            }
        }
        return best.mood();
    }

    private static int indexOf(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].trim().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
