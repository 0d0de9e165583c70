# shellcheck shell=bash
# Part of ./pdx (sourced, not run): ./pdx test client (against the test stack, tools/pdx/teststack.sh).
#
# Installs clients/python into $PDX_VENV (its models generated from clients/python/openapi.json while the wheel is
# built, with the venv's pinned openapi-python-client and hatchling, offline), then runs against the test stack:
#   the README test (tools/readme/test_readme.py: every bash and python block of README.md, in order) and
#   the client's tests (clients/python/tests: Pdx against the live API, the document's copy checked against it).
# JUnit XML: $LOGS/junit-client-readme.xml and $LOGS/junit-client-python.xml.

test_client() {
  local log=$LOGS/test-client.log rc=0
  step "client: the Python client and the README against the test stack ($STACK_API_URL)" "$log"
  rm -f "$LOGS"/junit-client-*.xml
  {
    echo "== pip install clients/python (generates pdx_client.generated from clients/python/openapi.json)"
    "$PDX_VENV/bin/pip" install --disable-pip-version-check --no-build-isolation --no-index --no-deps --force-reinstall \
      "$ROOT/clients/python"
  } >"$log" 2>&1 || { note "pip could not install clients/python (see $log)"; tail -n 15 "$log" | sed 's/^/    /'; return 1; }
  # the same tests run against a developer's ./pdx up with PDX_API_URL=http://127.0.0.1:8080 (their default)
  local pytest=(env PDX_API_URL="$STACK_API_URL" PDX_KEYCLOAK_URL="$KC_URL/realms/pdx"
    "$PDX_VENV/bin/python" -m pytest -p no:cacheprovider -q -rfEs)
  {
    echo "== README test"
    (cd "$ROOT" && "${pytest[@]}" tools/readme/test_readme.py --junitxml="$LOGS/junit-client-readme.xml")
  } >>"$log" 2>&1 || rc=1
  {
    echo "== client tests"
    (cd "$ROOT/clients/python" && "${pytest[@]}" tests --junitxml="$LOGS/junit-client-python.xml")
  } >>"$log" 2>&1 || rc=1
  "$PDX_VENV/bin/python" - "$LOGS" <<'PY' | sed 's/^/    /'
import sys, xml.etree.ElementTree as ET
logs, summary, failed = sys.argv[1], [], []
for name, label in (("python", "client tests"), ("readme", "README test")):
    try:
        cases = list(ET.parse(f"{logs}/junit-client-{name}.xml").getroot().iter("testcase"))
    except (OSError, ET.ParseError):
        summary.append(f"{label}: no report")
        continue
    passed = skipped = 0
    for case in cases:
        if case.find("skipped") is not None:
            skipped += 1
        elif case.find("failure") is not None or case.find("error") is not None:
            failed.append(f"{case.get('classname', '')}::{case.get('name')}")
        else:
            passed += 1
    summary.append(f"{label}: {passed} passed, {len(cases) - passed - skipped} failed, {skipped} skipped")
print("; ".join(summary))
for test in failed[:10]:
    print(f"  FAILED {test}")
PY
  if [ "$rc" != 0 ]; then
    note "client part failed (see $log)"
    return 1
  fi
  ok
}
