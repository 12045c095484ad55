package io.qswarm.infra.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs a test's Spring context on the PostgreSQL server the build started, instead of the H2 store the test names.
 *
 * <p>Active only when the system property {@value #SERVER} holds that server's JDBC URL (the build's
 * {@code integration-test-postgres} Failsafe execution sets it). Each H2 store a test names maps to one PostgreSQL
 * schema, derived from the H2 database's name ({@code jdbc:h2:mem:NAME}) or file: two contexts a test opens on the same
 * H2 store (a second node, a restart) open the same schema, and different stores stay apart, exactly as on H2. Flyway
 * creates the schema and migrates it with the {@code postgresql} vendor scripts.
 */
public final class PostgresTestStore implements EnvironmentPostProcessor {

    /** The JDBC URL of the build's PostgreSQL database, e.g. {@code jdbc:postgresql://127.0.0.1:5433/qswarm}. */
    public static final String SERVER = "qswarm.it.postgres.url";

    /** Set in a context that tests H2 itself (an H2 store file from an earlier version): it stays on H2. */
    public static final String H2_ONLY = "qswarm.it.h2-only";

    /** The user to connect as (default {@code postgres}; the build's server trusts local connections). */
    public static final String USER = "qswarm.it.postgres.user";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String server = System.getProperty(SERVER);
        String h2 = environment.getProperty("spring.datasource.url");
        if (server == null
                || h2 == null
                || !h2.startsWith("jdbc:h2:")
                || environment.getProperty(H2_ONLY, Boolean.class, false)) {
            return;
        }
        String schema = schemaFor(h2);
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "qswarm-postgres-test-store",
                        Map.of(
                                "spring.datasource.url",
                                server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                                "spring.datasource.username",
                                System.getProperty(USER, "postgres"),
                                "spring.datasource.password",
                                "",
                                "spring.flyway.schemas",
                                schema,
                                "spring.flyway.default-schema",
                                schema)));
    }

    /** The schema standing in for an H2 store: {@code it_} and a hash of the database's name or file. */
    public static String schemaFor(String h2Url) {
        String rest = h2Url.substring("jdbc:h2:".length());
        int options = rest.indexOf(';');
        String database = options < 0 ? rest : rest.substring(0, options);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(database.getBytes(StandardCharsets.UTF_8));
            return "it_" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
