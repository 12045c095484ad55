package io.qswarm.environments.market;

import java.util.List;

/**
 * How the observed market is cut into a finite state.
 *
 * @param priceBuckets number of price buckets, centred on the initial price
 * @param priceBucketWidth width of one price bucket in log-price (0.02 is about 2 %)
 * @param volumeThresholds increasing cut points of the activity {@code |log-return| / baseVolatility}; n thresholds
 *     give n + 1 volume buckets
 * @param trendWindow steps over which the trend is measured
 * @param trendThreshold log-price change over the window beyond which the trend is up or down
 */
public record Quantization(
        int priceBuckets,
        double priceBucketWidth,
        List<Double> volumeThresholds,
        int trendWindow,
        double trendThreshold) {

    public Quantization {
        volumeThresholds = volumeThresholds == null ? List.of() : List.copyOf(volumeThresholds);
    }

    public int volumeBuckets() {
        return volumeThresholds.size() + 1;
    }
}
