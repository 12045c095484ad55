package io.qswarm.infra.storage;

import java.sql.SQLException;

/**
 * Recognises a unique-key violation in an exception's causes, by SQLSTATE, on every store QSwarm supports. Other
 * integrity violations (a missing value, a foreign key) are not conflicts and must not be retried as one.
 */
final class DuplicateKeys {

    /** SQLSTATE {@code unique_violation} (H2 and PostgreSQL alike). */
    static final String UNIQUE_VIOLATION = "23505";

    private DuplicateKeys() {}

    static boolean isViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
