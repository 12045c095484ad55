package io.qswarm.intelligence.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperienceTest {

    private static Experience scoped(Map<String, String> scope) {
        return Experience.transition(StateKey.of("s0"), "buy", 1.0, StateKey.of("s1"))
                .withScope(scope);
    }

    @Test
    void anUnscopedExperienceHasAnEmptyScope() {
        assertThat(Experience.terminal(StateKey.of("s0"), "buy", 1.0).scope()).isEmpty();
        assertThat(new Experience(StateKey.of("s0"), "buy", 1.0, null, null, null, true, null).scope())
                .isEmpty();
    }

    @Test
    void theSignatureListsTheScopeSortedByKey() {
        var experience = scoped(Map.of("timeframe", "1h", "regime", "bull", "bucket", "micro"));

        assertThat(Experience.signature(experience.scope())).isEqualTo("bucket=micro|regime=bull|timeframe=1h");
        assertThat(Experience.signature(Map.of())).isEmpty();
    }

    @Test
    void aScopeWithABadKeyOrValueIsRefusedWithItsReason() {
        assertThatThrownBy(() -> scoped(Map.of("regime", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scope value of regime");
        assertThatThrownBy(() -> scoped(Map.of("re gime", "bull")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scope key");
        var nulls = new HashMap<String, String>();
        nulls.put("regime", null);
        assertThatThrownBy(() -> scoped(nulls)).hasMessageContaining("scope value of regime");
    }

    @Test
    void aScopeWithTooManyEntriesIsRefused() {
        var large = new HashMap<String, String>();
        for (int i = 0; i <= Experience.MAX_SCOPE_ENTRIES; i++) {
            large.put("k" + i, "v");
        }
        assertThatThrownBy(() -> scoped(large)).hasMessageContaining("at most 16");
    }

    @Test
    void anActionWithoutCategoryIsItsOwnCategory() {
        assertThat(ActionSpec.of("buy", 0.0).categoryOrName()).isEqualTo("buy");
        assertThat(new ActionSpec("buy", 0.0, "entry").categoryOrName()).isEqualTo("entry");
        assertThatThrownBy(() -> new ActionSpec("buy", 0.0, "bad category"))
                .hasMessageContaining("category of action buy");
    }
}
