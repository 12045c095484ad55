package io.qswarm.app.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Size limits of the REST API.
 *
 * @param maxBatchSize experiences per recorded batch
 * @param maxMergeEntries peer entries per merge
 * @param maxBodyBytes bytes of one request body
 * @param streamTimeout how long a server-sent event stream stays open before the client must reconnect
 */
@ConfigurationProperties("qswarm.api")
public record ApiLimits(int maxBatchSize, int maxMergeEntries, long maxBodyBytes, Duration streamTimeout) {

    public ApiLimits {
        streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
    }
}
