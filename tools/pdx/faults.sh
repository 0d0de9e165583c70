# shellcheck shell=bash
# Part of ./pdx (sourced, not run): ./pdx test faults — what the platform does when a part of it fails.
#
# Starts services of its own from the packaged jars (each run from a copy of its build): two marketplace-api
# instances (8083, 8084) and two sandbox-runners (8093, 8094) with a database (pdx_faults, made afresh), a data
# folder and an OPA (8183, the policy bundle) of their own; the runners share a results folder on a small tmpfs
# mounted for the run (the disk-full case fills it). Then tests/faults (pytest + httpx) break one thing at a time:
# OPA stopped, sandbox-runner killed mid-job, the result store full, several instances sharing the queue (one killed
# while it runs a job), PostgreSQL restarted under a load of writes, Keycloak stopped. The tests ask this part to
# start, stop or kill a process through a pair of FIFOs (faults_serve): every process is started and stopped here,
# by its PID file. PostgreSQL and Keycloak are shared: the part restarts them (the last two cases) and leaves both
# running. Bounded: each case stops by itself; the whole part stays within FAULTS_BUDGET seconds (default 480).
# JUnit XML: $LOGS/junit-faults.xml; what each case measured: $LOGS/faults/report.json.

FAULTS_DB=pdx_faults
FAULTS_OPA_PORT=8183
FAULTS_API_PORTS=(8083 8084)
FAULTS_RUNNER_PORTS=(8093 8094)
FAULTS_DATA=$STATE/faults-data
FAULTS_RESULTS=$STATE/faults-results
FAULTS_RESULTS_SIZE=32m
FAULTS_BUDGET=${PDX_FAULTS_BUDGET:-480}
# Leases short enough that a killed instance's job is taken over within the case (production: PT30S, 10s)
FAULTS_LEASE=PT8S
FAULTS_LEASE_RENEWAL=2s

test_faults() {
  local log=$LOGS/test-faults.log work=$LOGS/faults rc=0 began=$SECONDS
  step "faults: OPA, sandbox-runner, result store, several instances, PostgreSQL, Keycloak (own services on 8083/8084, 8093/8094, 8183)" "$log"
  rm -rf "$work" && mkdir -p "$work"
  rm -f "$LOGS/junit-faults.xml"
  : >"$log"
  build >/dev/null
  if ! faults_setup >>"$log" 2>&1; then
    note "could not start the services under test (see $log)"
    tail -n 15 "$log" | sed 's/^/    /'
    faults_teardown >>"$log" 2>&1
    return 1
  fi
  note "services up ($((SECONDS - began))s): APIs on ${FAULTS_API_PORTS[*]}, runners on ${FAULTS_RUNNER_PORTS[*]}, OPA on $FAULTS_OPA_PORT"
  mkfifo "$work/requests" "$work/replies"
  local left=$((FAULTS_BUDGET - (SECONDS - began) - 20))
  (
    cd "$ROOT" || exit 1
    export PDX_FAULTS_CTL="$work/requests:$work/replies" PDX_FAULTS_WORK=$work PDX_FAULTS_RESULTS=$FAULTS_RESULTS \
      PDX_FAULTS_APIS="http://127.0.0.1:${FAULTS_API_PORTS[0]} http://127.0.0.1:${FAULTS_API_PORTS[1]}" \
      PDX_FAULTS_RUNNER_LOGS="$LOGS/faults-runner-1.log $LOGS/faults-runner-2.log" \
      PDX_FAULTS_API_LOGS="$LOGS/faults-api-1.log $LOGS/faults-api-2.log" \
      PDX_FAULTS_DB=$FAULTS_DB PDX_FAULTS_PSQL="runuser -u postgres -- psql -p $PG_PORT -h /var/run/postgresql -qAt -d $FAULTS_DB" \
      PDX_FAULTS_DEADLINE=$(($(date +%s) + left)) PDX_KEYCLOAK_URL=$KC_URL/realms/pdx
    # the last resort: pytest is stopped when it outlives the part's budget (each case bounds itself well before)
    exec timeout -k 10 "$left" "$PDX_VENV/bin/python" -m pytest -p no:cacheprovider -q -rfEs tests/faults \
      --junitxml="$LOGS/junit-faults.xml"
  ) >>"$log" 2>&1 &
  local tests=$!
  faults_serve "$tests" "$work/requests" "$work/replies" >>"$log" 2>&1
  wait "$tests" || rc=1
  faults_teardown >>"$log" 2>&1 || rc=1
  faults_summary "$log"
  if [ "$rc" != 0 ]; then
    note "faults part FAILED ($((SECONDS - began))s; see $log)"
    return 1
  fi
  ok "$((SECONDS - began))s"
}

