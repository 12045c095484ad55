#!/usr/bin/env bash
# Reproduces the figures of docs/learning.md: trains on each task through the event store and copies the reports
# and learning curves to docs/learning/. Takes about three minutes on 2 cores.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/target/learning-proof}"
docs="$root/docs/learning"
rm -rf "$out"
mkdir -p "$out" "$docs"
q() { "$root/qswarm" "$@"; }

run() { # name, train arguments...
    local name="$1"; shift
    q train --quiet --out "$out/$name" "$@"
    cp "$out/$name/report.json" "$docs/$name-report.json"
    cp "$out/$name/learning-curve.svg" "$docs/$name.svg"
}

run taxi-q          --env taxi --episodes 5000 --seed 1 --alpha 0.1 --gamma 0.99 --epsilon-decay 0.999
run frozenlake-q    --env frozenlake --episodes 8000 --seed 3 --alpha 0.1 --gamma 0.99 --epsilon-decay 0.999
run cliff-q         --env cliffwalking --episodes 500 --seed 5 --alpha 0.5 --gamma 1 --epsilon 0.1 --epsilon-decay 1 --rule q
run cliff-sarsa     --env cliffwalking --episodes 500 --seed 5 --alpha 0.5 --gamma 1 --epsilon 0.1 --epsilon-decay 1 --rule sarsa
run taxi-4-agents   --env taxi --agents 4 --episodes 5000 --seed 2 --alpha 0.1 --gamma 0.99 --epsilon-decay 0.999
run routing-q       --env routing --episodes 20000 --seed 6 --alpha 0.02 --gamma 1 --epsilon-decay 0.9997
run market-q        --env market --episodes 2000 --seed 7 --alpha 0.05 --gamma 0.95 --epsilon-decay 0.998

for name in cliff-q cliff-sarsa; do
    awk -F, 'NR > 1 { s += $2; n++ } END { printf "%s online mean return per episode: %.2f\n", FILENAME, s / n }' \
        "$out/$name/learning-curve.csv"
done
echo "reports and curves in $docs"
