#!/usr/bin/env python3
"""Shows that verify.py bites: takes one overlay's `kustomize build` output (the file named), checks that
it passes as built, then breaks a copy of it one property at a time and checks that verify.py reports
exactly that property. One break also goes through verify.py's command line (exit status 1), and one
through kubernetes-validate (a field the API does not know). Prints a line per failure and a closing
`N passed, N failed`; exits 1 if any failed."""
import copy
import os
import subprocess
import sys
import tempfile

import yaml

import verify

HERE = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------------------------------------- finders

def obj(docs, kind, name):
    return next(d for d in docs if d["kind"] == kind and d["metadata"]["name"] == name)


def pod(docs, workload):
    kind = "StatefulSet" if workload == "postgres" else "Deployment"
    return obj(docs, kind, workload)["spec"]["template"]["spec"]


def container(docs, workload, name=None, init=False):
    key = "initContainers" if init else "containers"
    return next(c for c in pod(docs, workload)[key] if c["name"] == (name or workload))


def volume(docs, workload, name):
    return next(v for v in pod(docs, workload)["volumes"] if v["name"] == name)


def mount(docs, workload, cname, path):
    return next(m for m in container(docs, workload, cname)["volumeMounts"] if m["mountPath"] == path)


def env(docs, workload, name):
    return next(e for e in container(docs, workload)["env"] if e["name"] == name)


def policy(docs, name):
    return obj(docs, "NetworkPolicy", name)["spec"]


def remove(docs, kind, name):
    docs[:] = [d for d in docs if not (d["kind"] == kind and d["metadata"]["name"] == name)]


def allow_all_policy(docs, name, selector, egress=False):
    spec = {"podSelector": selector, "policyTypes": ["Egress" if egress else "Ingress"]}
    spec["egress" if egress else "ingress"] = [{}]
    docs.append({"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                 "metadata": {"name": name, "namespace": "pdx"}, "spec": spec})


RUNNER = {"matchLabels": {verify.APP: "sandbox-runner"}}
DNS_RULE = {"to": [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "kube-system"}},
                    "podSelector": {"matchLabels": {"k8s-app": "kube-dns"}}}],
            "ports": [{"protocol": "UDP", "port": 53}]}


def sc(docs, workload, cname=None, init=False):
    return container(docs, workload, cname, init).setdefault("securityContext", {})