# The services under test, afresh: database, data folder, results tmpfs, OPA, runner 1 and API 1 (the second
# runner and API start in the multi-instance case).
faults_setup() {
  local port
  for port in "$FAULTS_OPA_PORT" "${FAULTS_API_PORTS[@]}" "${FAULTS_RUNNER_PORTS[@]}"; do
    if ss -Hltn "sport = :$port" | grep -q .; then
      # one of ours left by an interrupted run is stopped by its PID file; anything else is someone else's
      faults_stop_all
      if ss -Hltn "sport = :$port" | grep -q .; then echo "port $port is taken by another process"; return 1; fi
    fi
  done
  faults_stop_all
  mkdir -p "$LOGS/faults"
  faults_psql -c "drop database if exists $FAULTS_DB with (force)" || return 1
  faults_psql -c "create database $FAULTS_DB owner $DB_USER encoding 'UTF8' template template0" || return 1
  [ -s "$STATE/bundle.tar.gz" ] || build_bundle || return 1
  # the results folder on a small tmpfs of its own, so that the disk-full case fills a real filesystem
  faults_unmount
  rm -rf "$FAULTS_RESULTS" && mkdir -p "$FAULTS_RESULTS"
  if mount -t tmpfs -o "size=$FAULTS_RESULTS_SIZE,mode=0755" pdx-faults "$FAULTS_RESULTS"; then
    echo "results folder: a tmpfs of $FAULTS_RESULTS_SIZE at $FAULTS_RESULTS"
  else
    echo "results folder: mounting a tmpfs was refused; the disk-full case will be skipped"
  fi
  # each service runs from a copy of its build (a rebuild rewrites target/ under a running JVM and hangs it)
  # (PDX_FAULTS_BUILD: a checkout built elsewhere, e.g. while a build runs in this one)
  local built=${PDX_FAULTS_BUILD:-$ROOT}
  rm -rf "$RUN/faults-api-app" "$RUN/faults-runner-app"
  cp -r "$built/marketplace-api/target/quarkus-app" "$RUN/faults-api-app" || return 1
  cp -r "$built/sandbox-runner/target/quarkus-app" "$RUN/faults-runner-app" || return 1
  : >"$LOGS/faults-opa.log"
  local n
  for n in 1 2; do : >"$LOGS/faults-runner-$n.log"; : >"$LOGS/faults-api-$n.log"; done
  # runner 1 makes the demo data; the others start together once it is there. Whether both APIs came up on the first
  # try, side by side on the fresh database, is one of the multi-instance checks (startup.json); one that did not is
  # started again, alone, so that the other cases still run.
  faults_start faults-opa && faults_start faults-runner-1 || return 1
  faults_launch faults-runner-2 && faults_launch faults-api-1 && faults_launch faults-api-2 || return 1
  faults_wait faults-runner-2 || return 1
  local name first=() started
  for name in faults-api-1 faults-api-2; do
    if faults_wait "$name"; then started=true; else started=false; fi
    first+=("\"$name\": $started")
    if [ "$started" = false ]; then stop_pid "$name" "$RUN/$name.pid"; faults_start "$name" || return 1; fi
  done
  printf '{%s, %s}\n' "${first[0]}" "${first[1]}" >"$LOGS/faults/startup.json"
}

