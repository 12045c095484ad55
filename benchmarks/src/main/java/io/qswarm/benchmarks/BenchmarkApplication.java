package io.qswarm.benchmarks;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The command side of QSwarm and nothing else: the {@code infra} configuration (QTable aggregate, Jackson storage,
 * snapshots, cache) on the JPA event store. No web server, no projections, no agent runtime, so a benchmark measures
 * the write path alone.
 */
@SpringBootApplication(scanBasePackages = "io.qswarm.infra")
public class BenchmarkApplication {}
