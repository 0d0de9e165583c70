#!/usr/bin/env bash
# Copies what the manifests need from outside k8s/ into k8s/base/generated/, since kustomize
# loads no file from outside its root:
#   keycloak/pdx-realm.json  -> generated/pdx-realm.json
#   policy/ (Rego + data)    -> generated/policy-bundle.tar.gz   (opa build; ${OPA:-opa})
# Without policy sources or without opa, the bundle is left as it is (a committed empty bundle
# on a fresh clone: OPA then answers nothing and marketplace-api fails closed).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
out="$here/base/generated"
opa="${OPA:-opa}"
mkdir -p "$out"

realm="$repo/keycloak/pdx-realm.json"
if [[ -f "$realm" ]]; then
  cp "$realm" "$out/pdx-realm.json"
  echo "sync: realm <- keycloak/pdx-realm.json"
else
  echo "sync: keycloak/pdx-realm.json not found; realm left as it is" >&2
fi

# Rego packages live in policy/pdx/, defaults in policy/data.json (see docs/ARCHITECTURE.md).
# Paths stay relative to policy/, so the bundle holds pdx/... rather than this machine's paths.
sources=()
[[ -d "$repo/policy/pdx" ]] && sources+=(pdx)
[[ -f "$repo/policy/data.json" ]] && sources+=(data.json)
if [[ ${#sources[@]} -eq 0 ]]; then
  echo "sync: no policy sources in policy/pdx or policy/data.json; bundle left as it is" >&2
elif ! command -v "$opa" >/dev/null 2>&1; then
  echo "sync: $opa not found; bundle left as it is" >&2
  exit 1
else
  opa="$(command -v "$opa")"
  (cd "$repo/policy" && "$opa" build --ignore '*_test.rego' -o "$out/policy-bundle.tar.gz" "${sources[@]}")
  echo "sync: policy-bundle.tar.gz <- policy/{${sources[*]}}"
fi
