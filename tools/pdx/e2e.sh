# shellcheck shell=bash
# Part of ./pdx (sourced, not run): ./pdx test e2e — the web console's journeys (anonymous search, an operator's
# license, two reviewers, a result's release, a developer's query, the efficiency dashboard) and accessibility
# checks, with Playwright on Debian's Chromium, against the test stack (tools/pdx/teststack.sh), which serves the
# console built into marketplace-api. Screenshots of each journey land in web-ui/test-results/.

test_e2e() {
  step "Web console: Playwright journeys on Chromium against the test stack" "$LOGS/test-e2e.log"
  rm -f "$LOGS/junit-e2e.xml"
  (
    cd "$ROOT/web-ui"
    PDX_WEB_URL=$STACK_API_URL PDX_API_URL=$STACK_API_URL PDX_KEYCLOAK_URL=$KC_URL \
      PDX_STACK_DATABASE_URL="postgresql://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/$STACK_DB" PDX_STACK_DATA="$STACK_DATA" \
      PLAYWRIGHT_JUNIT_OUTPUT_NAME="$LOGS/junit-e2e.xml" npx playwright test --reporter=list,junit
  ) >"$LOGS/test-e2e.log" 2>&1
  local rc=$?
  grep -E '^\s+[0-9]+ (passed|failed|flaky|skipped)' "$LOGS/test-e2e.log" | sed 's/^ */    /'
  [ $rc -eq 0 ] || grep -E '✘|Error:' "$LOGS/test-e2e.log" | head -n 20 | sed 's/^/    /'
  return $rc
}
