#!/usr/bin/env python3
"""Reads one `kustomize build` output on stdin and checks what the manifests promise:
every object in namespace pdx; every container with requests/limits, no privilege escalation and
ALL capabilities dropped; every pod non-root; Quarkus services probed on /q/health/*; the sandbox
without egress; a default deny; every ConfigMap referenced is in the output (Secrets too, where the
overlay generates any). Prints one line per failure and exits 1 if any."""
import sys

import yaml

QUARKUS = {"marketplace-api", "sandbox-runner"}


def main() -> int:
    docs = [d for d in yaml.safe_load_all(sys.stdin) if d]
    by_kind: dict[str, dict[str, dict]] = {}
    for d in docs:
        by_kind.setdefault(d["kind"], {})[d["metadata"]["name"]] = d
    errors: list[str] = []

    for d in docs:
        if d["kind"] != "Namespace" and d["metadata"].get("namespace") != "pdx":
            errors.append(f"{d['kind']}/{d['metadata']['name']}: not in namespace pdx")

    workloads = {**by_kind.get("Deployment", {}), **by_kind.get("StatefulSet", {})}
    for name, w in workloads.items():
        pod = w["spec"]["template"]["spec"]
        if not pod.get("securityContext", {}).get("runAsNonRoot"):
            errors.append(f"{name}: pod without runAsNonRoot")
        for c in pod["containers"]:
            where = f"{name}/{c['name']}"
            res = c.get("resources", {})
            if not res.get("requests") or not res.get("limits"):
                errors.append(f"{where}: resources need requests and limits")
            sc = c.get("securityContext", {})
            if sc.get("allowPrivilegeEscalation") is not False:
                errors.append(f"{where}: allowPrivilegeEscalation must be false")
            if sc.get("capabilities", {}).get("drop") != ["ALL"]:
                errors.append(f"{where}: must drop ALL capabilities")
            if not c.get("readinessProbe") or not c.get("livenessProbe"):
                errors.append(f"{where}: needs readiness and liveness probes")
            if c["name"] in QUARKUS:
                if c["readinessProbe"].get("httpGet", {}).get("path") != "/q/health/ready":
                    errors.append(f"{where}: readiness must be /q/health/ready")
                if c["livenessProbe"].get("httpGet", {}).get("path") != "/q/health/live":
                    errors.append(f"{where}: liveness must be /q/health/live")
        for v in pod.get("volumes", []):
            cm = v.get("configMap", {}).get("name")
            if cm and cm not in by_kind.get("ConfigMap", {}):
                errors.append(f"{name}: ConfigMap {cm} is not in the output")
        if "Secret" in by_kind:  # an overlay that generates secrets must generate them all
            for c in pod["containers"]:
                for e in c.get("env", []):
                    ref = e.get("valueFrom", {}).get("secretKeyRef")
                    if ref and ref["name"] not in by_kind["Secret"]:
                        errors.append(f"{name}: Secret {ref['name']} is not in the output")

    policies = by_kind.get("NetworkPolicy", {})
    deny = policies.get("default-deny-all")
    if not deny or deny["spec"].get("podSelector") != {} or set(deny["spec"].get("policyTypes", [])) != {"Ingress", "Egress"}:
        errors.append("NetworkPolicy default-deny-all must select all pods for Ingress and Egress")
    for pname, p in policies.items():
        selected = p["spec"].get("podSelector", {}).get("matchLabels", {}).get("app.kubernetes.io/name")
        if selected == "sandbox-runner" or p["spec"].get("podSelector") == {}:
            if p["spec"].get("egress"):
                errors.append(f"NetworkPolicy {pname}: gives sandbox-runner egress")
    sandbox = policies.get("sandbox-runner", {}).get("spec", {})
    if "Egress" not in sandbox.get("policyTypes", []) or sandbox.get("egress"):
        errors.append("NetworkPolicy sandbox-runner must deny all egress")

    for e in errors:
        print(f"verify: {e}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
