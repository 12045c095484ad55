package io.qswarm.federation.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotVersionTest {

    @Test
    void readsAndWritesTheVPrefixedForm() {
        assertThat(SnapshotVersion.parse("v1.0.3")).isEqualTo(new SnapshotVersion(1, 0, 3));
        assertThat(new SnapshotVersion(12, 4, 0)).hasToString("v12.4.0");
    }

    @Test
    void bumpsResetTheLowerParts() {
        var version = SnapshotVersion.parse("v2.3.4");
        assertThat(version.nextPatch()).hasToString("v2.3.5");
        assertThat(version.nextMinor()).hasToString("v2.4.0");
        assertThat(version.nextMajor()).hasToString("v3.0.0");
    }

    @Test
    void ordersNumericallyNotAlphabetically() {
        var versions = new ArrayList<>(List.of(
                SnapshotVersion.parse("v1.10.0"), SnapshotVersion.parse("v1.9.12"), SnapshotVersion.parse("v2.0.0")));
        Collections.shuffle(versions, new java.util.Random(7));
        Collections.sort(versions);
        assertThat(versions).extracting(SnapshotVersion::toString).containsExactly("v1.9.12", "v1.10.0", "v2.0.0");
    }

    @Test
    void refusesAnythingElse() {
        for (String text : List.of("1.0.0", "v1.0", "v1.0.0.1", "v01.0.0", "v0.1.0", "v1.-1.0", "v1.0.0 ", "")) {
            assertThatThrownBy(() -> SnapshotVersion.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> SnapshotVersion.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
