#!/usr/bin/env bash
# Load benchmark (issue 17; a benchmark, not a test): LOAD_CLIENTS concurrent clients (default 200) for LOAD_SECONDS
# (default 60) over loopback, mixing anonymous catalog searches (a keyword never asked before in the run), anonymous
# dataset pages, license reads (operator-a), sandbox submissions (dev-org-a, a small GENERAL aggregate made new by a
# literal) and downloads of released results (Arrow) — see bench/load.py. The same load, same seed, twice:
#   on   OPA logging every decision through the bounded sink, exactly as ./pdx runs it (tools/pdx/opa.sh);
#   off  OPA restarted without decision logs.
# Each phase after a warm-up (LOAD_WARMUP_SECONDS, default 30; not counted) and with a license of its own (the
# month's call quota starts at zero); between phases the job queue is left to drain (at most LOAD_DRAIN_SECONDS).
# Prints per kind and phase: requests, throughput, p50/p99 latency, 2xx/4xx/429/5xx/timeouts/errors, and the
# off/on throughput ratio. Exit status 1 when any answer was a 5xx, in a warm-up too (the target is zero).
# The phases run in that order on the same JVMs, so "off" also has minutes more of JIT warm-up behind it: on two
# cores throughput was still rising after 4 minutes, and off/on overstates what the decision log costs; a longer
# LOAD_WARMUP_SECONDS (e.g. 120) narrows that.
#
# Services of its own, from the packaged jars (each run from a copy of its build; nothing is built here):
# OPA on 8184, sandbox-runner on 8097, marketplace-api on 8087, a fresh database pdx_load, a data folder
# .pdx/load-data (PDX_DEMO_SCALE=small). PostgreSQL (5432) and Keycloak (8180) are the shared ones: they must
# be running (./pdx up). Rate limits are raised 100× (PDX_RATE_LIMITS_SCALE=100): at the defaults all 200 clients
# of one address and one organization would mostly measure 429s. Everything it started is stopped at the end, by its
# PID file. Logs: .pdx/logs/load-*.log; figures as JSON: .pdx/logs/load/.
#
#   bench/load.sh                                  # 200 clients, 60 s per phase (about 6 minutes in all)
#   LOAD_CLIENTS=20 LOAD_SECONDS=10 bench/load.sh  # a smoke run
# Also: LOAD_TIMEOUT (per request, default 20 s), LOAD_SEED (17), LOAD_OPA_PORT, LOAD_RUNNER_PORT, LOAD_API_PORT.
set -Eeuo pipefail

LOAD_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# ./pdx's settings and functions (its lines between `set -Eeuo` and the command dispatch), with ROOT this checkout
# shellcheck disable=SC2016
eval "$(sed -n '/^set -Eeuo/,/^case "\${1:-}" in/p' "$LOAD_ROOT/pdx" | sed '$d' | sed 's|^ROOT=.*|ROOT=$LOAD_ROOT|')"

LOAD_CLIENTS=${LOAD_CLIENTS:-200}
LOAD_SECONDS=${LOAD_SECONDS:-60}
LOAD_WARMUP_SECONDS=${LOAD_WARMUP_SECONDS:-30}
LOAD_DRAIN_SECONDS=${LOAD_DRAIN_SECONDS:-300}
LOAD_SEED=${LOAD_SEED:-17}
LOAD_OPA_PORT=${LOAD_OPA_PORT:-8184}
LOAD_RUNNER_PORT=${LOAD_RUNNER_PORT:-8097}
LOAD_API_PORT=${LOAD_API_PORT:-8087}
LOAD_DB=pdx_load
LOAD_DATA=$STATE/load-data
LOAD_WORK=$LOGS/load
LOAD_API=http://127.0.0.1:$LOAD_API_PORT
LOAD_PY=(env PDX_KEYCLOAK_URL="$KC_URL/realms/pdx" "$PDX_VENV/bin/python" "$ROOT/bench/load.py")
# shellcheck disable=SC2034 # STEPS and CURRENT_LOG are read by ./pdx's step and fail
STEPS=9

load_psql() { runuser -u postgres -- psql -p "$PG_PORT" -h /var/run/postgresql -v ON_ERROR_STOP=1 -qAt "$@"; }

load_stop_all() {
  local name
  for name in load-api load-runner load-opa; do stop_pid "$name" "$RUN/$name.pid"; done
}