# Each break: (what it breaks, a change to a copy of the build, a text verify.py's report must contain).
BREAKS = [
    # namespace and Pod Security
    ("namespace enforce label gone",
     lambda d: obj(d, "Namespace", "pdx")["metadata"]["labels"].pop("pod-security.kubernetes.io/enforce"),
     "pod-security.kubernetes.io/enforce must be restricted"),
    ("namespace enforces baseline",
     lambda d: obj(d, "Namespace", "pdx")["metadata"]["labels"].update({"pod-security.kubernetes.io/enforce": "baseline"}),
     "enforce must be restricted"),
    ("namespace warn label gone",
     lambda d: obj(d, "Namespace", "pdx")["metadata"]["labels"].pop("pod-security.kubernetes.io/warn"),
     "pod-security.kubernetes.io/warn must be restricted"),
    ("object outside the namespace",
     lambda d: obj(d, "Service", "postgres")["metadata"].update({"namespace": "default"}),
     "Service/postgres: not in namespace pdx"),
    ("privilege escalation allowed",
     lambda d: sc(d, "marketplace-api").update({"allowPrivilegeEscalation": True}),
     "marketplace-api/marketplace-api: pod security: allowPrivilegeEscalation"),
    ("OPA sidecar keeps its capabilities",
     lambda d: sc(d, "sandbox-runner", "opa").pop("capabilities"),
     "sandbox-runner/opa: pod security: must drop ALL"),
    ("a capability added",
     lambda d: sc(d, "keycloak")["capabilities"].update({"add": ["NET_ADMIN"]}),
     "keycloak/keycloak: pod security: adds capabilities"),
    ("privileged container",
     lambda d: sc(d, "postgres").update({"privileged": True}),
     "postgres/postgres: pod security: privileged"),
    ("pod may run as root",
     lambda d: pod(d, "postgres")["securityContext"].pop("runAsNonRoot"),
     "postgres/postgres: pod security: runAsNonRoot"),
    ("container runs as uid 0",
     lambda d: sc(d, "marketplace-api", "opa").update({"runAsUser": 0}),
     "marketplace-api/opa: pod security: needs an explicit non-zero runAsUser"),
    ("no uid at all",
     lambda d: [pod(d, "sandbox-runner")["securityContext"].pop("runAsUser"), sc(d, "sandbox-runner", "opa").pop("runAsUser")],
     "sandbox-runner/sandbox-runner: pod security: needs an explicit non-zero runAsUser"),
    ("seccomp unconfined",
     lambda d: sc(d, "keycloak").update({"seccompProfile": {"type": "Unconfined"}}),
     "keycloak/keycloak: pod security: seccompProfile"),
    ("no seccomp profile",
     lambda d: pod(d, "marketplace-api")["securityContext"].pop("seccompProfile"),
     "marketplace-api/opa: pod security: seccompProfile"),
    ("host network",
     lambda d: pod(d, "sandbox-runner").update({"hostNetwork": True}),
     "sandbox-runner: pod security: hostNetwork"),
    ("hostPath volume",
     lambda d: pod(d, "sandbox-runner")["volumes"].append({"name": "host", "hostPath": {"path": "/"}}),
     "pod security: volume host of type ['hostPath']"),
    ("hostPort",
     lambda d: container(d, "marketplace-api")["ports"][0].update({"hostPort": 8080}),
     "pod security: hostPort 8080"),
    ("init container without a security context",
     lambda d: container(d, "keycloak", "seed", init=True).pop("securityContext"),
     "keycloak/seed: pod security: allowPrivilegeEscalation"),
    # hardening
    ("root file system writable",
     lambda d: sc(d, "keycloak").update({"readOnlyRootFilesystem": False}),
     "keycloak/keycloak: readOnlyRootFilesystem must be true"),
    ("init container's root file system writable",
     lambda d: sc(d, "keycloak", "build", init=True).pop("readOnlyRootFilesystem"),
     "keycloak/build: readOnlyRootFilesystem must be true"),
    ("Quarkus without a writable /tmp",
     lambda d: container(d, "marketplace-api").pop("volumeMounts"),
     "marketplace-api/marketplace-api: /tmp must be writable"),
    ("Keycloak without a writable lib/quarkus",
     lambda d: mount(d, "keycloak", "keycloak", "/opt/keycloak/lib/quarkus").update({"readOnly": True}),
     "keycloak/keycloak: /opt/keycloak/lib/quarkus must be writable"),
    ("PostgreSQL without its socket directory",
     lambda d: container(d, "postgres")["volumeMounts"].remove(mount(d, "postgres", "postgres", "/var/run/postgresql")),
     "postgres/postgres: /var/run/postgresql must be writable"),
    ("emptyDir without a size limit",
     lambda d: volume(d, "sandbox-runner", "tmp").update({"emptyDir": {}}),
     "sandbox-runner: emptyDir tmp needs a sizeLimit"),
    ("service account token mounted",
     lambda d: pod(d, "sandbox-runner").pop("automountServiceAccountToken"),
     "sandbox-runner: automountServiceAccountToken must be false"),
    ("a password in plain text",
     lambda d: env(d, "marketplace-api", "PDX_DB_PASSWORD").update({"value": "pdx"}),
     "env PDX_DB_PASSWORD has a literal value"),
    # resources
    ("no limits",
     lambda d: container(d, "sandbox-runner")["resources"].pop("limits"),
     "sandbox-runner/sandbox-runner: resources: needs limits.cpu"),
    ("no memory request",
     lambda d: container(d, "keycloak", "build", init=True)["resources"]["requests"].pop("memory"),
     "keycloak/build: resources: needs requests.memory"),
    ("request above its limit",
     lambda d: container(d, "postgres")["resources"]["requests"].update({"memory": "64Gi"}),
     "postgres/postgres: resources: memory request 64Gi exceeds its limit"),
    # probes
    ("no readiness probe",
     lambda d: container(d, "marketplace-api", "opa").pop("readinessProbe"),
     "marketplace-api/opa: probes: needs readiness and liveness"),
    ("liveness on the readiness endpoint",
     lambda d: container(d, "sandbox-runner")["livenessProbe"]["httpGet"].update({"path": "/q/health/ready"}),
     "sandbox-runner/sandbox-runner: probes: liveness must be /q/health/live"),
    ("no startup probe on Keycloak",
     lambda d: container(d, "keycloak").pop("startupProbe"),
     "keycloak/keycloak: probes: needs a startup probe"),
    ("probe on an undeclared port",
     lambda d: container(d, "marketplace-api")["readinessProbe"]["httpGet"].update({"port": "admin"}),
     "readinessProbe probes port admin"),
    # network
    ("no default deny",
     lambda d: remove(d, "NetworkPolicy", "default-deny-all"),
     "NetworkPolicy default-deny-all must select all pods"),
    ("sandbox may resolve names",
     lambda d: policy(d, "sandbox-runner").update({"egress": [DNS_RULE]}),
     "sandbox-runner DNS (UDP 53) egress is allowed"),
    ("sandbox may reach PostgreSQL",
     lambda d: [policy(d, "sandbox-runner").update({"egress": [{"to": [{"podSelector": {"matchLabels": {verify.APP: "postgres"}}}],
                                                               "ports": [{"protocol": "TCP", "port": 5432}]}]}),
                policy(d, "postgres")["ingress"][0]["from"].append({"podSelector": RUNNER})],
     "network: sandbox-runner -> postgres:5432 is allowed"),
    ("sandbox admits any pod",
     lambda d: policy(d, "sandbox-runner")["ingress"][0].pop("from"),
     "ingress from outside to sandbox-runner:8090 is allowed"),
    ("another policy opens the sandbox",
     lambda d: allow_all_policy(d, "debug", RUNNER),
     "ingress from outside to sandbox-runner:8090 is allowed"),
    ("a policy gives every pod egress",
     lambda d: allow_all_policy(d, "egress-all", {}, egress=True),
     "network: sandbox-runner may send to outside the namespace"),
    ("OPA's diagnostic port opened",
     lambda d: policy(d, "marketplace-api")["ingress"][0]["ports"].append({"protocol": "TCP", "port": 8282}),
     "ingress from outside to marketplace-api:8282 is allowed"),
    ("an ingress rule without ports",
     lambda d: policy(d, "marketplace-api")["ingress"][0].pop("ports"),
     "an ingress rule without ports admits every port"),
    ("marketplace-api egress to the internet",
     lambda d: policy(d, "marketplace-api")["egress"].append({"to": [{"ipBlock": {"cidr": "0.0.0.0/0"}}],
                                                            "ports": [{"protocol": "TCP", "port": 443}]}),
     "network: marketplace-api may send to outside the namespace (TCP 443)"),
    ("marketplace-api cannot reach Keycloak",
     lambda d: policy(d, "marketplace-api")["egress"].pop(1),
     "network: marketplace-api -> keycloak:8180 is denied"),
    ("Keycloak's management port opened",
     lambda d: policy(d, "keycloak")["ingress"][0]["ports"].append({"protocol": "TCP", "port": 9000}),
     "ingress from outside to keycloak:9000 is allowed"),
    ("PostgreSQL may call out",
     lambda d: policy(d, "postgres").update({"egress": [DNS_RULE]}),
     "network: postgres must have no egress rule at all"),
    # OPA
    ("OPA's API on every interface",
     lambda d: container(d, "marketplace-api", "opa")["args"].__setitem__(
         container(d, "marketplace-api", "opa")["args"].index("--addr=127.0.0.1:8181"), "--addr=0.0.0.0:8181"),
     "marketplace-api/opa: OPA's API must listen on loopback only"),
    ("OPA without --addr (all interfaces)",
     lambda d: container(d, "sandbox-runner", "opa")["args"].remove("--addr=127.0.0.1:8181"),
     "sandbox-runner/opa: OPA's API must listen on loopback only"),
    ("a service calls another pod's OPA",
     lambda d: env(d, "marketplace-api", "PDX_OPA_URL").update({"value": "http://opa:8181"}),
     "PDX_OPA_URL http://opa:8181 must be its own sidecar"),
    ("a Service exposes OPA",
     lambda d: obj(d, "Service", "marketplace-api")["spec"]["ports"].append({"name": "opa", "port": 8181, "targetPort": 8181}),
     "Service marketplace-api: exposes an OPA port"),
    # scaling
    ("no HorizontalPodAutoscaler",
     lambda d: remove(d, "HorizontalPodAutoscaler", "marketplace-api"),
     "scaling: marketplace-api needs one HorizontalPodAutoscaler"),
    ("HorizontalPodAutoscaler v1",
     lambda d: obj(d, "HorizontalPodAutoscaler", "marketplace-api").update({"apiVersion": "autoscaling/v1"}),
     "must be autoscaling/v2"),
    ("HorizontalPodAutoscaler on memory only",
     lambda d: obj(d, "HorizontalPodAutoscaler", "marketplace-api")["spec"]["metrics"][0]["resource"].update({"name": "memory"}),
     "scale on CPU utilization"),
    ("HorizontalPodAutoscaler that cannot scale",
     lambda d: obj(d, "HorizontalPodAutoscaler", "marketplace-api")["spec"].update({"maxReplicas": 1, "minReplicas": 1}),
     "need 1 <= min < max"),
    ("replicas fixed beside the autoscaler",
     lambda d: obj(d, "Deployment", "marketplace-api")["spec"].update({"replicas": 3}),
     "Deployment marketplace-api sets replicas"),
    ("sidecar without a CPU request",
     lambda d: container(d, "marketplace-api", "opa")["resources"]["requests"].pop("cpu"),
     "scaling: marketplace-api/opa requests no CPU"),
    ("no PodDisruptionBudget for marketplace-api",
     lambda d: remove(d, "PodDisruptionBudget", "marketplace-api"),
     "scaling: no PodDisruptionBudget covers marketplace-api"),
    ("a PodDisruptionBudget that blocks every drain",
     lambda d: obj(d, "PodDisruptionBudget", "sandbox-runner")["spec"].update({"maxUnavailable": 0}),
     "PodDisruptionBudget sandbox-runner allows no disruption"),
    # raw data
    ("raw data mounted writable",
     lambda d: mount(d, "sandbox-runner", "sandbox-runner", "/data/domain").pop("readOnly"),
     "raw data: sandbox-runner/sandbox-runner mounts the raw data writable"),
    ("raw data claim not read-only",
     lambda d: volume(d, "sandbox-runner", "domain-data")["persistentVolumeClaim"].pop("readOnly"),
     "must set persistentVolumeClaim.readOnly"),
    ("raw data in marketplace-api",
     lambda d: [pod(d, "marketplace-api")["volumes"].append(copy.deepcopy(volume(d, "sandbox-runner", "domain-data"))),
                container(d, "marketplace-api")["volumeMounts"].append({"name": "domain-data", "mountPath": "/data", "readOnly": True})],
     "raw data: marketplace-api mounts claim sandbox-domain-data"),
    ("raw data in the OPA sidecar",
     lambda d: container(d, "sandbox-runner", "opa")["volumeMounts"].append({"name": "domain-data", "mountPath": "/data", "readOnly": True}),
     "raw data: sandbox-runner/opa mounts the raw data"),
    ("results not on their own claim",
     lambda d: [volume(d, "sandbox-runner", "results").update({"emptyDir": {"sizeLimit": "1Gi"}}),
                volume(d, "sandbox-runner", "results").pop("persistentVolumeClaim")],
     "PDX_SANDBOX_RESULTS_DIR must be its writable results claim"),
    ("PDX_DATA_DIR elsewhere",
     lambda d: env(d, "sandbox-runner", "PDX_DATA_DIR").update({"value": "/tmp/data"}),
     "PDX_DATA_DIR must be where the raw data is mounted"),
    # secrets
    ("no previous secret in the runner",
     lambda d: container(d, "sandbox-runner")["env"].remove(env(d, "sandbox-runner", "PDX_SANDBOX_SECRET_PREVIOUS")),
     "sandbox-runner needs PDX_SANDBOX_SECRET_PREVIOUS"),
    ("previous secret required",
     lambda d: env(d, "sandbox-runner", "PDX_SANDBOX_SECRET_PREVIOUS")["valueFrom"]["secretKeyRef"].pop("optional"),
     "sandbox-runner needs PDX_SANDBOX_SECRET_PREVIOUS"),
    ("marketplace-api accepts the previous secret",
     lambda d: container(d, "marketplace-api")["env"].append(copy.deepcopy(env(d, "sandbox-runner", "PDX_SANDBOX_SECRET_PREVIOUS"))),
     "marketplace-api must not have PDX_SANDBOX_SECRET_PREVIOUS"),
    ("the two services on different secrets",
     lambda d: env(d, "marketplace-api", "PDX_SANDBOX_SECRET")["valueFrom"]["secretKeyRef"].update({"key": "other"}),
     "marketplace-api must send the current sandbox secret"),
    ("a ConfigMap missing",
     lambda d: remove(d, "ConfigMap", next(x["metadata"]["name"] for x in d if x["metadata"]["name"].startswith("pdx-realm"))),
     "keycloak: ConfigMap pdx-realm"),
]


