package io.qswarm.intelligence.integrity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The per-table hash chain: every event commits to its predecessor,
 * {@code hash = SHA-256(prev || canonical(payload))} with {@code prev} the 32 raw bytes of the previous event's hash
 * ({@link #GENESIS}, 32 zero bytes, for a table's first event). Both are stored hex-encoded in the event metadata
 * under {@link #PREVIOUS} and {@link #HASH}. Editing, removing or reordering any event breaks the chain at that event.
 */
public final class HashChain {

    /** Metadata key of the previous event's hash (hex). */
    public static final String PREVIOUS = "chain.prev";

    /** Metadata key of this event's hash (hex). */
    public static final String HASH = "chain.hash";

    /** The predecessor of a table's first event: 64 hex zeros. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest digest = sha256();
    private final CanonicalBytes.Sink sink = new CanonicalBytes.Sink();

    /** The hash of {@code payload} following {@code previous} (hex; null means {@link #GENESIS}). */
    public static String next(String previous, Object payload) {
        return new HashChain().link(previous, payload);
    }

    /** Like {@link #next}, reusing this instance's digest and buffer (not thread-safe). */
    public String link(String previous, Object payload) {
        digest.update(HEX.parseHex(previous == null ? GENESIS : previous));
        CanonicalBytes.encode(payload, sink);
        digest.update(sink.bytes(), 0, sink.size());
        return HEX.formatHex(digest.digest());
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
