#!/usr/bin/env bash
# Same-run comparison of two release builds of quark: for each scenario, alternates BASE and NEW
# ROUNDS times and prints one Markdown table row with both builds' calls/s per round, the
# NEW/BASE ratio per round and its median. Usage:
#   scripts/bench-compare.sh BASE_QUARK NEW_QUARK [ROUNDS]
# (BENCH_SECONDS, default 3, per timed measurement; EVENTS, default 200000, for bench events;
# SCENARIOS, a comma-separated list, to run only some: "local --inflight 1,events".)
set -euo pipefail
base=$1
new=$2
rounds=${3:-3}
seconds=${BENCH_SECONDS:-3}
events=${EVENTS:-200000}
rate() { python3 -c 'import json, sys; print(int(json.loads(sys.stdin.read().strip().splitlines()[-1])["calls_per_sec"]))'; }
measure() {  # binary scenario...
    local binary=$1; shift
    case $1 in
        events) "$binary" bench events --calls "$events" --json | rate ;;
        *) "$binary" bench "$@" --seconds "$seconds" --json | rate ;;
    esac
}
echo "| scenario | base calls/s | new calls/s | new ÷ base | median |"
echo "| --- | --- | --- | --- | --- |"
IFS=, read -r -a scenarios <<< "${SCENARIOS:-local --inflight 1,local --inflight 64,remote --inflight 1,remote --inflight 100,events}"
for scenario in "${scenarios[@]}"; do
    base_rates=() new_rates=() ratios=()
    for _ in $(seq 1 "$rounds"); do
        # shellcheck disable=SC2086
        b=$(measure "$base" $scenario)
        # shellcheck disable=SC2086
        n=$(measure "$new" $scenario)
        base_rates+=("$b") new_rates+=("$n")
        ratios+=("$(python3 -c "print(f'{$n / $b:.2f}')")")
    done
    median=$(printf '%s\n' "${ratios[@]}" | sort -n | sed -n "$(( (rounds + 1) / 2 ))p")
    join() { local IFS='·'; echo "$*" | sed 's/·/ · /g'; }
    echo "| \`$scenario\` | $(join "${base_rates[@]}") | $(join "${new_rates[@]}") | $(join "${ratios[@]}") | $median |"
done