def run(build_path: str) -> int:
    with open(build_path, encoding="utf-8") as f:
        built = [d for d in yaml.safe_load_all(f) if d]
    passed, failed = 0, []

    def expect(name, ok, detail=""):
        nonlocal passed
        if ok:
            passed += 1
        else:
            failed.append(f"{name}{': ' + detail if detail else ''}")

    errors = verify.check(copy.deepcopy(built))
    expect("the build as it is passes", not errors, "; ".join(errors))
    for name, change, wanted in BREAKS:
        docs = copy.deepcopy(built)
        try:
            change(docs)
        except (StopIteration, KeyError, ValueError) as missing:
            expect(name, False, f"could not break the build ({missing!r}): the manifests changed shape?")
            continue
        errors = verify.check(docs)
        expect(name, any(wanted in e for e in errors), f"verify.py did not report '{wanted}' (it said: {errors or 'nothing'})")

    # the command line check.sh runs: exit status 1 and the report on stdout
    docs = copy.deepcopy(built)
    container(docs, "sandbox-runner")["securityContext"]["readOnlyRootFilesystem"] = False
    with tempfile.TemporaryDirectory() as tmp:
        broken = os.path.join(tmp, "broken.yaml")
        with open(broken, "w", encoding="utf-8") as f:
            yaml.safe_dump_all(docs, f)
        cli = subprocess.run([sys.executable, os.path.join(HERE, "verify.py")], stdin=open(broken, encoding="utf-8"),
                             capture_output=True, text=True)
        expect("verify.py exits 1 on a broken build", cli.returncode == 1 and "readOnlyRootFilesystem" in cli.stdout,
               f"exit {cli.returncode}, {cli.stdout.strip()!r}")
        # kubernetes-validate --strict refuses a field the API does not have
        obj(docs, "PodDisruptionBudget", "marketplace-api")["spec"]["maxUnavailabel"] = 1
        with open(broken, "w", encoding="utf-8") as f:
            yaml.safe_dump_all(docs, f)
        schema = subprocess.run([sys.executable, "-m", "kubernetes_validate", "--strict", "--quiet", broken],
                                capture_output=True, text=True)
        expect("kubernetes-validate refuses an unknown field", schema.returncode != 0 and "maxUnavailabel" in schema.stdout + schema.stderr,
               f"exit {schema.returncode}")

    for f in failed:
        print(f"test_verify: FAILED {f}")
    print(f"test_verify ({os.path.basename(build_path)}): {passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: test_verify.py BUILD.yaml")
    sys.exit(run(sys.argv[1]))
