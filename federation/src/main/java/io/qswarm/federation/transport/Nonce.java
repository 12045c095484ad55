package io.qswarm.federation.transport;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Base64;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A value a sender uses once: 16 to 64 random bytes, base64url without padding. A receiver accepts each nonce of a
 * peer once, so a recorded packet cannot be replayed.
 */
public record Nonce(@JsonValue String value) {

    public static final int BYTES = 16;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22,86}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Nonce {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("nonce must be 16 to 64 bytes in base64url without padding");
        }
    }

    /** A fresh nonce of {@link #BYTES} bytes drawn from {@code random} (a {@code SecureRandom} in production). */
    public static Nonce from(RandomGenerator random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new Nonce(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