faults_teardown() {
  faults_stop_all
  faults_unmount
  # PostgreSQL and Keycloak are shared: whatever a case left, both are running again afterwards
  local version
  version=$(pg_version)
  if [ "$(pg_lsclusters -h | awk -v v="$version" -v c="$PG_CLUSTER" '$1==v && $2==c {print $4}')" != online ]; then
    echo "PostgreSQL was left stopped: starting it"
    pg_ctlcluster "$version" "$PG_CLUSTER" start || return 1
  fi
  if ! http_ok "$KC_URL/realms/pdx/.well-known/openid-configuration"; then
    echo "Keycloak was left stopped: starting it"
    (start_keycloak) || return 1
  fi
}

faults_stop_all() {
  local name
  for name in faults-api-2 faults-api-1 faults-runner-2 faults-runner-1 faults-opa; do
    stop_pid "$name" "$RUN/$name.pid"
  done
}

faults_unmount() {
  if mountpoint -q "$FAULTS_RESULTS" 2>/dev/null; then umount "$FAULTS_RESULTS" || umount -l "$FAULTS_RESULTS"; fi
}

faults_psql() { runuser -u postgres -- psql -p "$PG_PORT" -h /var/run/postgresql -v ON_ERROR_STOP=1 -qAt "$@"; }

# Starts one service by name and waits until it is ready.
faults_start() { # name
  faults_launch "$1" && faults_wait "$1"
}

faults_url() { # name: the address that answers 200 once it is ready
  case "$1" in
    faults-opa) echo "http://127.0.0.1:$FAULTS_OPA_PORT/health?bundles" ;;
    faults-runner-[12]) echo "http://127.0.0.1:${FAULTS_RUNNER_PORTS[${1##*-} - 1]}/q/health/ready" ;;
    faults-api-[12]) echo "http://127.0.0.1:${FAULTS_API_PORTS[${1##*-} - 1]}/q/health/ready" ;;
  esac
}

faults_wait() { # name
  local name=$1 pidfile=$RUN/$1.pid
  wait_http "$(faults_url "$name")" 240 "$pidfile" || { echo "$name did not become ready (log: $LOGS/$name.log)"; tail -n 20 "$LOGS/$name.log"; return 1; }
  echo "$name ready in $(($(date +%s) - $(stat -c %Y "$pidfile")))s (pid $(cat "$pidfile"))"
}

# Starts one service by name (its log is appended to: a restart keeps what came before).
faults_launch() { # name
  local name=$1 n pidfile=$RUN/$1.pid log=$LOGS/$1.log
  if pid_alive "$pidfile"; then echo "$name already running (pid $(cat "$pidfile"))"; return 0; fi
  echo "== $(date +%T) starting $name" >>"$log"
  case "$name" in
    faults-opa)
      nohup "$OPA" run --server --addr "127.0.0.1:$FAULTS_OPA_PORT" --bundle "$STATE/bundle.tar.gz" \
        --optimize-store-for-read-speed --log-level error >>"$log" 2>&1 </dev/null &
      ;;
    faults-runner-[12])
      n=${name##*-}
      # runner 1 makes the demo data; runner 2 starts after it and finds it made
      QUARKUS_HTTP_PORT=${FAULTS_RUNNER_PORTS[n - 1]} PDX_DATA_DIR=$FAULTS_DATA PDX_DEMO_GENERATE=true PDX_DEMO_SCALE=small \
        PDX_SANDBOX_SECRET=$(sandbox_secret) PDX_OPA_URL=http://127.0.0.1:$FAULTS_OPA_PORT \
        PDX_SANDBOX_RESULTS_DIR=$FAULTS_RESULTS QUARKUS_HTTP_ACCESS_LOG_ENABLED=true \
        faults_java "$RUN/faults-runner-app/quarkus-run.jar" "$log"
      ;;
    faults-api-[12])
      n=${name##*-}
      QUARKUS_HTTP_PORT=${FAULTS_API_PORTS[n - 1]} QUARKUS_MANAGEMENT_PORT=$((FAULTS_API_PORTS[n - 1] + 1000)) PDX_DB_NAME=$FAULTS_DB \
        PDX_SANDBOX_URL=http://127.0.0.1:${FAULTS_RUNNER_PORTS[n - 1]} PDX_SANDBOX_SECRET=$(sandbox_secret) \
        PDX_DEMO_MANIFEST=$FAULTS_DATA/manifest.json PDX_OPA_URL=http://127.0.0.1:$FAULTS_OPA_PORT \
        PDX_RATE_LIMITS_SCALE=100 PDX_SANDBOX_LEASE=$FAULTS_LEASE PDX_SANDBOX_LEASE_RENEWAL_EVERY=$FAULTS_LEASE_RENEWAL \
        faults_java "$RUN/faults-api-app/quarkus-run.jar" "$log"
      ;;
    *) echo "unknown service $name"; return 2 ;;
  esac
  echo $! >"$pidfile"
}

