#!/usr/bin/env python3
"""Checks one `kustomize build` output (stdin, or the files named) against what the manifests promise;
prints one line per failure and exits 1 if there is any. k8s/test_verify.py breaks a build on purpose,
one property at a time, to show that each check below fails when it should.

  namespace      every object in namespace pdx; pdx enforces, audits and warns at Pod Security `restricted`
  pod security   every pod and container (init containers too) meets `restricted`: non-root with an explicit
                 non-zero uid, seccomp RuntimeDefault, no privilege escalation, ALL capabilities dropped (none
                 added but NET_BIND_SERVICE), nothing privileged, no host namespaces, ports or paths
  hardening      read-only root file systems, each path a process must write on an emptyDir (with a size
                 limit) or a volume claim; no service account token; secrets only from Secrets
  resources      CPU and memory requests and limits on every container, requests within limits
  probes         readiness and liveness on every container, startup on the JVM ones; Quarkus on
                 /q/health/{ready,live}, Keycloak on /health/{ready,live,started}; probe ports declared
  network        a default deny; then exactly the flows below, pod to pod and from outside; egress to DNS
                 only for the two that resolve names; nothing else, the OPA ports included
  OPA            sidecars serve their API on loopback only, the services call it there, no Service exposes it
  scaling        an autoscaling/v2 HPA on CPU for marketplace-api (its Deployment sets no replicas);
                 PodDisruptionBudgets for marketplace-api and sandbox-runner that still allow a drain
  raw data       the domain-data claim mounted read-only, only in sandbox-runner's own container, where
                 PDX_DATA_DIR points; results on a separate writable claim; no other pod mounts a claim
  secrets        the sandbox secret rotates: the runner takes PDX_SANDBOX_SECRET and an optional
                 PDX_SANDBOX_SECRET_PREVIOUS, marketplace-api only the current one; every ConfigMap (and,
                 where the overlay generates Secrets, every required Secret key) is in the output
"""
import re
import sys
from urllib.parse import urlparse

import yaml

NAMESPACE = "pdx"
APP = "app.kubernetes.io/name"
WORKLOAD_KINDS = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod"}
QUARKUS = {"marketplace-api", "sandbox-runner"}
# containers that take long to start: a startup probe keeps liveness from killing them meanwhile
STARTUP_PROBED = {"marketplace-api", "sandbox-runner", "keycloak"}
# (workload, container) -> paths it must be able to write with a read-only root file system
WRITABLE = {
    ("marketplace-api", "marketplace-api"): {"/tmp"},
    ("sandbox-runner", "sandbox-runner"): {"/tmp", "/data/results"},
    ("keycloak", "keycloak"): {"/tmp", "/opt/keycloak/data", "/opt/keycloak/lib/quarkus"},
    ("keycloak", "build"): {"/tmp", "/opt/keycloak/lib/quarkus"},
    ("postgres", "postgres"): {"/tmp", "/var/run/postgresql", "/var/lib/postgresql/data"},
}
# Pod to pod flows allowed (source app, destination app, destination port); every other one is denied.
FLOWS = {
    ("marketplace-api", "postgres", 5432),
    ("marketplace-api", "keycloak", 8180),
    ("marketplace-api", "sandbox-runner", 8090),
    ("keycloak", "postgres", 5432),
}
# From outside the namespace (users, browsers, other namespaces): these ports only.
FROM_OUTSIDE = {("marketplace-api", 8080), ("keycloak", 8180)}
# Who may resolve names (cluster DNS, port 53), and who has no egress rule at all: the sandbox needs
# nothing (marketplace-api calls it, it answers; it has no database access), PostgreSQL initiates nothing.
DNS_USERS = {"marketplace-api", "keycloak"}
NO_EGRESS = {"sandbox-runner", "postgres"}
OPA_PORTS = {8181, 8282}
RAW_DATA_CLAIM = "sandbox-domain-data"
RESULTS_CLAIM = "sandbox-results"
SANDBOX_SECRET = ("pdx-sandbox", "shared-secret")
SANDBOX_SECRET_PREVIOUS = ("pdx-sandbox", "previous-shared-secret")

PSS_VOLUME_TYPES = {"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim",
                    "projected", "secret"}
