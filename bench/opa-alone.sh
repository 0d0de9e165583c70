#!/usr/bin/env bash
# OPA on its own at the policy benchmark's rate (issue: policy), no Java in the path: vegeta (a Go
# open-loop load generator) sends the license and sandbox-admission example inputs at
# BENCH_RATE decisions/s for BENCH_SECONDS to the running OPA, and beside them a rule that does
# nothing but read its input (what HTTP and input parsing alone cost). Prints p50 / p99 and the
# ratio of each decision to that floor. Needs OPA up (./pdx up). Bounded; loopback only.
#   BENCH_RATE=500 BENCH_SECONDS=10 bench/opa-alone.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PDX_HOME=${PDX_HOME:-$HOME/.pdx}
rate=${BENCH_RATE:-500}
seconds=${BENCH_SECONDS:-10}
opa=http://127.0.0.1:8181
vegeta=$PDX_HOME/bin/vegeta
if [ ! -x "$vegeta" ]; then
  (cd /tmp && GOBIN=$PDX_HOME/bin GOFLAGS=-mod=mod go install github.com/tsenart/vegeta/v12@v12.13.0) >/dev/null 2>&1
fi
curl -fsS -o /dev/null "$opa/health?bundles" || { echo "OPA is not up: run ./pdx up" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
examples=contracts/src/test/resources/policy-examples
for name in license sandbox-admission; do
  python3 -c 'import json,sys; print(json.dumps({"input": json.load(open(sys.argv[1]))}))' "$examples/$name.json" >"$work/$name.json"
done
measure() { # label path body → "p50 p99" in ms
  printf 'POST %s/v1/data/%s\nContent-Type: application/json\n@%s\n' "$opa" "$2" "$3" >"$work/target"
  "$vegeta" attack -targets="$work/target" -rate="$rate" -duration=3s >/dev/null # warm-up
  "$vegeta" attack -targets="$work/target" -rate="$rate" -duration="${seconds}s" | "$vegeta" report -type=json \
    | python3 -c 'import json,sys; l=json.load(sys.stdin)["latencies"]; print(l["50th"]/1e6, l["99th"]/1e6)'
}
echo "OPA alone, $rate decisions/s for ${seconds}s each, vegeta over loopback (decision log as ./pdx runs it)"
# pdx.config.version is a plain data read: no policy, the floor of any decision here.
read -r f50 f99 < <(measure floor pdx/config/version "$work/license.json")
printf '%-24s p50 %6.2f ms  p99 %6.2f ms\n' "floor (data read)" "$f50" "$f99"
for decision in pdx/license/decision:license pdx/sandbox/admission:sandbox-admission; do
  read -r p50 p99 < <(measure "${decision%%:*}" "${decision%%:*}" "$work/${decision##*:}.json")
  verdict="NOT met"; python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) <= 3 else 1)' "$p99" && verdict=met
  python3 -c 'import sys; n=sys.argv[1]; p50,p99,f99=map(float,sys.argv[2:5]); print(f"{n:24} p50 {p50:6.2f} ms  p99 {p99:6.2f} ms  ratio to floor p99 {p99/f99:.2f}  target p99 <= 3 ms: {sys.argv[5]}")' \
    "${decision%%:*}" "$p50" "$p99" "$f99" "$verdict"
done
