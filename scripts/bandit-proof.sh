#!/usr/bin/env bash
# Contextual-bandit proof and decision throughput (docs/bandits.md; docs/benchmarks.md, "Contextual bandits (issue 7)"):
#   proof  regret of LinUCB and LinTS on a synthetic linear bandit (d = 10, K = 10, σ = 0.1, T = 10^5, seeds 1..5),
#          the α/v sweep, warm starts from logged data and IPS/SNIPS/DR estimates against the true policy values.
#          About a minute on one core.
#   jmh    decisions per second on one core at d = 32, K = 10 (JMH, one fork, 5 x 2 s measured). About two minutes.
# Usage: scripts/bandit-proof.sh [all|proof|jmh] [options...]
#   proof options are --name=value (BanditProofParameters: --horizon --seeds --alpha --scale --ridge --sweep ...);
#   jmh options are JMH's own (e.g. -f 2 -wi 3 -i 10). JAVA_OPTS replaces the proof's JVM options.
# Results are printed and written to benchmarks/target/bandit/ (bandit-proof.md, bandit-regret.csv, bandit-jmh.md,
# bandit-jmh.json, and the warm-start logs as JSON lines under bandit-logs/).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
what="${1:-all}"
[[ $# -gt 0 ]] && shift
case "$what" in
    all|proof|jmh) ;;
    *) echo "usage: $0 [all|proof|jmh] [options...]" >&2; exit 2 ;;
esac
out="$root/benchmarks/target/bandit"
mkdir -p "$out"
# The formatter check guards commits, not measurements. The class path is the benchmarks module's runtime class path.
mvn -q -pl benchmarks -am -DskipTests -Dspotless.check.skip=true package dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt >/dev/null
# Other builds may rewrite the modules' target directories while this runs: run from a private copy of them.
private="$out/classpath"
rm -rf "$private"
mkdir -p "$private"
cp -r "$root/benchmarks/target/classes" "$private/benchmarks-classes"
classpath="$private/benchmarks-classes"
# (the file has no final newline, so read reports end of file)
IFS=: read -r -a entries < "$root/benchmarks/target/runtime-classpath.txt" || true
for entry in "${entries[@]}"; do
    if [[ "$entry" == "$root"/* ]]; then
        cp "$entry" "$private/"
        entry="$private/$(basename "$entry")"
    fi
    classpath="$classpath:$entry"
done
if [[ "$what" == all || "$what" == proof ]]; then
    proof_args=()
    [[ "$what" == proof ]] && proof_args=("$@")
    java ${JAVA_OPTS:--Xms1g -Xmx1g} -cp "$classpath" io.qswarm.benchmarks.bandit.BanditProof \
        --results-dir="$out" "${proof_args[@]}"
fi
if [[ "$what" == all || "$what" == jmh ]]; then
    jmh_args=()
    [[ "$what" == jmh ]] && jmh_args=("$@")
    echo "load average before JMH: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    java -cp "$classpath" io.qswarm.benchmarks.bandit.BanditBenchmarks --results-dir="$out" "${jmh_args[@]}"
fi
echo "results in $out" >&2