faults_java() { # jar log (the environment set by the caller)
  # shellcheck disable=SC2086
  nohup java -Xmx768m ${PDX_JAVA_OPTS:--XX:-UseCodeCacheFlushing} --add-opens=java.base/java.nio=ALL-UNNAMED \
    -jar "$1" >>"$2" 2>&1 </dev/null &
}

# Kills one of our services at once (SIGKILL, a crash): by its PID file.
faults_kill() { # name
  local pidfile=$RUN/$1.pid pid i
  [ -f "$pidfile" ] || { echo "$1 is not running"; return 1; }
  pid=$(cat "$pidfile")
  kill -9 "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$pidfile"
  echo "$1 killed (pid $pid)"
}

# Serves the tests' requests until they end: one line "ACTION [NAME]" in, one line "ok|fail SECONDS DETAIL" out.
faults_serve() { # tests-pid requests-fifo replies-fifo
  local tests=$1 requests replies action name began out status chunk pending=""
  exec {requests}<>"$2" {replies}<>"$3"
  while kill -0 "$tests" 2>/dev/null; do
    # a read that times out mid-line keeps what it read (bash saves partial input): it begins the next line, never lost
    if ! IFS= read -r -t 1 -u "$requests" chunk; then
      pending+=$chunk
      continue
    fi
    read -r action name <<<"$pending$chunk"
    pending=""
    began=$SECONDS
    echo "== $(date +%T) request: $action $name"
    out=$(faults_action "$action" "$name" 2>&1) && status=ok || status=fail
    printf '%s\n' "$out"
    printf '%s %s %s\n' "$status" "$((SECONDS - began))" "$(printf '%s' "$out" | tail -n 1)" >&"$replies"
  done
  exec {requests}>&- {replies}>&-
}

faults_action() { # action [name]
  local version
  case "$1" in
    start) faults_start "$2" ;;
    stop) stop_pid "$2" "$RUN/$2.pid" && echo "$2 stopped" ;;
    kill) faults_kill "$2" ;;
    pg-restart)
      version=$(pg_version)
      pg_ctlcluster "$version" "$PG_CLUSTER" restart && echo "PostgreSQL $version/$PG_CLUSTER restarted" ;;
    keycloak-stop) stop_pid Keycloak "$RUN/keycloak.pid" && echo "Keycloak stopped" ;;
    keycloak-start) (start_keycloak) && echo "Keycloak started" ;;
    *) echo "unknown action $1"; return 2 ;;
  esac
}

# One line per case from the report the tests wrote, and the pytest totals.
faults_summary() { # log
  grep -E '^(FAILED|ERROR) |[0-9]+ (passed|failed|error)' "$1" | tail -n 12 | sed 's/^/    /'
  python3 - "$LOGS/faults/report.json" <<'PY' | sed 's/^/    /'
import json, sys
try:
    report = json.load(open(sys.argv[1], encoding="utf-8"))
except (OSError, ValueError):
    sys.exit(0)
for case, figures in report.items():
    print(f"{case}: " + ", ".join(f"{k} {v}" for k, v in figures.items()))
PY
}
