package io.qswarm.projections.support;

import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** A fresh in-memory H2 migrated by the module's own Flyway scripts, for projection tests. */
public final class ReadModelDatabase {

    private ReadModelDatabase() {}

    public static JdbcTemplate migrated(String name) {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common")
                .load()
                .migrate();
        return new JdbcTemplate(dataSource);
    }

    /** Live updates with no subscriber: projections compute nothing for them. */
    public static LiveUpdates noSubscribers() {
        return new LiveUpdates(SimpleQueryUpdateEmitter.builder().build());
    }
}
