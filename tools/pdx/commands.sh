# shellcheck shell=bash
# Part of ./pdx (sourced, not run): up, down, status and test.

# ---------------------------------------------------------------- commands
cmd_up() {
  STEPS=7
  local began
  began=$(date +%s)
  install_tools
  build
  start_postgres
  start_opa
  start_keycloak
  start_sandbox
  start_api
  cat <<EOF

PDX is up ($(($(date +%s) - began))s). Everything listens on 127.0.0.1.
  Web UI and API   $API_URL/            (API: $API_URL/api/v1/datasets, OpenAPI: $API_URL/q/openapi)
  sandbox-runner   $SANDBOX_URL          (internal: only marketplace-api calls it)
  Keycloak         $KC_URL/          (realm pdx; master admin: admin / pdx-admin)
  OPA              $OPA_URL          (decision log: $LOGS/opa.log)
  PostgreSQL       127.0.0.1:$PG_PORT        (database pdx, user pdx / pdx)
Demo logins (realm pdx, password pdx-demo for every user; development only):
  bureau-admin · reviewer-1 · reviewer-2 · provider-transport · provider-market · regulator-1 (监管, read-only)
  operator-a · developer-a  (org 91350100M000100Y43)   operator-b · developer-b  (org 91110000600037341L)
  service accounts: dev-org-a / dev-org-a-dev-secret · dev-org-b / dev-org-b-dev-secret
Logs: $LOGS     Stop: ./pdx down     Health: ./pdx status
EOF
}

cmd_down() {
  echo "==> Stopping what ./pdx up started"
  # and what an interrupted ./pdx test may have left: the test stack and the faults part's services
  stop_test_stack
  faults_stop_all
  faults_unmount
  stop_pid marketplace-api "$RUN/marketplace-api.pid"
  stop_pid sandbox-runner "$RUN/sandbox-runner.pid"
  stop_pid Keycloak "$RUN/keycloak.pid"
  stop_pid OPA "$RUN/opa.pid"
  if [ -f "$RUN/postgres.started" ]; then
    # shellcheck disable=SC2046
    pg_ctlcluster $(cat "$RUN/postgres.started") stop && note "PostgreSQL cluster $(cat "$RUN/postgres.started") stopped"
    rm -f "$RUN/postgres.started"
  fi
  echo "    done"
}

cmd_status() {
  local rc=0
  row() { # name up? detail
    printf '  %-16s %-5s %s\n' "$1" "$2" "$3"
    [ "$2" = up ] || rc=1
  }
  echo "PDX components"
  local version status
  version=$(pg_version 2>/dev/null || true)
  status=$(pg_lsclusters -h 2>/dev/null | awk -v c="$PG_CLUSTER" '$2==c {print $4}')
  if [ "$status" = online ]; then row postgresql up "cluster $version/$PG_CLUSTER on 127.0.0.1:$PG_PORT"; else row postgresql down "cluster $PG_CLUSTER ${status:-absent}"; fi
  if http_ok "$OPA_URL/health?bundles"; then row opa up "$OPA_URL/health?bundles: 200"; else row opa down "$OPA_URL"; fi
  if http_ok "$KC_HEALTH_URL"; then row keycloak up "$KC_HEALTH_URL: UP"; else row keycloak down "$KC_URL"; fi
  local name url health
  for name in sandbox-runner marketplace-api; do
    url=$SANDBOX_URL; [ "$name" = marketplace-api ] && url=$API_URL
    health=$(curl -sS --max-time 5 "$url/q/health" 2>/dev/null || true)
    if [ -n "$health" ] && echo "$health" | grep -q '"status" *: *"UP"' && ! echo "$health" | grep -q '"DOWN"'; then
      row "$name" up "$(summarize_health "$health")"
    else
      row "$name" down "${health:+$(summarize_health "$health")}"
    fi
  done
  return $rc
}
summarize_health() {
  python3 -c 'import json,sys
h=json.loads(sys.argv[1]); print(", ".join(c["name"]+" "+c["status"] for c in h.get("checks",[])))' "$1" 2>/dev/null || echo "$1"
}
