package io.qswarm.app.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Size limits of the REST API.
 *
 * @param maxBatchSize experiences per recorded batch
 * @param maxMergeEntries peer entries per merge
 * @param maxBodyBytes bytes of one request body
 */
@ConfigurationProperties("qswarm.api")
public record ApiLimits(int maxBatchSize, int maxMergeEntries, long maxBodyBytes) {}
