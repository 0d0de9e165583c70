# shellcheck shell=bash
# Part of ./pdx (sourced, not run): ./pdx test contract, against the test stack (tools/pdx/teststack.sh).
#
# The OpenAPI document must tell the truth: redocly lint (recommended rules, tools/contract/redocly.yaml) with zero
# errors, then Schemathesis with --checks all on every operation, once anonymously and once per role, on real ids made
# through the API by tools/contract/data.py (configuration: tools/contract/schemathesis.toml). Each run writes
# JUnit XML to $LOGS/junit-contract-<role>.xml, which ./pdx's totals count.

CONTRACT_ROLES=(anonymous provider-transport developer-a operator-a reviewer-1 bureau-admin)
# Test cases per operation and phase; the whole part stays within about eight minutes on two cores.
CONTRACT_EXAMPLES=${PDX_CONTRACT_EXAMPLES:-8}
CONTRACT_SEED=${PDX_CONTRACT_SEED:-20261128}
CONTRACT_WORKERS=${PDX_CONTRACT_WORKERS:-2}

test_contract() {
  local log=$LOGS/test-contract.log dir=$ROOT/tools/contract work=$LOGS/contract rc=0 role token lint_rc
  step "API contract: redocly lint, Schemathesis on every operation anonymously and per role" "$log"
  : >"$log"
  rm -f "$LOGS"/junit-contract-*.xml
  rm -rf "$work" && mkdir -p "$work"
  # npm ci when node_modules is missing or older than the lock file (the copy of the lock it was made from differs)
  if [ ! -x "$dir/node_modules/.bin/redocly" ] || ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.pdx-lock.json"; then
    (cd "$dir" && npm ci --no-audit --no-fund && cp package-lock.json node_modules/.pdx-lock.json) >>"$log" 2>&1 \
      || { note "npm ci in tools/contract failed (see $log)"; return 1; }
  fi
  if [ ! -x "$PDX_VENV/bin/schemathesis" ]; then
    python_tools >>"$log" 2>&1 || true
  fi
  curl -fsS --max-time 30 "$STACK_API_URL/q/openapi?format=json" -o "$work/openapi.json" 2>>"$log" \
    || { note "could not fetch $STACK_API_URL/q/openapi"; return 1; }

  echo "== redocly lint" >>"$log"
  (cd "$dir" && export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
    && node_modules/.bin/redocly lint --config redocly.yaml --format stylish "$work/openapi.json" \
    && node_modules/.bin/redocly lint --config redocly.yaml --format json "$work/openapi.json" >"$work/lint.json") >>"$log" 2>&1
  lint_rc=$?
  note "redocly lint: $(contract_lint_totals "$work/lint.json")"
  [ "$lint_rc" = 0 ] || rc=1
  contract_lint_junit "$lint_rc" "$work/lint.json"

  echo "== test data" >>"$log"
  STACK_API_URL=$STACK_API_URL python3 "$dir/data.py" make "$work/ids.sh" >>"$log" 2>&1 \
    || { note "could not make the test data (see $log)"; return 1; }
  # shellcheck source=/dev/null
  source "$work/ids.sh"

  # How a path answers a method it does not have (405 with Allow) does not depend on who asks: tried anonymously only.
  { cat "$dir/schemathesis.toml"; printf '\n[phases.coverage]\nunexpected-methods = []\n'; } >"$work/roles.toml"
  for role in "${CONTRACT_ROLES[@]}"; do
    local config=$dir/schemathesis.toml
    [ "$role" = anonymous ] || config=$work/roles.toml
    local args=(--config-file "$config" run "$STACK_API_URL/q/openapi?format=json" --url "$STACK_API_URL"
      --checks all --max-examples "$CONTRACT_EXAMPLES" --seed "$CONTRACT_SEED" --workers "$CONTRACT_WORKERS" --no-color
      --request-timeout 60 --report "junit,ndjson" --report-junit-path "$LOGS/junit-contract-$role.xml"
      --report-ndjson-path "$work/$role.ndjson")
    if [ "$role" != anonymous ]; then
      token=$(python3 "$dir/data.py" token "$role" 2>>"$log") || { note "no token for $role"; rc=1; continue; }
      args+=(-H "Authorization: Bearer $token")
    fi
    echo "== schemathesis as $role" >>"$log"
    local began=$SECONDS
    SCHEMATHESIS_HOOKS=$dir/hooks.py "$PDX_VENV/bin/schemathesis" "${args[@]}" >"$work/$role.log" 2>&1 || rc=1
    cat "$work/$role.log" >>"$log"
    note "$(contract_run_summary "$role" "$work" $((SECONDS - began)))"
  done
  contract_junit_names
  if [ "$rc" = 0 ]; then
    ok "lint clean, no Schemathesis failure"
  else
    note "FAILED: see $log"
  fi
  return "$rc"
}

