package io.qswarm.infra.deadline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the persistent deadline manager polls its table ({@code qswarm.deadlines.*}).
 *
 * @param pollingInterval how often due deadlines are looked for: a deadline fires at most this late (default 1 s)
 * @param threads deadlines handled at once (default 2)
 * @param shutdownMaxWait how long a stopping server waits for deadline handlers that are running (default 5 s)
 */
@ConfigurationProperties("qswarm.deadlines")
public record DeadlineSettings(Duration pollingInterval, Integer threads, Duration shutdownMaxWait) {

    public DeadlineSettings {
        pollingInterval = positive("polling-interval", pollingInterval, Duration.ofSeconds(1));
        threads = threads == null ? 2 : threads;
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("qswarm.deadlines.threads must be in [1, 64], was " + threads);
        }
        shutdownMaxWait = positive("shutdown-max-wait", shutdownMaxWait, Duration.ofSeconds(5));
    }

    private static Duration positive(String name, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("qswarm.deadlines." + name + " must be positive, was " + value);
        }
        return value;
    }
}
