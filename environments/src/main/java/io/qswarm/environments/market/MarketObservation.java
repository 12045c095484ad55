package io.qswarm.environments.market;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the agent sees of the market: the quantized tuple behind a market state number.
 *
 * @param priceBucket where the price sits relative to the initial price, {@code 0 .. priceBuckets - 1}
 * @param volumeBucket how large the last move was relative to the base volatility, {@code 0 .. volumeBuckets - 1}
 * @param trend direction of the log-price over the trend window
 * @param scarcity whether the agent's capital is committed: 0 flat (cash available), 1 long (no cash left to buy)
 * @param mood the sentiment signal: 0 panic, 1 fear, 2 neutral, 3 greed (the regime's mood, or noise)
 */
public record MarketObservation(int priceBucket, int volumeBucket, Trend trend, int scarcity, int mood) {

    public static final int TRENDS = 3;
    public static final int SCARCITY_LEVELS = 2;
    public static final int MOODS = 4;

    public MarketObservation {
        if (priceBucket < 0 || volumeBucket < 0 || trend == null || scarcity < 0 || scarcity >= SCARCITY_LEVELS) {
            throw new IllegalArgumentException("invalid market observation");
        }
        if (mood < 0 || mood >= MOODS) {
            throw new IllegalArgumentException("mood must be in [0, 3], was " + mood);
        }
    }

    /** {@code (((priceBucket * V + volumeBucket) * 3 + trend) * 2 + scarcity) * 4 + mood}. */
    public int encode(Quantization quantization) {
        if (priceBucket >= quantization.priceBuckets() || volumeBucket >= quantization.volumeBuckets()) {
            throw new IllegalArgumentException("observation outside the quantization: " + this);
        }
        return (((priceBucket * quantization.volumeBuckets() + volumeBucket) * TRENDS + trend.ordinal())
                                        * SCARCITY_LEVELS
                                + scarcity)
                        * MOODS
                + mood;
    }

    public static MarketObservation decode(int state, Quantization quantization) {
        if (state < 0 || state >= stateCount(quantization)) {
            throw new IllegalArgumentException(
                    "market state must be in [0, " + (stateCount(quantization) - 1) + "], was " + state);
        }
        int mood = state % MOODS;
        int rest = state / MOODS;
        int scarcity = rest % SCARCITY_LEVELS;
        rest /= SCARCITY_LEVELS;
        Trend trend = Trend.values()[rest % TRENDS];
        rest /= TRENDS;
        return new MarketObservation(
                rest / quantization.volumeBuckets(), rest % quantization.volumeBuckets(), trend, scarcity, mood);
    }

    public static int stateCount(Quantization quantization) {
        return quantization.priceBuckets() * quantization.volumeBuckets() * TRENDS * SCARCITY_LEVELS * MOODS;
    }

    /**
     * The values each part of {@link #key()} can take, by feature name in key order ({@code price}, {@code volume},
     * {@code trend}, {@code scarcity}, {@code mood}): what a table reading the key positionally declares.
     */
    public static Map<String, List<String>> featureValues(Quantization quantization) {
        var features = new LinkedHashMap<String, List<String>>();
        features.put("price", labels("p", quantization.priceBuckets()));
        features.put("volume", labels("v", quantization.volumeBuckets()));
        features.put("trend", Arrays.stream(Trend.values()).map(Trend::key).toList());
        features.put("scarcity", labels("s", SCARCITY_LEVELS));
        features.put("mood", labels("m", MOODS));
        return Collections.unmodifiableMap(features);
    }

    private static List<String> labels(String prefix, int count) {
        var labels = new ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            labels.add(prefix + i);
        }
        return List.copyOf(labels);
    }

    /** The readable key, e.g. {@code p3|v1|up|s0|m2}. */
    public String key() {
        return "p" + priceBucket + "|v" + volumeBucket + "|" + trend.key() + "|s" + scarcity + "|m" + mood;
    }
}
