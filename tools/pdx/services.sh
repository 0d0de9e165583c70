# shellcheck shell=bash
# Part of ./pdx (sourced, not run): sandbox-runner and marketplace-api.

# ---------------------------------------------------------------- services
start_service() { # name jar url pid-name env...
  local name=$1 jar=$2 url=$3 pidname=$4; shift 4
  step "Starting $name on ${url#http://}" "$LOGS/$pidname.log"
  # the settings it runs with (PDX_DEMO_SCALE among them), as a hash: a change restarts it
  local settings
  settings=$(printf '%s\n' "$@" | sha256sum | cut -d' ' -f1)
  if pid_alive "$RUN/$pidname.pid" && [ "$jar" -ot "$RUN/$pidname.pid" ] && http_ok "$url/q/health/ready" \
    && [ "$settings" = "$(cat "$RUN/$pidname.settings" 2>/dev/null)" ]; then
    ok "already running, same build and settings"
    return
  fi
  if pid_alive "$RUN/$pidname.pid"; then note "restarting: its build or settings changed"; fi
  stop_pid "$name" "$RUN/$pidname.pid"
  echo "$settings" >"$RUN/$pidname.settings"
  # It runs from a copy of its build: a rebuild (mvn package) rewrites target/quarkus-app, and a JVM
  # still loading classes from the rewritten jars hangs.
  local app=$RUN/$pidname-app
  rm -rf "$app" && cp -r "$(dirname "$jar")" "$app"
  # Arrow's memory module (sandbox-runner's results) reads java.nio internals. Code-cache flushing
  # off: on two cores the JIT otherwise keeps discarding and recompiling hot code. PDX_JAVA_OPTS
  # replaces these JVM options (e.g. -XX:TieredStopAtLevel=1: warm sooner, slower when warm).
  # shellcheck disable=SC2086
  (export "$@"; start_bg "$RUN/$pidname.pid" "$LOGS/$pidname.log" java -Xmx1g ${PDX_JAVA_OPTS:--XX:-UseCodeCacheFlushing} \
    --add-opens=java.base/java.nio=ALL-UNNAMED -jar "$app/$(basename "$jar")")
  wait_http "$url/q/health/ready" 300 "$RUN/$pidname.pid" || fail "$name did not become ready"
  ok "pid $(cat "$RUN/$pidname.pid")"
}

# The secret marketplace-api shows sandbox-runner: made once per checkout, readable only by its owner.
sandbox_secret() {
  local file="$STATE/sandbox-secret"
  if [ ! -s "$file" ]; then
    (umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$file")
  fi
  cat "$file"
}
start_sandbox() {
  start_service sandbox-runner "$ROOT/sandbox-runner/target/quarkus-app/quarkus-run.jar" "$SANDBOX_URL" sandbox-runner \
    PDX_DATA_DIR="$DATA" PDX_DEMO_GENERATE=true PDX_DEMO_SCALE="$PDX_DEMO_SCALE" PDX_SANDBOX_SECRET="$(sandbox_secret)"
}
start_api() {
  start_service marketplace-api "$ROOT/marketplace-api/target/quarkus-app/quarkus-run.jar" "$API_URL" marketplace-api \
    PDX_DEMO_MANIFEST="$DATA/manifest.json" PDX_DEMO_SCALE="$PDX_DEMO_SCALE" PDX_SANDBOX_SECRET="$(sandbox_secret)"
}
