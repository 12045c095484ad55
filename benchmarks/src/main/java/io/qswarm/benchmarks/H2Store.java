package io.qswarm.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * One fresh embedded H2 database file, opened with the settings of the QSwarm server ({@code WRITE_DELAY=0}: an
 * acknowledged commit is written to the file) and the schema of its Flyway migrations. Every phase of a benchmark
 * gets its own store, so no phase pays for another's data.
 */
public record H2Store(Path directory) {

    public static final String USER = "sa";
    public static final String PASSWORD = "";
    public static final String MIGRATIONS_COMMON = "classpath:db/migration/common";
    public static final String MIGRATIONS_H2 = "classpath:db/migration/h2";

    /**
     * The store's URL. {@code -Dqswarm.bench.h2.query-cache-size=0} turns H2's per-session result cache off, so that
     * repeated queries are computed every time (a query benchmark then measures the query, not the cache).
     */
    public String url() {
        String cache = System.getProperty("qswarm.bench.h2.query-cache-size");
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("qswarm") + ";WRITE_DELAY=0"
                + (cache == null ? "" : ";QUERY_CACHE_SIZE=" + Integer.parseInt(cache));
    }

    /** The Spring properties that point a QSwarm context at this store, as {@code application.properties} does. */
    public Map<String, Object> springProperties() {
        return Map.of(
                "spring.datasource.url",
                url(),
                "spring.datasource.username",
                USER,
                "spring.datasource.password",
                PASSWORD,
                "spring.flyway.enabled",
                true,
                "spring.flyway.locations",
                MIGRATIONS_COMMON + ",classpath:db/migration/{vendor}");
    }

    /** Creates the schema without Spring, for phases that write through plain JDBC. */
    public void migrate() {
        Flyway.configure()
                .dataSource(url(), USER, PASSWORD)
                .locations(MIGRATIONS_COMMON, MIGRATIONS_H2)
                .load()
                .migrate();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }
}
