# shellcheck shell=bash
# Part of ./pdx (sourced, not run): the packaged platform as the black-box tests see it (the web console's
# browser tests, the Python client's tests, the README's flow, the API contract's fuzzing): sandbox-runner and
# marketplace-api from their packaged jars, on ports of their own, with a database and a data folder of their own,
# made afresh for each run, so a developer's `./pdx up` is neither used nor touched. Stopped by PID at the end.

STACK_API_URL=http://127.0.0.1:8085
STACK_SANDBOX_URL=http://127.0.0.1:8096
STACK_DB=pdx_stack
STACK_DATA=$STATE/stack-data

# Starts the test stack once per ./pdx test run; later parts find it running.
start_test_stack() {
  if [ "${TEST_STACK_STARTED:-0}" = 1 ]; then return 0; fi
  build >/dev/null
  stop_test_stack
  psql_admin -c "drop database if exists $STACK_DB with (force)" >>"$LOGS/postgres.log" 2>&1
  psql_admin -c "create database $STACK_DB owner $DB_USER encoding 'UTF8' template template0" >>"$LOGS/postgres.log" 2>&1
  rm -rf "$STACK_DATA" "$STACK_DATA-results"
  start_service "sandbox-runner (test stack)" "$ROOT/sandbox-runner/target/quarkus-app/quarkus-run.jar" "$STACK_SANDBOX_URL" \
    stack-sandbox-runner QUARKUS_HTTP_PORT=8096 PDX_DATA_DIR="$STACK_DATA" PDX_DEMO_GENERATE=true PDX_DEMO_SCALE=small \
    PDX_SANDBOX_SECRET="$(sandbox_secret)"
  start_service "marketplace-api (test stack)" "$ROOT/marketplace-api/target/quarkus-app/quarkus-run.jar" "$STACK_API_URL" \
    stack-marketplace-api QUARKUS_HTTP_PORT=8085 QUARKUS_MANAGEMENT_PORT=9085 PDX_DB_NAME="$STACK_DB" PDX_SANDBOX_URL="$STACK_SANDBOX_URL" \
    PDX_DEMO_MANIFEST="$STACK_DATA/manifest.json" PDX_SANDBOX_SECRET="$(sandbox_secret)" \
    PDX_REGISTRATION_CONCLUDE_EVERY=3s
  TEST_STACK_STARTED=1
}

stop_test_stack() {
  stop_pid "marketplace-api (test stack)" "$RUN/stack-marketplace-api.pid"
  stop_pid "sandbox-runner (test stack)" "$RUN/stack-sandbox-runner.pid"
}
