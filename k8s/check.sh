#!/usr/bin/env bash
# Builds every overlay with kustomize (${KUSTOMIZE:-kustomize}) and checks the result; exits
# non-zero if any overlay fails. Checks beyond the build run when their tools are there:
#   verify.py              security context, probes, network policies (python3 with PyYAML)
#   kubernetes-validate    the Kubernetes API schemas, offline (${KUBERNETES_VALIDATE:-kubernetes-validate})
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
kustomize="${KUSTOMIZE:-kustomize}"
validate="${KUBERNETES_VALIDATE:-kubernetes-validate}"

if ! command -v "$kustomize" >/dev/null 2>&1; then
  echo "check: $kustomize not found (set KUSTOMIZE to its path)" >&2
  exit 2
fi
verify=1
python3 -c 'import yaml' 2>/dev/null || { verify=0; echo "check: python3 with PyYAML not found; verify.py skipped" >&2; }
schemas=1
command -v "$validate" >/dev/null 2>&1 || { schemas=0; echo "check: $validate not found; schema validation skipped" >&2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

status=0
for overlay in dev prod; do
  built="$tmp/$overlay.yaml"
  if ! "$kustomize" build "$here/overlays/$overlay" >"$built"; then
    echo "check: overlays/$overlay FAILED to build" >&2
    status=1
  elif [[ $verify -eq 1 ]] && ! python3 "$here/verify.py" <"$built"; then
    echo "check: overlays/$overlay FAILED verify.py" >&2
    status=1
  elif [[ $schemas -eq 1 ]] && ! "$validate" --strict --quiet "$built"; then
    echo "check: overlays/$overlay FAILED schema validation" >&2
    status=1
  else
    echo "check: overlays/$overlay ok ($(grep -c '^kind:' "$built") objects)"
  fi
done

# A stale copy of the realm is worth a warning, not a failure.
realm="$here/../keycloak/pdx-realm.json"
if [[ -f "$realm" ]] && ! cmp -s "$realm" "$here/base/generated/pdx-realm.json"; then
  echo "check: warning: base/generated/pdx-realm.json differs from keycloak/pdx-realm.json; run k8s/sync.sh" >&2
fi
exit "$status"
