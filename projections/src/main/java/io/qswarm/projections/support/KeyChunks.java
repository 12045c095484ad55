package io.qswarm.projections.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

/** Splits a key set into {@code IN (?, ?, …)} lists of bounded length, so one query never grows without limit. */
public final class KeyChunks {

    public static final int CHUNK = 500;

    private KeyChunks() {}

    /**
     * Calls {@code query} once per chunk with the placeholder list ({@code "?, ?, ?"}) and the arguments: {@code first}
     * followed by the chunk's keys.
     */
    public static void forEach(Object first, Collection<String> keys, BiConsumer<String, Object[]> query) {
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            var args = new Object[chunk.size() + 1];
            args[0] = first;
            for (int i = 0; i < chunk.size(); i++) {
                args[i + 1] = chunk.get(i);
            }
            query.accept(String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")), args);
        }
    }
}
