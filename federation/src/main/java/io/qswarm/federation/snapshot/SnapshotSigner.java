package io.qswarm.federation.snapshot;

import io.qswarm.intelligence.api.Checks;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/** Signs manifest lines with the publisher's Ed25519 key (deterministic: the same bytes give the same signature). */
public final class SnapshotSigner {

    private final String keyId;
    private final PrivateKey key;

    public SnapshotSigner(String keyId, PrivateKey key) {
        this.keyId = Checks.identifier("keyId", keyId);
        this.key = Checks.required("key", key);
        if (!SnapshotKeys.ALGORITHM.equalsIgnoreCase(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("snapshots are signed with Ed25519, the key is " + key.getAlgorithm());
        }
    }

    public String keyId() {
        return keyId;
    }

    /** The base64 signature of {@code bytes}. */
    public String sign(byte[] bytes) {
        try {
            Signature signature = Signature.getInstance(SnapshotKeys.ALGORITHM);
            signature.initSign(key);
            signature.update(bytes);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed: " + e.getMessage(), e);
        }
    }
}
