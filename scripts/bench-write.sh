#!/usr/bin/env bash
# Write-path benchmark (docs/benchmarks.md, "Write path"), in one JVM on fresh H2 files:
#   batched  Q-updates persisted per second through the QTable aggregate, 1,000 experiences per command;
#   naive    one command and one event per update, no snapshots, no cache (every command replays the stream);
#   raw      the batched phase's event rows inserted again with plain JDBC: the store's limit for those bytes.
# Extra arguments go to the harness as --name=value: --batched-updates --batch-size --batched-warmup-updates
# --naive-updates --naive-warmup-updates --chunks --seed --work-dir --keep-stores. JAVA_OPTS replaces the JVM options.
# Results are printed and written to benchmarks/target/write-path.md and write-path.json.
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
    -jar "$jar" --results-dir="$root/benchmarks/target" "$@"
