package io.qswarm.federation.snapshot;

import io.qswarm.intelligence.api.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The publishers a consumer trusts: key id → Ed25519 public key. */
public final class TrustStore {

    private final Map<String, PublicKey> keys;

    private TrustStore(Map<String, PublicKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    public static TrustStore of(Map<String, PublicKey> keys) {
        Checks.required("keys", keys);
        keys.forEach((id, key) -> {
            Checks.identifier("key id", id);
            Checks.required("key of " + id, key);
        });
        return new TrustStore(keys);
    }

    /**
     * Reads a trust file: one {@code <key id> <base64 X.509 public key>} per line; blank lines and lines starting
     * with {@code #} are ignored.
     */
    public static TrustStore load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trust file " + file, e);
        }
        var keys = new TreeMap<String, PublicKey>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected '<key id> <public key>'");
            }
            if (keys.put(parts[0], SnapshotKeys.publicKey(parts[1])) != null) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": key id " + parts[0] + " appears twice");
            }
        }
        return of(keys);
    }

    public boolean knows(String keyId) {
        return keys.containsKey(keyId);
    }

    /**
     * Verifies a base64 signature of {@code bytes} by {@code keyId}.
     *
     * @throws SnapshotRefusedException {@code UNKNOWN_SIGNER} or {@code BAD_SIGNATURE}
     */
    void verify(String keyId, byte[] bytes, String signature) {
        PublicKey key = keys.get(keyId);
        if (key == null) {
            throw new SnapshotRefusedException(
                    SnapshotRefusedException.Reason.UNKNOWN_SIGNER, "signer " + keyId + " is not trusted");
        }
        boolean valid;
        try {
            Signature verifier = Signature.getInstance(SnapshotKeys.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(bytes);
            valid = verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            valid = false;
        }
        if (!valid) {
            throw new SnapshotRefusedException(
                    SnapshotRefusedException.Reason.BAD_SIGNATURE,
                    "the signature does not verify with the key of " + keyId);
        }
    }
}
