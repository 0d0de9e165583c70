#!/usr/bin/env bash
# Builds every overlay with kustomize (${KUSTOMIZE:-kustomize}) and checks each build; exits non-zero if an
# overlay fails or a tool is missing (nothing is skipped):
#   verify.py             what the manifests promise (k8s/README.md, "What check.sh asserts")
#   kubernetes-validate   the Kubernetes API schemas, offline and strict (an unknown field fails)
#   test_verify.py        breaks a copy of the build one property at a time: verify.py must report each one
# Python is ${PYTHON:-~/.pdx/venv/bin/python}: the venv ./pdx makes from tools/python-requirements.txt
# (PyYAML, kubernetes-validate).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
kustomize="${KUSTOMIZE:-kustomize}"
python="${PYTHON:-${PDX_HOME:-$HOME/.pdx}/venv/bin/python}"

if ! command -v "$kustomize" >/dev/null 2>&1; then
  echo "check: FAILED: $kustomize not found (set KUSTOMIZE to its path)" >&2
  exit 2
fi
if ! "$python" -c 'import yaml, kubernetes_validate' >/dev/null 2>&1; then
  echo "check: FAILED: $python with PyYAML and kubernetes-validate not found (set PYTHON, or make the venv:" >&2
  echo "  python3 -m venv ~/.pdx/venv && ~/.pdx/venv/bin/pip install -r tools/python-requirements.txt)" >&2
  exit 2
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

status=0
for overlay in dev prod; do
  built="$tmp/$overlay.yaml"
  if ! "$kustomize" build "$here/overlays/$overlay" >"$built"; then
    echo "check: overlays/$overlay FAILED to build" >&2
    status=1
  elif ! "$python" -B "$here/verify.py" <"$built"; then
    echo "check: overlays/$overlay FAILED verify.py" >&2
    status=1
  elif ! "$python" -m kubernetes_validate --strict --quiet "$built"; then
    echo "check: overlays/$overlay FAILED schema validation (kubernetes-validate)" >&2
    status=1
  elif ! "$python" -B "$here/test_verify.py" "$built"; then
    echo "check: overlays/$overlay FAILED test_verify.py: a broken copy of it passed a check" >&2
    status=1
  else
    echo "check: overlays/$overlay ok ($(grep -c '^kind:' "$built") objects: built, verified, schema-valid; every deliberate break caught)"
  fi
done

# A stale copy of the realm is worth a warning, not a failure.
realm="$here/../keycloak/pdx-realm.json"
if [[ -f "$realm" ]] && ! cmp -s "$realm" "$here/base/generated/pdx-realm.json"; then
  echo "check: warning: base/generated/pdx-realm.json differs from keycloak/pdx-realm.json; run k8s/sync.sh" >&2
fi
exit "$status"
