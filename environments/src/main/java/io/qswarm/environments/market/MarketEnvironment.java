package io.qswarm.environments.market;

import io.qswarm.environments.Action;
import io.qswarm.environments.Environment;
import io.qswarm.environments.Sampling;
import io.qswarm.environments.Step;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * A synthetic market with a hidden regime. The agent is flat or long one unit of notional; actions are 0 hold, 1 buy
 * (flat to long; no-op when already long), 2 sell (long to flat; no-op when flat).
 *
 * <p>One step, in this order, with {@code g} the current regime:
 *
 * <ol>
 *   <li>the action changes the position; a buy or sell that changes it costs {@code feeBps};
 *   <li>draws, always all of them and in this order: {@code z = nextGaussian()}, {@code uShock}, {@code uSign},
 *       then the next regime (one {@code nextDouble} through {@link Sampling#categorical}), then {@code uMood} and
 *       {@code noiseMood = nextInt(4)};
 *   <li>{@code shock = uShock < min(1, shockProbability * shockMultiplier[g])}, a drop of {@code shockSize} when
 *       {@code uSign < downShockShare[g]}, a jump otherwise;
 *   <li>{@code r = drift[g] + baseVolatility * volatilityMultiplier[g] * z + shock} is the log-return; the price is
 *       multiplied by {@code exp(r)};
 *   <li>reward, in basis points: {@code pnl = position * (exp(r) - 1) * 10000} (the position after the action) and
 *       {@code fee = -feeBps} if the position changed, else 0; {@code reward = pnl + fee};
 *   <li>the regime moves along its transition row; the mood is {@code noiseMood} if {@code uMood < moodNoise},
 *       otherwise the new regime's mood;
 *   <li>the episode is truncated (never terminated) after {@code episodeLength} steps.
 * </ol>
 *
 * <p>Reset: regime from the normalised {@code initialWeight}s (one {@code nextDouble}), mood as above ({@code uMood},
 * {@code noiseMood}), price {@code initialPrice}, flat, volume bucket 0, trend flat. State: see
 * {@link MarketObservation}; {@link #stateKey} gives e.g. {@code p3|v1|up|s0|m2}.
 */
public final class MarketEnvironment implements Environment {

    public static final String NAME = "Market-v0";
    public static final int HOLD = 0;
    public static final int BUY = 1;
    public static final int SELL = 2;

    private static final double BPS = 10_000;

    private final MarketConfig config;
    private final Quantization quantization;
    private final List<Action> actions;
    private final double logInitialPrice;
    private final ArrayDeque<Double> window = new ArrayDeque<>();

    private static final Map<Regime, Map<String, String>> SCOPES = scopes();

    private Regime regime;
    private Regime stepRegime;
    private double logPrice;
    private int position;
    private int volumeBucket;
    private Trend trend = Trend.FLAT;
    private int mood;
    private int steps;
    private boolean episodeOver = true;
    private int state = -1;

    public MarketEnvironment() {
        this(MarketConfig.defaults());
    }

    public MarketEnvironment(MarketConfig config) {
        this.config = config;
        this.quantization = config.quantization();
        this.actions =
                List.of(Action.free("hold"), new Action("buy", config.feeBps()), new Action("sell", config.feeBps()));
        this.logInitialPrice = Math.log(config.initialPrice());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The values each part of this environment's state keys can take ({@link MarketObservation#featureValues}). */
    public Map<String, List<String>> featureValues() {
        return MarketObservation.featureValues(quantization);
    }

    @Override
    public int stateCount() {
        return MarketObservation.stateCount(quantization);
    }

    @Override
    public List<Action> actions() {
        return actions;
    }

    @Override
    public OptionalInt timeLimit() {
        return OptionalInt.of(config.episodeLength());
    }

    @Override
    public int reset(RandomGenerator rng) {
        stepRegime = null;
        regime = Regime.values()[Sampling.categorical(config.initialRegimeDistribution(), rng)];
        mood = observeMood(rng);
        logPrice = logInitialPrice;
        window.clear();
        window.addLast(logPrice);
        position = 0;
        volumeBucket = 0;
        trend = Trend.FLAT;
        steps = 0;
        episodeOver = false;
        state = observation().encode(quantization);
        return state;
    }

    @Override
    public Step step(int action, RandomGenerator rng) {
        if (episodeOver) {
            throw new IllegalStateException(NAME + ": call reset before stepping (no episode is running)");
        }
        if (action < 0 || action >= actions.size()) {
            throw new IllegalArgumentException(NAME + ": action must be in [0, 2], was " + action);
        }
        double fee = 0;
        if (action == BUY && position == 0) {
            position = 1;
            fee = config.feeBps();
        } else if (action == SELL && position == 1) {
            position = 0;
            fee = config.feeBps();
        }
        RegimeParameters parameters = config.regime(regime);
        stepRegime = regime;
        double z = rng.nextGaussian();
        double uShock = rng.nextDouble();
        double uSign = rng.nextDouble();
        double shockChance = Math.min(1.0, config.shockProbability() * parameters.shockMultiplier());
        double shock = 0;
        if (uShock < shockChance) {
            shock = uSign < parameters.downShockShare() ? -config.shockSize() : config.shockSize();
        }
        double logReturn = parameters.drift() + config.baseVolatility() * parameters.volatilityMultiplier() * z + shock;
        logPrice += logReturn;
        double pnl = position == 0 ? 0.0 : Math.expm1(logReturn) * BPS;

        regime = nextRegime(parameters, rng);
        mood = observeMood(rng);
        volumeBucket = volumeBucket(Math.abs(logReturn) / config.baseVolatility());
        window.addLast(logPrice);
        while (window.size() > quantization.trendWindow() + 1) {
            window.removeFirst();
        }
        trend = Trend.of(window.peekLast() - window.peekFirst(), quantization.trendThreshold());
        steps++;
        boolean truncated = steps >= config.episodeLength();
        episodeOver = truncated;
        state = observation().encode(quantization);

        Map<String, Double> components = new LinkedHashMap<>();
        components.put("pnl", pnl);
        components.put("fee", fee == 0 ? 0.0 : -fee);
        return new Step(state, pnl - fee, false, truncated, components);
    }

    @Override
    public String stateKey(int state) {
        return MarketObservation.decode(state, quantization).key();
    }

    @Override
    public int state() {
        if (state < 0) {
            throw new IllegalStateException(NAME + ": call reset first");
        }
        return state;
    }

    /** The current observation (what {@link #state()} encodes). */
    public MarketObservation observation() {
        return new MarketObservation(priceBucket(), volumeBucket, trend, position, mood);
    }

    /**
     * The regime that produced the last step's return, as {@code regime=<key>}: a label for read models (edge scores
     * per regime), not part of the state agents learn on.
     */
    @Override
    public Map<String, String> scope() {
        return stepRegime == null ? Map.of() : SCOPES.get(stepRegime);
    }

    /** The hidden regime, for diagnostics and tests; agents see only the mood. */
    public Regime regime() {
        return regime;
    }

    public double price() {
        return Math.exp(logPrice);
    }

    /** 0 flat, 1 long. */
    public int position() {
        return position;
    }

    public MarketConfig config() {
        return config;
    }

    private Regime nextRegime(RegimeParameters parameters, RandomGenerator rng) {
        Regime[] all = Regime.values();
        double[] row = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            row[i] = parameters.transition(all[i]);
        }
        return all[Sampling.categorical(row, rng)];
    }

    private int observeMood(RandomGenerator rng) {
        double uMood = rng.nextDouble();
        int noiseMood = rng.nextInt(MarketObservation.MOODS);
        return uMood < config.moodNoise() ? noiseMood : regime.mood();
    }

    private int priceBucket() {
        int buckets = quantization.priceBuckets();
        double offset = (logPrice - logInitialPrice) / quantization.priceBucketWidth();
        int bucket = (int) Math.floor(offset + buckets / 2.0);
        return Math.max(0, Math.min(buckets - 1, bucket));
    }

    private int volumeBucket(double activity) {
        int bucket = 0;
        for (double threshold : quantization.volumeThresholds()) {
            if (activity >= threshold) {
                bucket++;
            }
        }
        return bucket;
    }

    private static Map<Regime, Map<String, String>> scopes() {
        var scopes = new java.util.EnumMap<Regime, Map<String, String>>(Regime.class);
        for (Regime each : Regime.values()) {
            scopes.put(each, Map.of("regime", each.key()));
        }
        return scopes;
    }
}
