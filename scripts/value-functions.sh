#!/usr/bin/env bash
# Value-function comparison (docs/value-functions.md): trains every kind (flat, additive, hierarchical, low-rank, CP,
# tile coding) with Q-learning on Taxi-v3 and on the market, 3 seeds each, fits each kind to Taxi's exact Q*, and
# trains a communication table on the market. About 10 minutes on 2 cores at full scale.
# Extra arguments go to the harness: --taxi-episodes N --market-episodes N --checkpoint-every N --seeds N --seed N
# --market-eval-episodes N --communication-steps N --distill-sweeps N --tasks taxi,market --only LABEL[,LABEL].
# Results are printed and written to benchmarks/target/value-functions/value-functions.md and .csv.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# The formatter check guards commits, not measurements.
mvn -q -o -pl benchmarks -am -DskipTests -Dspotless.check.skip=true compile dependency:build-classpath \
    -Dmdep.outputFile=target/value-functions-classpath.txt -Dmdep.includeScope=runtime >/dev/null
cp="benchmarks/target/classes:$(cat benchmarks/target/value-functions-classpath.txt)"
exec java ${JAVA_OPTS:--Xmx1g} -cp "$cp" io.qswarm.benchmarks.valuefunctions.ValueFunctionBenchmark \
    --out "$root/benchmarks/target/value-functions" "$@"