PSS_SAFE_SYSCTLS = {"kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
                    "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports",
                    "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
                    "net.ipv4.tcp_keepalive_probes"}
PSS_SELINUX_TYPES = {None, "", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"}


# ---------------------------------------------------------------------------------------------- helpers

def quantity(value) -> float:
    """A Kubernetes quantity (250m, 1, 1.5, 768Mi, 2Gi, 1G) as a plain number."""
    text = str(value)
    units = {"m": 1e-3, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12,
             "Ki": 2 ** 10, "Mi": 2 ** 20, "Gi": 2 ** 30, "Ti": 2 ** 40}
    match = re.fullmatch(r"([0-9.]+)([a-zA-Z]*)", text)
    if not match or match.group(2) not in units and match.group(2) != "":
        raise ValueError(f"not a quantity: {text}")
    return float(match.group(1)) * units.get(match.group(2), 1)


def selects(selector, labels: dict) -> bool:
    """Whether a label selector (matchLabels and matchExpressions) selects these labels; {} selects all."""
    if selector is None:
        return False
    for key, value in (selector.get("matchLabels") or {}).items():
        if labels.get(key) != value:
            return False
    for e in selector.get("matchExpressions") or []:
        key, op, values = e["key"], e["operator"], e.get("values") or []
        if op == "In" and labels.get(key) not in values:
            return False
        if op == "NotIn" and key in labels and labels[key] in values:
            return False
        if op == "Exists" and key not in labels:
            return False
        if op == "DoesNotExist" and key in labels:
            return False
    return True


class Workload:
    def __init__(self, doc):
        self.kind = doc["kind"]
        self.name = doc["metadata"]["name"]
        self.doc = doc
        spec = doc.get("spec", {})
        if self.kind == "Pod":
            template = doc
        elif self.kind == "CronJob":
            template = spec.get("jobTemplate", {}).get("spec", {}).get("template", {})
        else:
            template = spec.get("template", {})
        self.labels = template.get("metadata", {}).get("labels", {}) or {}
        self.pod = template.get("spec", {}) or {}
        self.app = self.labels.get(APP, self.name)
        self.claims = {t["metadata"]["name"] for t in spec.get("volumeClaimTemplates", [])}

    def containers(self, init=True):
        found = list(self.pod.get("containers", []))
        if init:
            found += self.pod.get("initContainers", []) + self.pod.get("ephemeralContainers", [])
        return found

    def volume(self, name):
        for v in self.pod.get("volumes", []):
            if v["name"] == name:
                return v
        if name in self.claims:
            return {"name": name, "persistentVolumeClaim": {"claimName": name}}
        return None

    def ports(self) -> dict[int, str]:
        """Every container port of the pod (number -> name); an OPA sidecar's loopback API port too."""
        found = {}
        for c in self.containers(init=False):
            for p in c.get("ports", []):
                found[p["containerPort"]] = p.get("name", "")
            if is_opa(c):
                found.setdefault(8181, "opa-api")
        return found


def is_opa(container) -> bool:
    return "openpolicyagent/opa" in container.get("image", "")


def env_of(container) -> dict[str, dict]:
    return {e["name"]: e for e in container.get("env", [])}


# ---------------------------------------------------------------------------------------------- checks

def check(docs: list[dict]) -> list[str]:
    errors: list[str] = []
    by_kind: dict[str, dict[str, dict]] = {}
    for d in docs:
        by_kind.setdefault(d["kind"], {})[d["metadata"]["name"]] = d
    workloads = [Workload(d) for d in docs if d["kind"] in WORKLOAD_KINDS]

    check_namespace(docs, by_kind, errors)
    for w in workloads:
        check_pod_security(w, errors)
        check_hardening(w, errors)
        check_resources(w, errors)
        check_probes(w, errors)
        check_references(w, by_kind, errors)
    check_network(by_kind.get("NetworkPolicy", {}), workloads, errors)
    check_opa(workloads, by_kind.get("Service", {}), errors)
    check_scaling(by_kind, workloads, errors)
    check_raw_data(by_kind, workloads, errors)
    check_sandbox_secret(workloads, errors)
    return errors


def check_namespace(docs, by_kind, errors):
    for d in docs:
        if d["kind"] != "Namespace" and d["metadata"].get("namespace") != NAMESPACE:
            errors.append(f"{d['kind']}/{d['metadata']['name']}: not in namespace {NAMESPACE}")
    ns = by_kind.get("Namespace", {}).get(NAMESPACE)
    labels = (ns or {}).get("metadata", {}).get("labels", {}) or {}
    for mode in ("enforce", "audit", "warn"):
        if labels.get(f"pod-security.kubernetes.io/{mode}") != "restricted":
            errors.append(f"Namespace {NAMESPACE}: pod-security.kubernetes.io/{mode} must be restricted")


def check_pod_security(w: Workload, errors):
    """The `restricted` Pod Security Standard (as the admission controller checks it), plus an explicit uid."""
    pod, psc = w.pod, w.pod.get("securityContext", {}) or {}
    for field in ("hostNetwork", "hostPID", "hostIPC"):
        if pod.get(field) is True:
            errors.append(f"{w.name}: pod security: {field} must not be true")
    for v in pod.get("volumes", []):
        kinds = set(v) - {"name"}
        if not kinds <= PSS_VOLUME_TYPES:
            errors.append(f"{w.name}: pod security: volume {v['name']} of type {sorted(kinds - PSS_VOLUME_TYPES)}")
    for s in psc.get("sysctls", []) or []:
        if s.get("name") not in PSS_SAFE_SYSCTLS:
            errors.append(f"{w.name}: pod security: sysctl {s.get('name')} is not allowed")
    for c in w.containers():
        where = f"{w.name}/{c['name']}"
        sc = c.get("securityContext", {}) or {}
        if sc.get("privileged") is True:
            errors.append(f"{where}: pod security: privileged")
        if sc.get("allowPrivilegeEscalation") is not False:
            errors.append(f"{where}: pod security: allowPrivilegeEscalation must be false")
        caps = sc.get("capabilities", {}) or {}
        if "ALL" not in (caps.get("drop") or []):
            errors.append(f"{where}: pod security: must drop ALL capabilities")
        if set(caps.get("add") or []) - {"NET_BIND_SERVICE"}:
            errors.append(f"{where}: pod security: adds capabilities {sorted(set(caps['add']) - {'NET_BIND_SERVICE'})}")
        non_root = sc.get("runAsNonRoot", psc.get("runAsNonRoot"))
        if non_root is not True:
            errors.append(f"{where}: pod security: runAsNonRoot must be true (pod or container)")
        uid = sc.get("runAsUser", psc.get("runAsUser"))
        if uid is None or uid == 0:
            errors.append(f"{where}: pod security: needs an explicit non-zero runAsUser (got {uid})")
        if sc.get("runAsGroup", psc.get("runAsGroup")) == 0:
            errors.append(f"{where}: pod security: runAsGroup 0 (root's group)")
        seccomp = (sc.get("seccompProfile") or psc.get("seccompProfile") or {}).get("type")
        if seccomp not in ("RuntimeDefault", "Localhost"):
            errors.append(f"{where}: pod security: seccompProfile must be RuntimeDefault (got {seccomp})")
        for p in c.get("ports", []):
            if p.get("hostPort"):
                errors.append(f"{where}: pod security: hostPort {p['hostPort']}")
        if sc.get("procMount", "Default") != "Default":
            errors.append(f"{where}: pod security: procMount {sc['procMount']}")
        se = sc.get("seLinuxOptions") or psc.get("seLinuxOptions") or {}
        if se.get("type") not in PSS_SELINUX_TYPES or se.get("user") or se.get("role"):
            errors.append(f"{where}: pod security: seLinuxOptions {se}")
        apparmor = (sc.get("appArmorProfile") or psc.get("appArmorProfile") or {}).get("type")
        if apparmor == "Unconfined":
            errors.append(f"{where}: pod security: appArmorProfile Unconfined")
        if (sc.get("windowsOptions") or {}).get("hostProcess"):
            errors.append(f"{where}: pod security: windows hostProcess")


def check_hardening(w: Workload, errors):
    if w.pod.get("automountServiceAccountToken") is not False:
        errors.append(f"{w.name}: automountServiceAccountToken must be false (no pod here talks to the API server)")
    for v in w.pod.get("volumes", []):
        if "emptyDir" in v and not (v["emptyDir"] or {}).get("sizeLimit"):
            errors.append(f"{w.name}: emptyDir {v['name']} needs a sizeLimit")
    for c in w.containers():
        where = f"{w.name}/{c['name']}"
        if (c.get("securityContext") or {}).get("readOnlyRootFilesystem") is not True:
            errors.append(f"{where}: readOnlyRootFilesystem must be true")
        writable = set()
        for m in c.get("volumeMounts", []):
            v = w.volume(m["name"])
            if v is None:
                errors.append(f"{where}: mounts volume {m['name']}, which the pod does not have")
                continue
            if not m.get("readOnly"):
                if "emptyDir" in v or "persistentVolumeClaim" in v:
                    writable.add(m["mountPath"].rstrip("/"))
                else:
                    errors.append(f"{where}: {m['mountPath']} mounted writable from a {sorted(set(v) - {'name'})} volume")
        for path in sorted(WRITABLE.get((w.name, c["name"]), set()) - writable):
            errors.append(f"{where}: {path} must be writable (an emptyDir or a claim): the root file system is read-only")
        for name, e in env_of(c).items():
            if re.search(r"SECRET|PASSWORD", name) and "value" in e:
                errors.append(f"{where}: env {name} has a literal value; take it from a Secret")


def check_resources(w: Workload, errors):
    for c in w.containers():
        where = f"{w.name}/{c['name']}"
        res = c.get("resources", {}) or {}
        for kind in ("requests", "limits"):
            for r in ("cpu", "memory"):
                if r not in (res.get(kind) or {}):
                    errors.append(f"{where}: resources: needs {kind}.{r}")
        for r in ("cpu", "memory"):
            req, lim = (res.get("requests") or {}).get(r), (res.get("limits") or {}).get(r)
            if req is not None and lim is not None and quantity(req) > quantity(lim):
                errors.append(f"{where}: resources: {r} request {req} exceeds its limit {lim}")


def probe_errors(where, kind, probe, ports) -> list[str]:
    handlers = [h for h in ("httpGet", "tcpSocket", "exec", "grpc") if h in probe]
    if len(handlers) != 1:
        return [f"{where}: {kind} needs exactly one handler"]
    port = probe[handlers[0]].get("port")
    if handlers[0] in ("httpGet", "tcpSocket", "grpc") and port not in ports and port not in ports.values():
        return [f"{where}: {kind} probes port {port}, which no container declares"]
    return []


def check_probes(w: Workload, errors):
    for c in w.containers(init=False):
        where = f"{w.name}/{c['name']}"
        ports = {p["containerPort"]: p.get("name") for p in c.get("ports", [])}
        for kind in ("readinessProbe", "livenessProbe", "startupProbe"):
            if kind in c:
                errors.extend(probe_errors(where, kind, c[kind], ports))
        if not c.get("readinessProbe") or not c.get("livenessProbe"):
            errors.append(f"{where}: probes: needs readiness and liveness probes")
            continue
        if c["name"] in STARTUP_PROBED and not c.get("startupProbe"):
            errors.append(f"{where}: probes: needs a startup probe (slow start)")
        path = {k: (c.get(k) or {}).get("httpGet", {}).get("path") for k in ("readinessProbe", "livenessProbe", "startupProbe")}
        if c["name"] in QUARKUS:
            if path["readinessProbe"] != "/q/health/ready":
                errors.append(f"{where}: probes: readiness must be /q/health/ready")
            if path["livenessProbe"] != "/q/health/live":
                errors.append(f"{where}: probes: liveness must be /q/health/live")
        if c["name"] == "keycloak":
            if path["readinessProbe"] != "/health/ready" or path["livenessProbe"] != "/health/live" \
                    or path["startupProbe"] != "/health/started":
                errors.append(f"{where}: probes: Keycloak is probed on /health/ready, /health/live, /health/started")


def check_references(w: Workload, by_kind, errors):
    for v in w.pod.get("volumes", []):
        cm = (v.get("configMap") or {}).get("name")
        if cm and cm not in by_kind.get("ConfigMap", {}):
            errors.append(f"{w.name}: ConfigMap {cm} is not in the output")
    if "Secret" not in by_kind:  # prod: Secrets are made outside git
        return
    for c in w.containers():
        for e in c.get("env", []):
            ref = (e.get("valueFrom") or {}).get("secretKeyRef")
            if not ref or ref.get("optional"):
                continue
            secret = by_kind["Secret"].get(ref["name"])
            if secret is None:
                errors.append(f"{w.name}: Secret {ref['name']} is not in the output")
            elif ref["key"] not in {**(secret.get("data") or {}), **(secret.get("stringData") or {})}:
                errors.append(f"{w.name}: Secret {ref['name']} has no key {ref['key']}")


# ---------------------------------------------------------------------------------------------- network

OUTSIDE = object()  # a source or destination outside namespace pdx (another namespace, an IP)
DNS = object()  # the cluster DNS: kube-dns pods in kube-system


def peer_matches(peer, target) -> bool:
    """Whether a NetworkPolicy peer (from/to entry) matches a target: a Workload in pdx, OUTSIDE or DNS.
    An ipBlock is taken to match pods too: whether cluster traffic matches an ipBlock depends on the plugin."""
    if "ipBlock" in peer:
        return True
    ns_sel, pod_sel = peer.get("namespaceSelector"), peer.get("podSelector")
    if target is OUTSIDE:
        return ns_sel is not None and not is_dns_peer(peer) \
            and ns_sel != {"matchLabels": {"kubernetes.io/metadata.name": NAMESPACE}}
    if target is DNS:
        return ns_sel is not None and (selects(ns_sel, {"kubernetes.io/metadata.name": "kube-system"})
                                       and selects(pod_sel or {}, {"k8s-app": "kube-dns"}))
    if ns_sel is not None and not selects(ns_sel, {"kubernetes.io/metadata.name": NAMESPACE}):
        return False
    return selects(pod_sel if pod_sel is not None else {}, target.labels)


def is_dns_peer(peer) -> bool:
    return (peer.get("namespaceSelector") == {"matchLabels": {"kubernetes.io/metadata.name": "kube-system"}}
            and peer.get("podSelector") == {"matchLabels": {"k8s-app": "kube-dns"}})


def port_matches(rule_ports, port: int, protocol: str, named: dict[int, str]) -> bool:
    if not rule_ports:
        return True
    for p in rule_ports:
        if p.get("protocol", "TCP") != protocol:
            continue
        want = p.get("port")
        if want is None:
            return True
        if isinstance(want, str):
            if named.get(port) == want:
                return True
        elif want == port or (p.get("endPort") and want <= port <= p["endPort"]):
            return True
    return False


def policy_types(p) -> set[str]:
    spec = p.get("spec", {})
    return set(spec.get("policyTypes") or (["Ingress"] + (["Egress"] if "egress" in spec else [])))


def allows(policies, selected: Workload, direction: str, peer_target, port, protocol, named) -> bool:
    """Whether the policies let `selected` send (Egress) to / receive (Ingress) from peer_target on port."""
    applying = [p for p in policies.values() if selects(p["spec"].get("podSelector", {}), selected.labels)
                and direction in policy_types(p)]
    if not applying:
        return True  # not isolated in this direction
    key, peers_key = ("egress", "to") if direction == "Egress" else ("ingress", "from")
    for p in applying:
        for rule in p["spec"].get(key) or []:
            peers = rule.get(peers_key)
            if (not peers or any(peer_matches(peer, peer_target) for peer in peers)) \
                    and port_matches(rule.get("ports"), port, protocol, named):
                return True
    return False


def check_network(policies, workloads, errors):
    deny = policies.get("default-deny-all")
    if not deny or deny["spec"].get("podSelector") != {} or policy_types(deny) != {"Ingress", "Egress"} \
            or deny["spec"].get("ingress") or deny["spec"].get("egress"):
        errors.append("network: NetworkPolicy default-deny-all must select all pods for Ingress and Egress and allow nothing")
    for name, p in policies.items():
        for rule in p["spec"].get("ingress") or []:
            if not rule.get("ports"):
                errors.append(f"network: NetworkPolicy {name}: an ingress rule without ports admits every port")
        for rule in p["spec"].get("egress") or []:
            if not rule.get("to") or not rule.get("ports"):
                errors.append(f"network: NetworkPolicy {name}: an egress rule needs both destinations and ports")

    pods = [w for w in workloads if w.pod.get("containers")]
    for w in pods:
        for direction in ("Ingress", "Egress"):
            if not any(selects(p["spec"].get("podSelector", {}), w.labels) and direction in policy_types(p)
                       for p in policies.values()):
                errors.append(f"network: {w.app} is not isolated for {direction}")
    # pod to pod: both the sender's egress and the receiver's ingress must allow a flow
    for src in pods:
        for dst in pods:
            named = dst.ports()
            for port in sorted(named):
                allowed = (allows(policies, src, "Egress", dst, port, "TCP", named)
                           and allows(policies, dst, "Ingress", src, port, "TCP", named))
                expected = (src.app, dst.app, port) in FLOWS
                if allowed and not expected:
                    errors.append(f"network: {src.app} -> {dst.app}:{port} is allowed; it must be denied")
                elif expected and not allowed:
                    errors.append(f"network: {src.app} -> {dst.app}:{port} is denied; it must be allowed")
    for dst in pods:
        named = dst.ports()
        for port in sorted(named):
            allowed = allows(policies, dst, "Ingress", OUTSIDE, port, "TCP", named)
            if allowed != ((dst.app, port) in FROM_OUTSIDE):
                errors.append(f"network: ingress from outside to {dst.app}:{port} is "
                              f"{'allowed' if allowed else 'denied'}; it must be {'denied' if allowed else 'allowed'}")
    for src in pods:
        for protocol in ("UDP", "TCP"):
            dns = allows(policies, src, "Egress", DNS, 53, protocol, {})
            if dns != (src.app in DNS_USERS):
                errors.append(f"network: {src.app} DNS ({protocol} 53) egress is {'allowed' if dns else 'denied'}; "
                              f"it must be {'denied' if dns else 'allowed'}")
        for port, protocol in ((443, "TCP"), (80, "TCP"), (5432, "TCP"), (12345, "UDP")):
            if allows(policies, src, "Egress", OUTSIDE, port, protocol, {}):
                errors.append(f"network: {src.app} may send to outside the namespace ({protocol} {port})")
        if src.app in NO_EGRESS and any(
                rule for p in policies.values() if selects(p["spec"].get("podSelector", {}), src.labels)
                for rule in p["spec"].get("egress") or []):
            errors.append(f"network: {src.app} must have no egress rule at all")
    sandbox = policies.get("sandbox-runner", {}).get("spec", {})
    if "Egress" not in sandbox.get("policyTypes", []) or sandbox.get("egress"):
        errors.append("network: NetworkPolicy sandbox-runner must deny all egress")
    ingress = sandbox.get("ingress") or []
    if ingress != [{"from": [{"podSelector": {"matchLabels": {APP: "marketplace-api"}}}],
                    "ports": [{"protocol": "TCP", "port": 8090}]}]:
        errors.append("network: NetworkPolicy sandbox-runner must admit marketplace-api on TCP 8090 and nothing else")


# ---------------------------------------------------------------------------------------------- OPA

def loopback(host: str | None) -> bool:
    return host in ("127.0.0.1", "localhost", "::1", "[::1]")


def check_opa(workloads, services, errors):
    for w in workloads:
        opa = [c for c in w.containers() if is_opa(c)]
        for c in opa:
            addrs = [a.split("=", 1)[1] for a in c.get("args", []) if a.startswith("--addr=")]
            if not addrs or not all(loopback(a.rsplit(":", 1)[0]) for a in addrs):
                errors.append(f"{w.name}/{c['name']}: OPA's API must listen on loopback only (--addr=127.0.0.1:8181), got {addrs}")
        for c in w.containers():
            url = env_of(c).get("PDX_OPA_URL", {}).get("value")
            if url is not None and (not opa or not loopback(urlparse(url).hostname)):
                errors.append(f"{w.name}/{c['name']}: PDX_OPA_URL {url} must be its own sidecar on loopback")
    for name, s in services.items():
        for p in s.get("spec", {}).get("ports", []):
            if p.get("port") in OPA_PORTS or p.get("targetPort") in OPA_PORTS or str(p.get("targetPort", "")).startswith("opa"):
                errors.append(f"Service {name}: exposes an OPA port ({p})")


# ---------------------------------------------------------------------------------------------- scaling

def check_scaling(by_kind, workloads, errors):
    api = next((w for w in workloads if w.kind == "Deployment" and w.name == "marketplace-api"), None)
    hpas = [h for h in by_kind.get("HorizontalPodAutoscaler", {}).values()
            if h.get("spec", {}).get("scaleTargetRef", {}).get("name") == "marketplace-api"]
    hpa_min = {}
    if len(hpas) != 1:
        errors.append("scaling: marketplace-api needs one HorizontalPodAutoscaler")
    for h in hpas:
        spec, ref = h["spec"], h["spec"]["scaleTargetRef"]
        if h.get("apiVersion") != "autoscaling/v2":
            errors.append(f"scaling: HorizontalPodAutoscaler {h['metadata']['name']} must be autoscaling/v2")
        if ref.get("kind") != "Deployment" or ref.get("apiVersion") != "apps/v1":
            errors.append("scaling: the HorizontalPodAutoscaler must target the Deployment (apps/v1) marketplace-api")
        low, high = spec.get("minReplicas", 1), spec.get("maxReplicas", 0)
        if not 1 <= low < high:
            errors.append(f"scaling: HorizontalPodAutoscaler replicas {low}..{high}: need 1 <= min < max")
        hpa_min["marketplace-api"] = low
        if not any(m.get("type") == "Resource" and m.get("resource", {}).get("name") == "cpu"
                   and m["resource"].get("target", {}).get("type") == "Utilization" for m in spec.get("metrics", [])):
            errors.append("scaling: the HorizontalPodAutoscaler must scale on CPU utilization")
    if api is not None:
        if "replicas" in api.doc["spec"]:
            errors.append("scaling: Deployment marketplace-api sets replicas; its HorizontalPodAutoscaler owns them")
        for c in api.containers(init=False):
            if "cpu" not in ((c.get("resources") or {}).get("requests") or {}):
                errors.append(f"scaling: marketplace-api/{c['name']} requests no CPU: utilization cannot be computed")
    pdbs = by_kind.get("PodDisruptionBudget", {})
    for app in ("marketplace-api", "sandbox-runner"):
        w = next((w for w in workloads if w.app == app), None)
        covering = [p for p in pdbs.values() if w is not None and selects(p["spec"].get("selector"), w.labels)]
        if not covering:
            errors.append(f"scaling: no PodDisruptionBudget covers {app}")
    for name, p in pdbs.items():
        spec = p["spec"]
        targets = [w for w in workloads if selects(spec.get("selector"), w.labels)]
        if p.get("apiVersion") != "policy/v1" or not targets:
            errors.append(f"scaling: PodDisruptionBudget {name} must be policy/v1 and select a workload")
            continue
        replicas = min(hpa_min.get(w.app, w.doc["spec"].get("replicas", 1)) for w in targets)
        max_unavailable, min_available = spec.get("maxUnavailable"), spec.get("minAvailable")
        if max_unavailable is not None:
            blocks = str(max_unavailable) in ("0", "0%")
        elif isinstance(min_available, int):
            blocks = min_available >= replicas
        else:
            blocks = str(min_available) == "100%"
        if blocks:
            errors.append(f"scaling: PodDisruptionBudget {name} allows no disruption at {replicas} replica(s): a drain would hang")


# ---------------------------------------------------------------------------------------------- raw data

def claim_of(w: Workload, volume_name):
    v = w.volume(volume_name) or {}
    return (v.get("persistentVolumeClaim") or {}).get("claimName")


def check_raw_data(by_kind, workloads, errors):
    claims = by_kind.get("PersistentVolumeClaim", {})
    if RAW_DATA_CLAIM not in claims or RESULTS_CLAIM not in claims:
        errors.append(f"raw data: PersistentVolumeClaims {RAW_DATA_CLAIM} and {RESULTS_CLAIM} must both exist")
    for w in workloads:
        for v in w.pod.get("volumes", []):
            claim = (v.get("persistentVolumeClaim") or {}).get("claimName")
            if claim and w.app != "sandbox-runner":
                errors.append(f"raw data: {w.name} mounts claim {claim}; only sandbox-runner may")
            if claim == RAW_DATA_CLAIM and v["persistentVolumeClaim"].get("readOnly") is not True:
                errors.append(f"raw data: {w.name} volume {v['name']} must set persistentVolumeClaim.readOnly")
        for c in w.containers():
            for m in c.get("volumeMounts", []):
                if claim_of(w, m["name"]) == RAW_DATA_CLAIM:
                    if (w.app, c["name"]) != ("sandbox-runner", "sandbox-runner"):
                        errors.append(f"raw data: {w.name}/{c['name']} mounts the raw data; only the sandbox-runner container may")
                    if m.get("readOnly") is not True:
                        errors.append(f"raw data: {w.name}/{c['name']} mounts the raw data writable at {m['mountPath']}")
    runner = next((w for w in workloads if w.name == "sandbox-runner"), None)
    container = next((c for c in (runner.containers(False) if runner else []) if c["name"] == "sandbox-runner"), None)
    if container is None:
        errors.append("raw data: no sandbox-runner container")
        return
    mounts = {claim_of(runner, m["name"]): m for m in container.get("volumeMounts", [])}
    env = env_of(container)
    data, results = mounts.get(RAW_DATA_CLAIM), mounts.get(RESULTS_CLAIM)
    if data is None or env.get("PDX_DATA_DIR", {}).get("value") != data["mountPath"]:
        errors.append("raw data: sandbox-runner's PDX_DATA_DIR must be where the raw data is mounted")
    if results is None or results.get("readOnly") or env.get("PDX_SANDBOX_RESULTS_DIR", {}).get("value") != results["mountPath"]:
        errors.append("raw data: sandbox-runner's PDX_SANDBOX_RESULTS_DIR must be its writable results claim")
    elif data is not None and (results["mountPath"] + "/").startswith(data["mountPath"].rstrip("/") + "/"):
        errors.append("raw data: the results must not live inside the raw data's mount")


# ---------------------------------------------------------------------------------------------- secrets

def generated(name: str, base: str) -> bool:
    """Whether a Secret's name is `base`, or `base` with the hash a kustomize generator appends."""
    return name == base or re.fullmatch(re.escape(base) + r"-[a-z0-9]{10}", name) is not None


def secret_ref(container, name):
    return ((env_of(container).get(name) or {}).get("valueFrom") or {}).get("secretKeyRef")


def check_sandbox_secret(workloads, errors):
    def container(app):
        w = next((w for w in workloads if w.name == app), None)
        return next((c for c in (w.containers(False) if w else []) if c["name"] == app), None)
    runner, api = container("sandbox-runner"), container("marketplace-api")
    if runner is None or api is None:
        errors.append("secrets: sandbox-runner and marketplace-api containers must exist")
        return
    current, previous = secret_ref(runner, "PDX_SANDBOX_SECRET"), secret_ref(runner, "PDX_SANDBOX_SECRET_PREVIOUS")
    if not current or not generated(current["name"], SANDBOX_SECRET[0]) or current["key"] != SANDBOX_SECRET[1] \
            or current.get("optional"):
        errors.append(f"secrets: sandbox-runner needs PDX_SANDBOX_SECRET from Secret {SANDBOX_SECRET[0]} key {SANDBOX_SECRET[1]}")
    if not previous or not generated(previous["name"], SANDBOX_SECRET_PREVIOUS[0]) \
            or previous["key"] != SANDBOX_SECRET_PREVIOUS[1] or previous.get("optional") is not True:
        errors.append(f"secrets: sandbox-runner needs PDX_SANDBOX_SECRET_PREVIOUS from Secret {SANDBOX_SECRET_PREVIOUS[0]} "
                      f"key {SANDBOX_SECRET_PREVIOUS[1]}, optional (set only during a rotation)")
    sent = secret_ref(api, "PDX_SANDBOX_SECRET")
    if not sent or not current or (sent["name"], sent["key"]) != (current["name"], current["key"]):
        errors.append("secrets: marketplace-api must send the current sandbox secret (PDX_SANDBOX_SECRET)")
    if "PDX_SANDBOX_SECRET_PREVIOUS" in env_of(api):
        errors.append("secrets: marketplace-api must not have PDX_SANDBOX_SECRET_PREVIOUS (only the runner accepts it)")


def main(argv: list[str]) -> int:
    sources = [open(path, encoding="utf-8") for path in argv] or [sys.stdin]
    docs = [d for s in sources for d in yaml.safe_load_all(s) if d]
    errors = check(docs)
    for e in errors:
        print(f"verify: {e}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
