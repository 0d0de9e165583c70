# shellcheck shell=bash
# Part of ./pdx (sourced, not run): the tests, all of them or a part.
#
#   ./pdx test            provisions, then every part (CI runs exactly this)
#   ./pdx test --quick    the fast tier, no services: Rego, web-ui unit tests, plain JUnit (no stack)
#   ./pdx test <part>...  some parts: opa web shell maven <module> k8s e2e client contract timing faults
#
# e2e, client and contract test the packaged platform from outside (tools/pdx/teststack.sh starts it once);
# faults starts services of its own and breaks them one at a time (tools/pdx/faults.sh).

TEST_PARTS_ALL=(opa web shell maven k8s e2e client timing contract faults)

cmd_test() {
  local began parts=() failed=() quick=0
  began=$(date +%s)
  for arg in "$@"; do
    case "$arg" in
      --quick) quick=1 ;;
      opa | web | shell | maven | k8s | e2e | client | contract | timing | faults | contracts | policy | sandbox-runner | marketplace-api) parts+=("$arg") ;;
      *) echo "unknown test part: $arg (parts: ${TEST_PARTS_ALL[*]} contracts policy sandbox-runner marketplace-api)" >&2; return 2 ;;
    esac
  done
  if [ "$quick" = 1 ]; then
    [ ${#parts[@]} -gt 0 ] || parts=(opa web maven)
    STEPS=${#parts[@]}
    # a fresh checkout installs first (one more step)
    if [ ! -x "$OPA" ] || [ ! -d "$ROOT/web-ui/node_modules" ]; then STEPS=$((STEPS + 1)); fi
    quick_tools
  else
    [ ${#parts[@]} -gt 0 ] || parts=("${TEST_PARTS_ALL[@]}")
    # four for provisioning, one per part, three for the test stack (build, runner, API), one for faults' build
    local extra=0 part
    for part in "${parts[@]}"; do
      case "$part" in e2e | client | contract | timing) extra=3 ;; esac
    done
    for part in "${parts[@]}"; do [ "$part" = faults ] && extra=$((extra + 1)); done
    STEPS=$((${#parts[@]} + 4 + extra))
    install_tools
    start_postgres
    start_opa
    start_keycloak
  fi
  trap - ERR
  set +e
  local part
  for part in "${parts[@]}"; do
    case "$part" in
      opa) test_opa || failed+=(opa) ;;
      web) test_web || failed+=(web-ui) ;;
      shell) test_shell || failed+=(shell) ;;
      k8s) test_k8s || failed+=(k8s) ;;
      maven) test_maven "$quick" || failed+=(maven) ;;
      e2e) { start_test_stack && test_e2e; } || failed+=(e2e) ;;
      client) { start_test_stack && test_client; } || failed+=(client) ;;
      contract) { start_test_stack && test_contract; } || failed+=(contract) ;;
      timing) { start_test_stack && test_timing; } || failed+=(timing) ;;
      faults) # its own services; the test stack would only take memory (and PostgreSQL restarts under it)
        if [ "${TEST_STACK_STARTED:-0}" = 1 ]; then stop_test_stack; TEST_STACK_STARTED=0; fi
        test_faults || failed+=(faults) ;;
      *) test_maven "$quick" "$part" || failed+=("$part") ;;
    esac
  done
  if [ "${TEST_STACK_STARTED:-0}" = 1 ]; then stop_test_stack; fi
  echo
  test_totals
  if [ ${#failed[@]} -gt 0 ]; then
    echo "./pdx test FAILED in: ${failed[*]} ($(($(date +%s) - began))s). Logs: $LOGS"
    return 1
  fi
  echo "./pdx test passed ($(($(date +%s) - began))s). Logs: $LOGS"
}

# The fast tier needs OPA's binary and web-ui's packages, no running service; installed once when missing.
quick_tools() {
  if [ ! -x "$OPA" ] || [ ! -d "$ROOT/web-ui/node_modules" ]; then
    install_tools
  fi
}

test_opa() {
  step "Policy: opa fmt, opa check --strict, opa test --coverage" "$LOGS/test-opa.log"
  (
    set -e
    cd "$ROOT/policy"
    unformatted=$("$OPA" fmt --list pdx)
    if [ -n "$unformatted" ]; then echo "not formatted (opa fmt): $unformatted"; exit 1; fi
    "$OPA" check --strict pdx data.json
    "$OPA" test -v pdx data.json
    coverage=$("$OPA" test --coverage --format=json pdx data.json | python3 -c 'import json,sys; print(round(json.load(sys.stdin)["coverage"], 1))')
    echo "opa test coverage: $coverage%"
    python3 -c "import sys; sys.exit(0 if $coverage >= 90 else 1)" || { echo "coverage below 90%"; exit 1; }
  ) >"$LOGS/test-opa.log" 2>&1
  local rc=$?
  grep -E '^(FAIL|ERROR|opa test coverage|not formatted|coverage below|[0-9]+ errors? occurred)' "$LOGS/test-opa.log" | sed 's/^/    /'
  echo "    opa test: $(grep -c ': PASS' "$LOGS/test-opa.log") passed, $(grep -c ': FAIL' "$LOGS/test-opa.log") failed"
  return $rc
}

test_web() {
  step "web-ui: typecheck, build, vitest" "$LOGS/test-web-ui.log"
  (cd "$ROOT/web-ui" && npm run build && npm test) >"$LOGS/test-web-ui.log" 2>&1
  local rc=$?
  grep -E 'Test Files|Tests ' "$LOGS/test-web-ui.log" | sed 's/\x1b\[[0-9;]*m//g; s/^/    /'
  return $rc
}

# The shell scripts checked by shellcheck: the entry script with its parts, CI, bench and k8s scripts.
test_shell() {
  step "Shell scripts: shellcheck" "$LOGS/test-shell.log"
  command -v shellcheck >/dev/null || apt_install shellcheck
  # ./pdx with -x: the parts it sources are checked in its context
  (cd "$ROOT" && shellcheck -x pdx .ci/run bench/*.sh k8s/*.sh) >"$LOGS/test-shell.log" 2>&1
  local rc=$?
  echo "    shellcheck: $(cd "$ROOT" && ls pdx tools/pdx/*.sh .ci/run bench/*.sh k8s/*.sh | wc -l) scripts, $(grep -c '^In ' "$LOGS/test-shell.log") findings"
  return $rc
}

# Maven: every module's unit and integration tests (verify), or one module with what it needs;
# the fast tier runs the plain JUnit tests only (those not tagged "stack").
test_maven() { # quick [module]
  local quick=$1 module=${2:-} log=$LOGS/test-maven${2:+-$2}.log
  local args=(-B)
  if [ "$quick" = 1 ]; then
    step "Maven: the fast tier of ${module:-every module} (no stack)" "$log"
    args+=(-DexcludedGroups=stack test)
  else
    step "Maven verify: unit and integration tests of ${module:-every module}" "$log"
    args+=(verify)
  fi
  [ -n "$module" ] && args=(-pl "$module" -am "${args[@]}")
  rm -rf "$ROOT"/*/target/surefire-reports "$ROOT"/*/target/failsafe-reports
  (cd "$ROOT" && mvn "${args[@]}") >"$log" 2>&1
  local rc=$?
  grep -E 'Tests run:|BUILD|FAIL|ERROR\]' "$log" | grep -vE 'Tests run:.*-- in ' | sed 's/^/    /' | tail -n 40
  return $rc
}

# The timing channel (#20): a statistical test against the test stack, in a part of its own (about a minute).
test_timing() {
  local log=$LOGS/test-timing.log
  step "timing: a job's visible completion does not depend on one row (Mann-Whitney U, IMPORTANT and GENERAL)" "$log"
  (cd "$ROOT" && PDX_API_URL="$STACK_API_URL" PDX_KEYCLOAK_URL="$KC_URL/realms/pdx" PDX_DATA_DIR="$STACK_DATA" \
    "$PDX_VENV/bin/python" -m pytest -p no:cacheprovider -q -s -rfE tests/timing --junitxml="$LOGS/junit-timing.xml") >"$log" 2>&1
  local rc=$?
  grep -E '^(IMPORTANT|GENERAL):|passed|failed' "$log" | sed 's/^/    /'
  return $rc
}

test_k8s() {
  step "Kubernetes manifests: kustomize build and checks of each overlay" "$LOGS/test-k8s.log"
  {
    if [ ! -x "$KUSTOMIZE" ]; then
      (cd /tmp && GOBIN=$PDX_HOME/bin go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION")
    fi
    OPA=$OPA "$ROOT/k8s/sync.sh" && KUSTOMIZE=$KUSTOMIZE PYTHON=$PDX_VENV/bin/python "$ROOT/k8s/check.sh"
  } >"$LOGS/test-k8s.log" 2>&1
  local rc=$?
  tail -n 3 "$LOGS/test-k8s.log" 2>/dev/null | sed 's/^/    /'
  return $rc
}

# One closing line over every runner: opa test, vitest, Surefire and Failsafe reports (test cases counted one by one,
# nested classes included).
test_totals() {
  python3 - "$ROOT" "$LOGS" <<'PY'
import glob, re, sys, xml.etree.ElementTree as ET
root, logs = sys.argv[1], sys.argv[2]
passed = failed = skipped = 0
def read(path):
    try:
        return open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return ""
opa = read(f"{logs}/test-opa.log")
passed += len(re.findall(r": PASS", opa)); failed += len(re.findall(r": (FAIL|ERROR)", opa))
web = re.sub(r"\x1b\[[0-9;]*m", "", read(f"{logs}/test-web-ui.log"))
m = re.search(r"^\s*Tests\s+(.*)$", web, re.M)
if m:
    for n, word in re.findall(r"(\d+) (passed|failed|skipped)", m.group(1)):
        if word == "passed": passed += int(n)
        elif word == "failed": failed += int(n)
        else: skipped += int(n)
# the black-box parts (e2e, client, contract) leave JUnit XML in the logs folder
reports = glob.glob(f"{root}/*/target/surefire-reports/TEST-*.xml") + glob.glob(f"{root}/*/target/failsafe-reports/TEST-*.xml")
for report in reports + glob.glob(f"{logs}/junit-*.xml"):
    for case in ET.parse(report).getroot().iter("testcase"):
        if case.find("skipped") is not None: skipped += 1
        elif case.find("failure") is not None or case.find("error") is not None: failed += 1
        else: passed += 1
print(f"pdx: {passed} passed, {failed} failed, {skipped} skipped")
PY
}
