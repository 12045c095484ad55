#!/usr/bin/env bash
# Read-model benchmark (docs/benchmarks.md, "Read models"), in one JVM on fresh H2 files:
#   catch-up  every read model rebuilt from a store of --updates Taxi updates, per processor batch size;
#   lag       time from a command's return until the read models show it, under sustained writing;
#   query     p50/p99/max of each read-model query on a table of --query-entries entries.
# Extra arguments go to the harness as --name=value: --updates --tables --processor-batch-sizes (e.g. 1,10,100,1000)
# --processor-batch-size (lag and query phases) --lag-seconds --writers --write-rate (updates/s, paced) --query-entries --queries --query-noise-ms (pause between the
# 1,000-update batches another table learns during the query phase; 50) --stall-seconds
# --phases (catchup,lag,query) --isolated (true: each model alone too) --models (the models run alone, e.g.
# confidence,edge-score) --work-dir. JAVA_OPTS replaces the JVM options.
# Results are printed and written to benchmarks/target/projections.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# The formatter check guards commits, not measurements. The executable jar is deleted first: when the module's own
# classes did not change, Spring Boot's repackaging keeps the previous jar's nested libraries (stale modules).
rm -f benchmarks/target/qswarm-benchmarks.jar benchmarks/target/qswarm-benchmarks.jar.original
mvn -q -pl benchmarks -am -DskipTests -Dspotless.check.skip=true package >/dev/null
# Run a private copy, so a build running meanwhile cannot replace the jar under the benchmark.
jar="$(mktemp -d)/qswarm-benchmarks.jar"
cp benchmarks/target/qswarm-benchmarks.jar "$jar"
exec java ${JAVA_OPTS:--Xms4g -Xmx4g} -Daxoniq.update-checker.disabled=true \
    -Dloader.main=io.qswarm.benchmarks.ProjectionBenchmark -cp "$jar" \
    org.springframework.boot.loader.launch.PropertiesLauncher --results-dir="$root/benchmarks/target" "$@"