# "N errors, N warnings" of redocly's JSON report.
contract_lint_totals() {
  python3 - "$1" <<'PY' 2>/dev/null || echo "no report"
import json, sys
totals = json.load(open(sys.argv[1]))["totals"]
print(f"{totals['errors']} errors, {totals['warnings']} warnings")
PY
}

# The lint as one JUnit case, beside the Schemathesis runs' reports.
contract_lint_junit() { # exit-code lint.json
  python3 - "$1" "$2" "$LOGS/junit-contract-lint.xml" <<'PY'
import json, sys, xml.etree.ElementTree as ET
code, report, out = sys.argv[1], sys.argv[2], sys.argv[3]
try:
    problems = [p for p in json.load(open(report))["problems"] if p.get("severity") == "error"]
except (OSError, ValueError, KeyError):
    problems = [{"message": "no lint report"}]
suite = ET.Element("testsuite", name="redocly lint", tests="1", failures="0" if code == "0" else "1")
case = ET.SubElement(suite, "testcase", name="redocly lint: the OpenAPI document has no error", classname="contract.lint")
if code != "0":
    ET.SubElement(case, "failure", message=f"{len(problems)} errors").text = "\n".join(
        f"{p.get('ruleId', '')}: {p.get('message', '')}" for p in problems)
ET.ElementTree(suite).write(out, encoding="utf-8", xml_declaration=True)
PY
}

# One line per run: operations, test cases, checks, failures and errors (a schema Schemathesis cannot generate for), from the run's output and NDJSON events.
contract_run_summary() { # role work-dir seconds
  python3 - "$@" <<'PY'
import json, re, sys
role, work, seconds = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(f"{work}/{role}.log", encoding="utf-8", errors="replace").read()
tested = re.search(r"Tested:\s+(\d+)", text)
cases = re.search(r"^\s+(\d+) generated", text, re.M)
failures = re.search(r"(\d+) found (\d+) unique failures?", text)
errors = re.search(r"^=+ .*?(\d+) errors?[ ,]", text, re.M)
checks = failed = 0
try:
    for line in open(f"{work}/{role}.ndjson", encoding="utf-8"):
        event = json.loads(line).get("ScenarioFinished")
        if not event:
            continue
        for results in (event.get("recorder") or {}).get("checks", {}).values():
            for check in results:
                checks += 1
                failed += check["status"] == "failure"
except OSError:
    pass
unique = failures.group(2) if failures else ("0" if cases else "?")
print(f"{role}: {tested.group(1) if tested else '?'} operations, {cases.group(1) if cases else '?'} test cases, "
      f"{checks} checks, {unique} failures, {errors.group(1) if errors else 0} errors ({seconds}s)")
PY
}

# Each role's JUnit cases named after the role, so that the reports tell the runs apart.
contract_junit_names() {
  python3 - "$LOGS" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
for path in glob.glob(f"{sys.argv[1]}/junit-contract-*.xml"):
    role = path.rsplit("junit-contract-", 1)[1][:-len(".xml")]
    tree = ET.parse(path)
    for suite in tree.getroot().iter("testsuite"):
        suite.set("name", f"schemathesis ({role})")
    for case in tree.getroot().iter("testcase"):
        if not case.get("name", "").startswith(role + ": "):
            case.set("name", f"{role}: {case.get('name')}")
            case.set("classname", f"contract.{role}")
    tree.write(path, encoding="utf-8", xml_declaration=True)
PY
}