# OPA with the policy bundle; "on": every decision logged to the bounded sink as tools/pdx/opa.sh does; "off": none.
# Both go through the same sink (OPA's own messages), so that the decision log is the only difference.
load_start_opa() { # on|off
  local flags=()
  [ "$1" = on ] && flags=(--set decision_logs.console=true)
  echo "== $(date +%T) starting OPA, decision log $1" >>"$LOGS/load-opa.log"
  nohup env GOGC=400 "$OPA" run --server --addr "127.0.0.1:$LOAD_OPA_PORT" \
    --bundle "$STATE/bundle.tar.gz" --optimize-store-for-read-speed \
    --log-format json "${flags[@]}" \
    > >(exec python3 "$ROOT/tools/pdx/rotating_log.py" "$LOGS/load-opa.log" "$OPA_LOG_MB" 3 >/dev/null 2>&1) 2>&1 </dev/null &
  echo $! >"$RUN/load-opa.pid"
  wait_http "http://127.0.0.1:$LOAD_OPA_PORT/health?bundles" 30 "$RUN/load-opa.pid" || fail "OPA did not become healthy"
}

load_java() { # name jar (the environment set by the caller)
  # shellcheck disable=SC2086
  nohup java -Xmx1g ${PDX_JAVA_OPTS:--XX:-UseCodeCacheFlushing} --add-opens=java.base/java.nio=ALL-UNNAMED \
    -jar "$2" >>"$LOGS/$1.log" 2>&1 </dev/null &
  echo $! >"$RUN/$1.pid"
}

load_phase() { # label: a warm-up, the measured run, the queue drained
  local label=$1 repeat=$2
  note "warm-up ${LOAD_WARMUP_SECONDS}s (not counted)"
  "${LOAD_PY[@]}" run --api "$LOAD_API" --setup "$LOAD_WORK/setup.json" --label warmup --repeat "$repeat" \
    --clients "$LOAD_CLIENTS" --seconds "$LOAD_WARMUP_SECONDS" --seed "$((LOAD_SEED + 1000))" \
    --out "$LOAD_WORK/warmup-$label.json" | sed 's/^/    /'
  "${LOAD_PY[@]}" drain --api "$LOAD_API" --setup "$LOAD_WORK/setup.json" --label warmup --timeout "$LOAD_DRAIN_SECONDS" \
    --out "$LOAD_WORK/drain-warmup-$label.json" | sed 's/^/    /'
  note "measured: $LOAD_CLIENTS clients, ${LOAD_SECONDS}s"
  "${LOAD_PY[@]}" run --api "$LOAD_API" --setup "$LOAD_WORK/setup.json" --label "$label" \
    --clients "$LOAD_CLIENTS" --seconds "$LOAD_SECONDS" --seed "$LOAD_SEED" --out "$LOAD_WORK/$label.json" | sed 's/^/    /'
  "${LOAD_PY[@]}" drain --api "$LOAD_API" --setup "$LOAD_WORK/setup.json" --label "$label" --timeout "$LOAD_DRAIN_SECONDS" \
    --out "$LOAD_WORK/drain-$label.json" | sed 's/^/    /'
}

load_cleanup() {
  trap - ERR
  load_stop_all >/dev/null 2>&1 || true
}
trap load_cleanup EXIT

step "Own services: database $LOAD_DB, OPA :$LOAD_OPA_PORT, sandbox-runner :$LOAD_RUNNER_PORT, marketplace-api :$LOAD_API_PORT" "$LOGS/load-api.log"
for port in "$LOAD_OPA_PORT" "$LOAD_RUNNER_PORT" "$LOAD_API_PORT"; do
  if ss -Hltn "sport = :$port" | grep -q .; then
    load_stop_all  # ours, left by an interrupted run
    ss -Hltn "sport = :$port" | grep -q . && fail "port $port is taken by another process"
  fi
done
http_ok "$KC_URL/realms/pdx/.well-known/openid-configuration" || fail "Keycloak is not running on $KC_URL (./pdx up)"
load_psql -c 'select 1' >/dev/null || fail "PostgreSQL is not running on $PG_PORT (./pdx up)"
[ -x "$PDX_VENV/bin/python" ] || fail "no $PDX_VENV (./pdx up installs it)"
for jar in marketplace-api sandbox-runner; do
  [ -s "$ROOT/$jar/target/quarkus-app/quarkus-run.jar" ] || fail "$jar is not packaged (./pdx up builds it)"
done
load_psql -c "drop database if exists $LOAD_DB with (force)"
load_psql -c "create database $LOAD_DB owner $DB_USER encoding 'UTF8' template template0"
[ -s "$STATE/bundle.tar.gz" ] || build_bundle
# each service runs from a copy of its build (a rebuild rewrites target/ under a running JVM and hangs it)
rm -rf "$RUN/load-api-app" "$RUN/load-runner-app" "$LOAD_WORK"
cp -r "$ROOT/marketplace-api/target/quarkus-app" "$RUN/load-api-app"
cp -r "$ROOT/sandbox-runner/target/quarkus-app" "$RUN/load-runner-app"
mkdir -p "$LOAD_WORK"
: >"$LOGS/load-opa.log"; : >"$LOGS/load-runner.log"; : >"$LOGS/load-api.log"
rm -f "$LOGS/load-opa.log".[0-9]
load_start_opa on
# the runner makes the demo data (once: it is kept in $LOAD_DATA), then the API registers it
QUARKUS_HTTP_PORT=$LOAD_RUNNER_PORT PDX_DATA_DIR=$LOAD_DATA PDX_DEMO_GENERATE=true PDX_DEMO_SCALE=small \
  PDX_SANDBOX_SECRET=$(sandbox_secret) PDX_OPA_URL=http://127.0.0.1:$LOAD_OPA_PORT \
  load_java load-runner "$RUN/load-runner-app/quarkus-run.jar"
