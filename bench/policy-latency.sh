#!/usr/bin/env bash
# Policy decision latency through the Java client (issue: policy), at 500 decisions/s over
# loopback, side by side with a bare HTTP client: prints p50 / p99 / max and their ratios.
# Needs PostgreSQL, OPA and Keycloak up (./pdx up). Bounded: rate × seconds requests per series.
#   BENCH_RATE=500 BENCH_SECONDS=10 bench/policy-latency.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl marketplace-api -am install -DskipTests >/dev/null
mvn -B -pl marketplace-api test -Dtest=PolicyLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.rate="${BENCH_RATE:-500}" -Dbench.seconds="${BENCH_SECONDS:-10}" -Dbench.warmup="${BENCH_WARMUP_SECONDS:-15}" \
  | sed -n '/^Policy decision latency/,/^\[INFO\] Tests run/p' | grep -v '^\[INFO\]' | grep -vE '^[0-9]{4}-[0-9]{2}-[0-9]{2} '
