package io.qswarm.projections.edge;

import io.qswarm.intelligence.api.StateKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a state key into the patterns it belongs to. A state key is read as features separated by {@code |}; a
 * feature {@code name=value} or {@code name:value} is named by the text before the first {@code =} or {@code :}, a
 * bare feature by its position {@code #0, #1, …}. So {@code taxi=3,2|passenger=R|dest=G} has features {@code taxi},
 * {@code passenger}, {@code dest}; {@code bucket:3|vol:high} has {@code bucket}, {@code vol}; the market's
 * {@code p3|v1|up|s0|m2} has {@code #0 … #4}.
 *
 * <p>Each declared pattern is a subset of feature names; the empty subset means the whole state key. The pattern of a
 * state is its features that belong to the subset, in the state's own order and spelling, joined by {@code |}
 * ({@code [passenger, dest]} turns {@code taxi=3,2|passenger=R|dest=G} into {@code passenger=R|dest=G}). A state with
 * none of the subset's features falls back to its whole key. One state yields each distinct pattern once.
 */
record PatternSelector(List<List<String>> patterns) {

    /** Only the whole state key. */
    static final PatternSelector WHOLE_STATE = new PatternSelector(List.of(List.of()));

    PatternSelector {
        if (patterns == null || patterns.isEmpty()) {
            throw new IllegalArgumentException("declare at least one pattern (an empty feature list is the whole key)");
        }
        patterns = patterns.stream().map(List::copyOf).toList();
    }

    List<String> patternsOf(StateKey state) {
        String key = state.value();
        Set<String> out = new LinkedHashSet<>();
        List<String> parts = null;
        for (List<String> features : patterns) {
            if (features.isEmpty()) {
                out.add(key);
                continue;
            }
            parts = parts != null ? parts : split(key);
            var chosen = new ArrayList<String>();
            for (int i = 0; i < parts.size(); i++) {
                if (features.contains(featureName(parts.get(i), i))) {
                    chosen.add(parts.get(i));
                }
            }
            out.add(chosen.isEmpty() ? key : String.join("|", chosen));
        }
        return List.copyOf(out);
    }

    static String featureName(String part, int position) {
        int equals = part.indexOf('=');
        int colon = part.indexOf(':');
        int at = equals < 0 ? colon : colon < 0 ? equals : Math.min(equals, colon);
        return at < 0 ? "#" + position : part.substring(0, at);
    }

    private static List<String> split(String key) {
        var parts = new ArrayList<String>();
        int from = 0;
        for (int i = 0; i <= key.length(); i++) {
            if (i == key.length() || key.charAt(i) == '|') {
                parts.add(key.substring(from, i));
                from = i + 1;
            }
        }
        return parts;
    }
}
