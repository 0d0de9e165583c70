#!/usr/bin/env bash
# Differential privacy benchmark: PDX's private aggregation (sandbox-runner) against OpenDP's Polars API on
# the same Parquet file (医保结算明细, medical_insurance_claims.parquet), with the same ε (1.0 per query), δ,
# contribution bounds (max_rows_per_entity R, max_groups_per_entity G, read from the running OPA's policy
# data for grade IMPORTANT) and clamping bounds (read from the data manifest). For three queries (claims
# by district; sum and mean of total_amount by district and age band; distinct persons by diagnosis
# chapter), BENCH_RUNS runs of each system (default 200), alternating, in one run, print:
#  - per released value, the median absolute error of PDX and of OpenDP against the exact answer of DuckDB
#    (unbounded, unclamped), over the runs and the groups both released in the same round, and their ratio
#    (target <= 1.1); also the groups each released, the 90th percentile of the error, the median signed
#    error (the bias of truncation to R rows and G groups, alike on both sides: both choose each person's G
#    groups at random), the spread (median distance to the group's median released value: the noise without
#    that bias) and the worst group's bias (a cut that lands on a few groups only);
#  - per query, the median time of one run of each (PDX: POST run + GET result + Arrow read; OpenDP: one
#    invocation of the resolved measurement, collected; target: PDX faster), OpenDP's one-off planning time,
#    and PDX's job time divided by bare DuckDB running the unbounded aggregate (target <= 2);
#  - the noise scales and release thresholds each side used. How OpenDP is configured: bench/dp_accuracy.py.
# No asserts on timing. PDX runs through sandbox-runner's internal API on a runner of our own (127.0.0.1:
# BENCH_RUNNER_PORT, default 8095) started from a copy of the built app with a random secret and its own
# data folder (~/.pdx/bench-dp-data/<scale>, demo data of BENCH_SCALE: full = 5,000,000 claims (default),
# small = 50,000), stopped by its PID at the end; OPA at 127.0.0.1:8181 is only read. Loopback only.
# Bounded: BENCH_RUNS runs per query and system, at most BENCH_MAX_MINUTES (default 60) of measuring in all:
# at full scale one OpenDP run takes ~20 s and one PDX job ~5 s on 2 cores, so the cap, not BENCH_RUNS,
# sets the runs (the table says how many ran). Installs duckdb, pyarrow and opendp[polars] into a venv
# under ~/.pdx. Needs sandbox-runner built (sandbox-runner/target/quarkus-app); it does not build it.
set -euo pipefail
cd "$(dirname "$0")/.."
PDX_HOME=${PDX_HOME:-$HOME/.pdx}
VENV=$PDX_HOME/bench-venv
SCALE=${BENCH_SCALE:-full}
PORT=${BENCH_RUNNER_PORT:-8095}
OPA_URL=${PDX_OPA_URL:-http://127.0.0.1:8181}
APP=${BENCH_RUNNER_APP:-/tmp/bench-runner-app}
DATA=$PDX_HOME/bench-dp-data/$SCALE
STATE=$PDX_HOME/bench-dp-run
JAVA=${JAVA:-java}
if [ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/java ]; then JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java; fi

case "$SCALE" in small|full) ;; *) echo "BENCH_SCALE must be small or full" >&2; exit 2 ;; esac
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" 2>/dev/null || { sudo apt-get install -y -q python3-venv >/dev/null && python3 -m venv "$VENV"; }
fi
"$VENV/bin/pip" install -q --disable-pip-version-check duckdb==1.4.4 pyarrow==22.0.0 'opendp[polars]==0.16.0'
curl -fsS -o /dev/null "$OPA_URL/health" || { echo "OPA with the project's policy is not running at $OPA_URL" >&2; exit 1; }
if [ ! -f "$APP/quarkus-run.jar" ]; then
  [ -f sandbox-runner/target/quarkus-app/quarkus-run.jar ] || { echo "sandbox-runner is not built (sandbox-runner/target/quarkus-app)" >&2; exit 1; }
  rm -rf "$APP.tmp" && cp -r sandbox-runner/target/quarkus-app "$APP.tmp" && mv "$APP.tmp" "$APP"
fi
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "port $PORT is in use: set BENCH_RUNNER_PORT" >&2; exit 1
fi

mkdir -p "$DATA" "$STATE"
SECRET=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
LOG=$STATE/runner-$SCALE.log
PID_FILE=$STATE/runner.pid
PDX_SANDBOX_SECRET=$SECRET PDX_OPA_URL=$OPA_URL "$JAVA" -Xmx2g --add-opens=java.base/java.nio=ALL-UNNAMED \
  -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" -Dpdx.data.dir="$DATA" -Dpdx.demo.generate=true \
  -Dpdx.demo.scale="$SCALE" -Dpdx.demo.seed=20261125 -jar "$APP/quarkus-run.jar" >"$LOG" 2>&1 &
RUNNER=$!
echo "$RUNNER" >"$PID_FILE"
stop() { kill "$RUNNER" 2>/dev/null || true; wait "$RUNNER" 2>/dev/null || true; rm -f "$PID_FILE"; }
trap stop EXIT
echo "sandbox-runner (pid $RUNNER) starting on 127.0.0.1:$PORT with $SCALE demo data in $DATA (log $LOG)" >&2
for _ in $(seq 1 900); do  # the full scale generates its data first: a few minutes
  if curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; then break; fi
  kill -0 "$RUNNER" 2>/dev/null || { echo "sandbox-runner exited:" >&2; tail -20 "$LOG" >&2; exit 1; }
  sleep 1
done
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" || { echo "sandbox-runner not ready in 15 min" >&2; exit 1; }

BENCH_RUNNER_URL=http://127.0.0.1:$PORT BENCH_RUNNER_SECRET=$SECRET BENCH_DATA_DIR=$DATA PDX_OPA_URL=$OPA_URL \
  POLARS_MAX_THREADS=${PDX_SANDBOX_THREADS:-2} "$VENV/bin/python" bench/dp_accuracy.py
