package io.qswarm.federation.transport;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.qswarm.intelligence.api.Checks;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A peer's Ed25519 public key: the base64 of its X.509 encoding (what {@code PublicKey.getEncoded()} gives, 44 bytes).
 * Public material only; a deployment's private key never leaves its data directory.
 */
public record PeerKey(@JsonValue String encoded) {

    public static final String ALGORITHM = "Ed25519";
    private static final int MAX_LENGTH = 200;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PeerKey {
        Checks.text("publicKey", encoded, MAX_LENGTH);
        decode(encoded);
    }

    public static PeerKey of(PublicKey key) {
        if (!ALGORITHM.equalsIgnoreCase(key.getAlgorithm()) && !"EdDSA".equalsIgnoreCase(key.getAlgorithm())) {
            throw new IllegalArgumentException("a peer key must be an Ed25519 key, was " + key.getAlgorithm());
        }
        return new PeerKey(Base64.getEncoder().encodeToString(key.getEncoded()));
    }

    /** The key as a JDK public key, for {@code Signature.getInstance("Ed25519")}. */
    public PublicKey publicKey() {
        return decode(encoded);
    }

    /** A short fingerprint to compare keys by eye: {@code ed25519:} and the first 16 hex digits of its SHA-256. */
    public String keyId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Base64.getDecoder().decode(encoded));
            return "ed25519:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static PublicKey decode(String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("publicKey must be base64: " + e.getMessage());
        }
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "publicKey must be the base64 X.509 encoding of an Ed25519 public key (" + e.getMessage() + ")");
        }
    }

    @Override
    public String toString() {
        return encoded;
    }
}
