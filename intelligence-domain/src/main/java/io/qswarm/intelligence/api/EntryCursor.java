package io.qswarm.intelligence.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of a table's entries ends: the last entry's state and action index (declaration order). The next page
 * starts after it, so reading a table page by page costs the same at its end as at its start (keyset pagination).
 * Travels as an opaque URL-safe token.
 */
public record EntryCursor(StateKey state, int actionIndex) {

    public EntryCursor {
        Checks.required("state", state);
        if (actionIndex < 0) {
            throw new IllegalArgumentException("actionIndex must not be negative, was " + actionIndex);
        }
    }

    /** {@code base64url("<actionIndex>:<state>")}, without padding. */
    public String token() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((actionIndex + ":" + state.value()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a token made by {@link #token()}.
     *
     * @throws IllegalArgumentException with the reason when the token was not made by {@link #token()}
     */
    public static EntryCursor of(String token) {
        Checks.required("after", token);
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "after must be the 'next' token of a previous page, was '" + token + "'");
        }
        int colon = decoded.indexOf(':');
        try {
            if (colon < 1) {
                throw new NumberFormatException();
            }
            return new EntryCursor(StateKey.of(decoded.substring(colon + 1)), Integer.parseInt(decoded, 0, colon, 10));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "after must be the 'next' token of a previous page, was '" + token + "'");
        }
    }
}
