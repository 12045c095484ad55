package io.qswarm.projections.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSetMetaData;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SHA-256 of a read model's content: every row of every owned table in key order, every column by name with an
 * exact text form (doubles by their shortest round-trip text, timestamps as instants). Two databases holding the same
 * model give the same digest, so a rebuilt model can be compared with the live one.
 */
public final class ReadModelDigest {

    private ReadModelDigest() {}

    public static String of(JdbcTemplate jdbc, ReadModel model) {
        MessageDigest sha = sha256();
        for (ReadModel.OwnedTable table : model.tables()) {
            update(sha, "table " + table.name() + "\n");
            jdbc.query("SELECT * FROM " + table.name() + " ORDER BY " + table.orderBy(), rs -> {
                ResultSetMetaData meta = rs.getMetaData();
                var row = new StringBuilder();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    Object value = rs.getObject(c);
                    if (value instanceof OffsetDateTime at) {
                        value = at.toInstant();
                    }
                    row.append(meta.getColumnLabel(c).toLowerCase(java.util.Locale.ROOT))
                            .append('=')
                            .append(value)
                            .append('\u001f');
                }
                update(sha, row.append('\n').toString());
            });
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
