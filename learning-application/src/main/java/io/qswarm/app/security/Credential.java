package io.qswarm.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The text of a credential: {@code <prefix>_<id>_<secret>}, e.g. {@code qsw_k3v7q2mxa4hd_Jx9...}. The id (12 characters
 * of base32, 60 random bits) names the row that holds the credential, so it can be listed and revoked without the
 * secret; the secret is 32 random bytes (256 bits, base64url), of which the store keeps only the SHA-256. A slow
 * password hash would add nothing for a secret of this entropy (docs/adr: API tokens). The prefix tells what the
 * credential is, and lets secret scanners recognise it.
 *
 * @param kind what the credential is, by its prefix
 * @param id the row's id
 * @param secret the secret part
 */
public record Credential(ApiTokens.Kind kind, String id, String secret) {

    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final int ID_LENGTH = 12;
    private static final int SECRET_BYTES = 32;
    private static final int SECRET_LENGTH = 43;

    /** A new credential of {@code kind}: random id and secret. */
    static Credential generate(ApiTokens.Kind kind, SecureRandom random) {
        var id = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return new Credential(
                kind, id.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The credential in {@code text}, or empty when it is not one (wrong prefix, length or characters). */
    public static Optional<Credential> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (ApiTokens.Kind kind : ApiTokens.Kind.values()) {
            String prefix = kind.prefix() + "_";
            if (text.startsWith(prefix)
                    && text.length() == prefix.length() + ID_LENGTH + 1 + SECRET_LENGTH
                    && text.charAt(prefix.length() + ID_LENGTH) == '_') {
                String id = text.substring(prefix.length(), prefix.length() + ID_LENGTH);
                String secret = text.substring(prefix.length() + ID_LENGTH + 1);
                if (id.chars().allMatch(c -> ID_ALPHABET.indexOf(c) >= 0)
                        && secret.chars().allMatch(Credential::base64url)) {
                    return Optional.of(new Credential(kind, id, secret));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether {@code text} looks like a credential of this system at all (its prefix), well-formed or not. */
    public static boolean looksLikeOne(String text) {
        if (text == null) {
            return false;
        }
        for (ApiTokens.Kind kind : ApiTokens.Kind.values()) {
            if (text.startsWith(kind.prefix() + "_")) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code id} is a well-formed credential id (12 characters of base32). */
    public static boolean wellFormedId(String id) {
        return id != null && id.length() == ID_LENGTH && id.chars().allMatch(c -> ID_ALPHABET.indexOf(c) >= 0);
    }

    /** What the store keeps of the secret: its SHA-256, hex. */
    String hash() {
        return sha256(secret);
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether this secret's hash is {@code storedHash}, compared in constant time. */
    boolean matches(String storedHash) {
        return MessageDigest.isEqual(
                hash().getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** The whole credential, as given to its holder once. */
    public String text() {
        return kind.prefix() + "_" + id + "_" + secret;
    }

    @Override
    public String toString() {
        return kind.prefix() + "_" + id + "_***";
    }

    private static boolean base64url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
