package io.qswarm.infra.storage;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The storage stack of infra alone: Axon, JPA on H2, Flyway, snapshots and cache; no web, no projections. */
@SpringBootApplication(scanBasePackages = "io.qswarm.infra")
public class StorageTestApplication {}
