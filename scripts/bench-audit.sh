#!/usr/bin/env bash
# Audit replay throughput on an H2 file store (docs/benchmarks.md, "Audit replay"). Writes 2M Q-updates through the
# command side on first use (kept under audit/target/bench-audit; delete it to rewrite), then audits the whole store
# three times (pass --runs 10 to see it warm up). Extra arguments go to the harness: --updates N --batch N --tables N --runs N --data DIR.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -o -pl audit -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test >/dev/null
cp="audit/target/test-classes:audit/target/classes:$(cat audit/target/classpath.txt)"
exec java -Xmx2g -XX:+UseParallelGC -Daxoniq.update-checker.disabled=true -cp "$cp" io.qswarm.audit.bench.AuditReplayHarness \
    --data "$root/audit/target/bench-audit" "$@"