# shellcheck disable=SC2034
CURRENT_LOG=$LOGS/load-runner.log
wait_http "http://127.0.0.1:$LOAD_RUNNER_PORT/q/health/ready" 300 "$RUN/load-runner.pid" || fail "sandbox-runner did not become ready"
QUARKUS_HTTP_PORT=$LOAD_API_PORT PDX_DB_NAME=$LOAD_DB PDX_SANDBOX_URL=http://127.0.0.1:$LOAD_RUNNER_PORT \
  PDX_SANDBOX_SECRET=$(sandbox_secret) PDX_DEMO_MANIFEST=$LOAD_DATA/manifest.json PDX_DEMO_SCALE=small \
  PDX_OPA_URL=http://127.0.0.1:$LOAD_OPA_PORT PDX_RATE_LIMITS_SCALE=100 \
  load_java load-api "$RUN/load-api-app/quarkus-run.jar"
# shellcheck disable=SC2034
CURRENT_LOG=$LOGS/load-api.log
wait_http "$LOAD_API/q/health/ready" 300 "$RUN/load-api.pid" || fail "marketplace-api did not become ready"
ok "pids: OPA $(cat "$RUN/load-opa.pid"), runner $(cat "$RUN/load-runner.pid"), API $(cat "$RUN/load-api.pid")"
python3 - "$ROOT/policy/data.json" <<'PY' | sed 's/^/    /'
import json, sys
limits = json.load(open(sys.argv[1], encoding="utf-8"))["pdx"]["config"]["rate_limits"]
print("rate limits raised 100x for the load (PDX_RATE_LIMITS_SCALE=100; production runs 1x): " + "; ".join(
    f"{kind} {rule['requests'] * 100} per {rule['period_seconds']}s per {rule['per']} (default {rule['requests']})"
    for kind, rule in limits.items()))
PY

step "Setup through the API: organization A verified, SANDBOX licenses on 公交刷卡记录, released jobs" "$LOGS/load-setup.log"
"${LOAD_PY[@]}" setup --api "$LOAD_API" --out "$LOAD_WORK/setup.json" --labels warmup,on,off >"$LOGS/load-setup.log" 2>&1
sed 's/^/    /' "$LOGS/load-setup.log"
ok

step "Phase on: OPA logging every decision (bounded sink, $OPA_LOG_MB MB x 3)" "$LOGS/load-api.log"
load_phase on 0
decided=$(cat "$LOGS/load-opa.log"* | grep -c '"decision_id"' || true)
note "decision log: $decided decisions kept in $LOGS/load-opa.log* ($(du -ch "$LOGS/load-opa.log"* | tail -n 1 | cut -f1); older ones rotated away)"
ok

step "OPA restarted without decision logs" "$LOGS/load-opa.log"
stop_pid OPA "$RUN/load-opa.pid"
load_start_opa off
ok "pid $(cat "$RUN/load-opa.pid")"

step "Phase off: no decision log" "$LOGS/load-api.log"
load_phase off 1
ok

step "Services stopped" ""
load_stop_all
ok

step "Figures ($LOAD_CLIENTS clients, ${LOAD_SECONDS}s per phase, seed $LOAD_SEED; latency in ms)" ""
rc=0
"${LOAD_PY[@]}" report "$LOAD_WORK/on.json" "$LOAD_WORK/off.json" || rc=$?
for warm in on off; do
  python3 - "$LOAD_WORK/warmup-$warm.json" "$warm" <<'PY' || rc=1
import json, sys
all = json.load(open(sys.argv[1], encoding="utf-8"))["kinds"]["all"]
print(f"    warm-up before {sys.argv[2]}: {all['requests']} requests, 5xx {all['5xx']}, 429 {all['429']}, "
      f"timeouts {all['timeout']}, errors {all['error']}")
sys.exit(1 if all["5xx"] else 0)
PY
done
errors='"level":"ERROR"|^[0-9-]+ [0-9:,.]+ ERROR '
api_errors=$(grep -cE "$errors" "$LOGS/load-api.log" || true)
runner_errors=$(grep -cE "$errors" "$LOGS/load-runner.log" || true)
note "errors logged: marketplace-api $api_errors, sandbox-runner $runner_errors (logs: $LOGS/load-api.log, $LOGS/load-runner.log)"
if [ "$rc" != 0 ]; then
  note "5xx answers seen: the target is zero"
  exit 1
fi
ok "zero 5xx"
