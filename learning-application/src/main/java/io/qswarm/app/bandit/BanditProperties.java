package io.qswarm.app.bandit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the bandit runtime.
 *
 * @param seed the seed of every decision's generator (with the policy id and the decision number); default 1
 * @param maxLoggedInteractions tuples one warm-start or evaluation request may carry; default 100,000
 */
@ConfigurationProperties("qswarm.bandit")
public record BanditProperties(Long seed, Integer maxLoggedInteractions) {

    public BanditProperties {
        seed = seed == null ? 1L : seed;
        maxLoggedInteractions = maxLoggedInteractions == null ? 100_000 : maxLoggedInteractions;
        if (maxLoggedInteractions < 1) {
            throw new IllegalArgumentException(
                    "qswarm.bandit.max-logged-interactions must be positive, was " + maxLoggedInteractions);
        }
    }
}
