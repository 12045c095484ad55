package io.qswarm.environments.market;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The knobs of {@link MarketEnvironment}. Every instance is valid: the constructor checks every field and throws a
 * {@link MarketConfigException} listing all violations by JSON path ({@code regimes.panic.transitions} ...).
 *
 * <p>Files are read by {@link #fromJson(String)} / {@link #load(Path)}: a file may set any subset of the fields, the
 * rest come from the shipped {@code market-default.json}; the published JSON Schema is {@link #SCHEMA_RESOURCE}.
 *
 * @param episodeLength steps per episode; the last one is truncated
 * @param initialPrice price at reset
 * @param feeBps fee charged on every buy and every sell, in basis points of the traded notional
 * @param baseVolatility standard deviation of the per-step log-return before the regime's multiplier
 * @param shockProbability per-step probability of a shock before the regime's multiplier
 * @param shockSize absolute log-return of a shock
 * @param moodNoise probability that the mood signal is uniform noise instead of the regime's mood
 * @param regimes the parameters of each of the four regimes
 * @param quantization how observations are bucketed
 */
public record MarketConfig(
        int episodeLength,
        double initialPrice,
        double feeBps,
        double baseVolatility,
        double shockProbability,
        double shockSize,
        double moodNoise,
        Map<Regime, RegimeParameters> regimes,
        Quantization quantization) {

    /** Class-path location of the defaults. */
    public static final String DEFAULTS_RESOURCE = "/io/qswarm/environments/market/market-default.json";
    /** Class-path location of the JSON Schema (draft 2020-12) every market config file follows. */
    public static final String SCHEMA_RESOURCE = "/io/qswarm/environments/market/market-config.schema.json";

    private static final double PROBABILITY_SUM_TOLERANCE = 1e-6;

    public MarketConfig {
        EnumMap<Regime, RegimeParameters> copy = new EnumMap<>(Regime.class);
        if (regimes != null) {
            copy.putAll(regimes);
        }
        regimes = Collections.unmodifiableMap(copy);
        List<String> violations = violations(
                episodeLength,
                initialPrice,
                feeBps,
                baseVolatility,
                shockProbability,
                shockSize,
                moodNoise,
                regimes,
                quantization);
        if (!violations.isEmpty()) {
            throw new MarketConfigException(violations);
        }
    }

    /** The shipped defaults ({@code market-default.json}). */
    public static MarketConfig defaults() {
        return MarketConfigReader.read("{}");
    }

    /** Reads a config from JSON text; missing fields take the defaults. */
    public static MarketConfig fromJson(String json) {
        return MarketConfigReader.read(json);
    }

    public static MarketConfig fromJson(InputStream json) {
        try {
            return MarketConfigReader.read(new String(json.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read market config", e);
        }
    }

    public static MarketConfig load(Path file) {
        try {
            return MarketConfigReader.read(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read market config " + file, e);
        }
    }

    public RegimeParameters regime(Regime regime) {
        return regimes.get(regime);
    }

    /** The initial regime distribution: the {@code initialWeight}s normalised, in {@link Regime} order. */
    public double[] initialRegimeDistribution() {
        Regime[] all = Regime.values();
        double[] weights = new double[all.length];
        double total = 0;
        for (int i = 0; i < all.length; i++) {
            weights[i] = regimes.get(all[i]).initialWeight();
            total += weights[i];
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= total;
        }
        return weights;
    }

    private static List<String> violations(
            int episodeLength,
            double initialPrice,
            double feeBps,
            double baseVolatility,
            double shockProbability,
            double shockSize,
            double moodNoise,
            Map<Regime, RegimeParameters> regimes,
            Quantization quantization) {
        List<String> violations = new ArrayList<>();
        if (episodeLength < 1 || episodeLength > 100_000) {
            violations.add("episodeLength must be in [1, 100000], was " + episodeLength);
        }
        positive(violations, "initialPrice", initialPrice, 1e12);
        range(violations, "feeBps", feeBps, 0, 1_000);
        positive(violations, "baseVolatility", baseVolatility, 0.5);
        range(violations, "shockProbability", shockProbability, 0, 1);
        range(violations, "shockSize", shockSize, 0, 1);
        range(violations, "moodNoise", moodNoise, 0, 1);
        double totalWeight = 0;
        for (Regime regime : Regime.values()) {
            RegimeParameters parameters = regimes.get(regime);
            String path = "regimes." + regime.key();
            if (parameters == null) {
                violations.add(path + " is required");
                continue;
            }
            range(violations, path + ".drift", parameters.drift(), -0.1, 0.1);
            range(violations, path + ".volatilityMultiplier", parameters.volatilityMultiplier(), 0, 100);
            range(violations, path + ".shockMultiplier", parameters.shockMultiplier(), 0, 1_000);
            range(violations, path + ".downShockShare", parameters.downShockShare(), 0, 1);
            range(violations, path + ".initialWeight", parameters.initialWeight(), 0, 1e6);
            totalWeight += Double.isFinite(parameters.initialWeight()) ? Math.max(0, parameters.initialWeight()) : 0;
            double rowSum = 0;
            for (Regime to : Regime.values()) {
                Double p = parameters.transitions().get(to);
                String field = path + ".transitions." + to.key();
                if (p == null) {
                    violations.add(field + " is required");
                } else {
                    range(violations, field, p, 0, 1);
                    rowSum += p;
                }
            }
            if (Math.abs(rowSum - 1) > PROBABILITY_SUM_TOLERANCE) {
                violations.add(path + ".transitions must sum to 1, summed to " + rowSum);
            }
        }
        if (!(totalWeight > 0)) {
            violations.add("regimes.*.initialWeight must not all be 0");
        }
        if (quantization == null) {
            violations.add("quantization is required");
        } else {
            if (quantization.priceBuckets() < 1 || quantization.priceBuckets() > 1_000) {
                violations.add("quantization.priceBuckets must be in [1, 1000], was " + quantization.priceBuckets());
            }
            positive(violations, "quantization.priceBucketWidth", quantization.priceBucketWidth(), 10);
            List<Double> thresholds = quantization.volumeThresholds();
            if (thresholds.size() > 100) {
                violations.add("quantization.volumeThresholds must have at most 100 entries");
            }
            for (int i = 0; i < thresholds.size(); i++) {
                String field = "quantization.volumeThresholds[" + i + "]";
                range(violations, field, thresholds.get(i), 0, 1e6);
                if (i > 0 && !(thresholds.get(i) > thresholds.get(i - 1))) {
                    violations.add(field + " must be greater than the previous threshold " + thresholds.get(i - 1)
                            + ", was " + thresholds.get(i));
                }
            }
            if (quantization.trendWindow() < 1 || quantization.trendWindow() > 10_000) {
                violations.add("quantization.trendWindow must be in [1, 10000], was " + quantization.trendWindow());
            }
            range(violations, "quantization.trendThreshold", quantization.trendThreshold(), 0, 10);
        }
        return violations;
    }

    private static void range(List<String> violations, String field, double value, double min, double max) {
        if (!Double.isFinite(value) || value < min || value > max) {
            violations.add(field + " must be a finite number in [" + min + ", " + max + "], was " + value);
        }
    }

    private static void positive(List<String> violations, String field, double value, double max) {
        if (!Double.isFinite(value) || value <= 0 || value > max) {
            violations.add(field + " must be a finite number in (0, " + max + "], was " + value);
        }
    }
}
