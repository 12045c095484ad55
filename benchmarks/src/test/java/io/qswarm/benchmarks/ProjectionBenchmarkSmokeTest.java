package io.qswarm.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-model benchmark end to end at a tiny size, so the harness cannot rot between real runs. */
class ProjectionBenchmarkSmokeTest {

    @Test
    void everyPhaseRunsAndReports(@TempDir Path work) throws Exception {
        String report = ProjectionBenchmark.run(Map.of(
                "work-dir", work.resolve("stores").toString(),
                "results-dir", work.toString(),
                "updates", "4000",
                "tables", "2",
                "processor-batch-sizes", "100",
                "isolated", "false",
                "lag-seconds", "2",
                "query-entries", "2000",
                "queries", "20"));

        assertThat(report)
                .contains("4,000 updates in 6 events")
                .contains("### Catch-up, processor batch size 100")
                .contains("| **all, concurrently** |")
                .contains("### Lag under sustained load")
                .contains("| confidence + 10 least-confident states (FetchTableConfidence) |")
                .doesNotContain("stalled");
        assertThat(work.resolve("projections.md")).exists();
    }
}
