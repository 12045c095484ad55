package io.qswarm.app.federation;

import io.qswarm.federation.transport.Nonce;
import io.qswarm.federation.transport.NonceLedger;
import io.qswarm.federation.transport.PeerId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The nonces peers used inside the replay window, in {@code federation_nonce}: a replay survives no restart. */
public class JdbcNonceLedger implements NonceLedger {

    private final JdbcTemplate jdbc;

    public JdbcNonceLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean firstUse(PeerId sender, Nonce nonce, Instant issuedAt) {
        try {
            jdbc.update(
                    "INSERT INTO federation_nonce (peer_id, nonce, issued_at) VALUES (?, ?, ?)",
                    sender.value(),
                    nonce.value(),
                    OffsetDateTime.ofInstant(issuedAt, ZoneOffset.UTC));
            return true;
        } catch (DuplicateKeyException replay) {
            return false;
        }
    }

    @Override
    public void forgetIssuedBefore(Instant instant) {
        jdbc.update(
                "DELETE FROM federation_nonce WHERE issued_at < ?", OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
