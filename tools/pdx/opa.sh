# shellcheck shell=bash
# Part of ./pdx (sourced, not run): OPA on 127.0.0.1:8181 with the policy/ bundle.

# ---------------------------------------------------------------- OPA
build_bundle() {
  (cd "$ROOT/policy" && "$OPA" build --ignore '*_test.rego' -o "$STATE/bundle.tar.gz.new" pdx data.json) >>"$LOGS/opa-build.log" 2>&1
  mv "$STATE/bundle.tar.gz.new" "$STATE/bundle.tar.gz"
}
start_opa() {
  step "Starting OPA on 127.0.0.1:8181 with the policy/ bundle" "$LOGS/opa.log"
  CURRENT_LOG=$LOGS/opa-build.log
  : >"$LOGS/opa-build.log"
  build_bundle
  CURRENT_LOG=$LOGS/opa.log
  local sum
  sum=$(sha256sum "$STATE/bundle.tar.gz" | cut -d' ' -f1)
  if pid_alive "$RUN/opa.pid" && [ "$(cat "$RUN/opa.bundle" 2>/dev/null)" = "$sum" ] && http_ok "$OPA_URL/health?bundles"; then
    ok "already running, same bundle"
    return
  fi
  stop_pid OPA "$RUN/opa.pid"
  # GOGC=400: OPA's live heap is a few tens of MB; collecting less often takes its pauses out
  # of most decisions' way (p99 at 500 decisions/s: 8.7 → 4.8–6.5 ms measured with vegeta).
  # Its decision log (one JSON line per decision) goes through a bounded sink: $OPA_LOG_MB per file, 3 kept.
  # The PID file holds OPA's own PID (the sink ends with its input). The sink holds none of ./pdx's own output, so
  # `./pdx up | tee` ends when ./pdx does.
  : >"$LOGS/opa.log"
  nohup env GOGC=400 "$OPA" run --server --addr 127.0.0.1:8181 \
    --bundle "$STATE/bundle.tar.gz" --optimize-store-for-read-speed \
    --log-format json --set decision_logs.console=true \
    > >(exec python3 "$ROOT/tools/pdx/rotating_log.py" "$LOGS/opa.log" "$OPA_LOG_MB" 3 >/dev/null 2>&1) 2>&1 </dev/null &
  echo $! >"$RUN/opa.pid"
  echo "$sum" >"$RUN/opa.bundle"
  wait_http "$OPA_URL/health?bundles" 30 "$RUN/opa.pid" || fail "OPA did not become healthy"
  ok "pid $(cat "$RUN/opa.pid"), decision log in $LOGS/opa.log"
}
