package io.qswarm.projections.edge;

import io.qswarm.intelligence.api.Experience;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The regime an experience happened in, as one string: the scope's entries sorted by key, joined as
 * {@code k=v|k=v} ({@link Experience#signature}), e.g. {@code bucket=micro|regime=bull|timeframe=1h}; empty when
 * unscoped. When {@code keys} is not empty only those scope entries count (e.g. {@code [regime]} groups all buckets
 * and timeframes of one regime together).
 *
 * <p>A signature longer than {@value #MAX_LENGTH} characters (possible only with many long scope entries) keeps its
 * first characters and ends with {@code ~} and the SHA-256 of the whole signature, so it stays unique and fits the
 * read model's key.
 */
record RegimeSignature(List<String> keys) {

    static final int MAX_LENGTH = 512;
    static final RegimeSignature ALL_KEYS = new RegimeSignature(List.of());

    RegimeSignature {
        keys = List.copyOf(keys);
    }

    String of(Map<String, String> scope) {
        if (scope.isEmpty()) {
            return "";
        }
        Map<String, String> chosen = scope;
        if (!keys.isEmpty()) {
            var filtered = new TreeMap<String, String>();
            for (var entry : scope.entrySet()) {
                if (keys.contains(entry.getKey())) {
                    filtered.put(entry.getKey(), entry.getValue());
                }
            }
            chosen = filtered;
        }
        return bounded(Experience.signature(chosen));
    }

    static String bounded(String signature) {
        if (signature.length() <= MAX_LENGTH) {
            return signature;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(signature.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(digest);
            return signature.substring(0, MAX_LENGTH - hex.length() - 1) + '~' + hex;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
