"""Fault injection against services started for it by ./pdx test faults (tools/pdx/faults.sh).

Two marketplace-api instances (PDX_FAULTS_APIS), each with its own sandbox-runner; a database (PDX_FAULTS_DB), an
OPA and a data folder of their own; the runners' results folder on a small tmpfs (PDX_FAULTS_RESULTS). The tests
ask the part to start, stop or kill a process through two FIFOs (PDX_FAULTS_CTL): every process is handled by the
shell part, by its PID file. Each case is bounded in requests and time; what it measured goes to
$PDX_FAULTS_WORK/report.json (the part prints it).

Organization A (operator-a, developer-a) and B (operator-b, developer-b) are registered and verified once; the
licenses the cases use are made by session fixtures.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import threading
import time
from dataclasses import dataclass, field
from datetime import date, timedelta

import httpx
import pytest

APIS = os.environ.get("PDX_FAULTS_APIS", "http://127.0.0.1:8083 http://127.0.0.1:8084").split()
ISSUER = os.environ.get("PDX_KEYCLOAK_URL", "http://127.0.0.1:8180/realms/pdx").rstrip("/")
WORK = os.environ.get("PDX_FAULTS_WORK", "/tmp")
RESULTS = os.environ.get("PDX_FAULTS_RESULTS", "")
RUNNER_LOGS = os.environ.get("PDX_FAULTS_RUNNER_LOGS", "").split()
API_LOGS = os.environ.get("PDX_FAULTS_API_LOGS", "").split()
PSQL = os.environ.get("PDX_FAULTS_PSQL", "").split()
DEADLINE = float(os.environ.get("PDX_FAULTS_DEADLINE", time.time() + 480))

ORG_A = "91350100M000100Y43"
ORG_B = "91110000600037341L"
BUS_SWIPES = "公交刷卡记录"   # GENERAL: 秒批, results released at once
CLAIMS = "医保结算明细"       # IMPORTANT: two reviewers, ε charged, results wait for a reviewer
PASSWORD = "pdx-demo"
SERVICE_ACCOUNTS = {"dev-org-a": "dev-org-a-dev-secret", "dev-org-b": "dev-org-b-dev-secret"}
PROBLEM = "application/problem+json"


def remaining() -> float:
    """Seconds left of the part's budget."""
    return DEADLINE - time.time()


# ---------------------------------------------------------------- the shell part's control channel

_ctl_lock = threading.Lock()


def ctl(action: str, name: str = "", timeout: float = 240) -> float:
    """Asks tools/pdx/faults.sh to start|stop|kill a service, restart PostgreSQL, stop|start Keycloak; its seconds."""
    channel = os.environ.get("PDX_FAULTS_CTL")
    if not channel:
        pytest.skip("not run by ./pdx test faults (PDX_FAULTS_CTL unset)")
    requests, replies = channel.split(":")
    with _ctl_lock:
        with open(requests, "w", encoding="utf-8") as out:
            out.write(f"{action} {name}\n")
        began = time.monotonic()
        fd = os.open(replies, os.O_RDONLY | os.O_NONBLOCK)
        try:
            line = b""
            while not line.endswith(b"\n"):
                if time.monotonic() - began > timeout:
                    raise AssertionError(f"no answer to '{action} {name}' within {timeout}s")
                try:
                    chunk = os.read(fd, 4096)
                except BlockingIOError:
                    chunk = b""
                if not chunk:
                    time.sleep(0.1)
                line += chunk
        finally:
            os.close(fd)
    status, seconds, detail = (line.decode().strip().split(" ", 2) + ["", ""])[:3]
    assert status == "ok", f"'{action} {name}' failed: {detail}"
    return float(seconds)


# ---------------------------------------------------------------- report

_report: dict[str, dict] = {}


def report(case: str, **figures) -> None:
    """Records what a case measured (printed by the shell part, kept in report.json)."""
    _report.setdefault(case, {}).update(figures)
    with open(os.path.join(WORK, "report.json"), "w", encoding="utf-8") as out:
        json.dump(_report, out, ensure_ascii=False, indent=1)


# ---------------------------------------------------------------- tokens

_tokens: dict[str, str] = {}


def token_request(who: str) -> httpx.Response:
    if who in SERVICE_ACCOUNTS:
        data = {"grant_type": "client_credentials", "client_id": who, "client_secret": SERVICE_ACCOUNTS[who]}
    else:
        data = {"grant_type": "password", "client_id": "pdx-cli", "username": who, "password": PASSWORD}
    return httpx.post(f"{ISSUER}/protocol/openid-connect/token", data=data, timeout=10)


def token(who: str, fresh: bool = False) -> str:
    """An access token (kept for the run: they live 15 minutes, the part lasts at most 8)."""
    if fresh or who not in _tokens:
        answer = token_request(who)
        answer.raise_for_status()
        _tokens[who] = answer.json()["access_token"]
    return _tokens[who]


def claims(access_token: str) -> dict:
    payload = access_token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


# ---------------------------------------------------------------- the API

@dataclass
class Api:
    url: str
    client: httpx.Client = field(default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        self.client = httpx.Client(base_url=self.url, timeout=httpx.Timeout(60, connect=3),
                                   headers={"Accept-Language": "en"})

    def call(self, method: str, path: str, who: str | None = None, bearer: str | None = None, **kwargs) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}))
        if who:
            headers["Authorization"] = f"Bearer {token(who)}"
        elif bearer:
            headers["Authorization"] = f"Bearer {bearer}"
        return self.client.request(method, f"/api/v1{path}", headers=headers, **kwargs)

    def ok(self, method: str, path: str, who: str | None = None, **kwargs) -> dict:
        answer = self.call(method, path, who, **kwargs)
        assert answer.status_code < 300, f"{method} {path} as {who}: {answer.status_code} {answer.text[:500]}"
        return answer.json()

    def job(self, job_id: str, who: str = "developer-a", wait: str | None = None) -> dict:
        return self.ok("GET", f"/sandbox/jobs/{job_id}", who, params={"wait": wait} if wait else None)

    def wait_for(self, job_id: str, states: set[str], seconds: float, who: str = "developer-a") -> dict:
        """The job once it is in one of `states`, or the last view after `seconds` (reads every second at most)."""
        end = time.monotonic() + seconds
        view = self.job(job_id, who)
        while view["state"] not in states and time.monotonic() < end:
            left = max(1, min(10, int(end - time.monotonic())))
            view = self.job(job_id, who, wait=f"PT{left}S")
            if view["state"] not in states:
                time.sleep(0.5)
        return view

    def ready(self) -> bool:
        try:
            return self.client.get("/q/health/ready", timeout=3).status_code == 200
        except httpx.HTTPError:
            return False


def assert_problem(answer: httpx.Response, statuses: set[int] | None = None) -> dict:
    """An error answer as the API promises it: problem+json, never a 500, never a stack trace."""
    assert answer.status_code != 500, f"500 from {answer.request.method} {answer.request.url}: {answer.text[:800]}"
    assert answer.status_code >= 400, f"expected an error, got {answer.status_code}"
    if statuses:
        assert answer.status_code in statuses, f"{answer.status_code} not in {statuses}: {answer.text[:500]}"
    assert answer.headers.get("content-type", "").startswith(PROBLEM), \
        f"{answer.status_code} is not problem+json ({answer.headers.get('content-type')}): {answer.text[:300]}"
    body = answer.json()
    assert body.get("status") == answer.status_code and body.get("title"), body
    text = answer.text
    assert "Exception" not in text and "\tat " not in text and ".java:" not in text, f"a stack trace: {text[:800]}"
    return body


def sql_count(query: str) -> int:
    """One number from the faults database (psql as postgres over the local socket)."""
    assert PSQL, "PDX_FAULTS_PSQL unset"
    out = subprocess.run(PSQL + ["-c", query], capture_output=True, text=True, timeout=30, check=True)
    return int(out.stdout.strip() or 0)


def sql_rows(query: str) -> list[str]:
    assert PSQL, "PDX_FAULTS_PSQL unset"
    out = subprocess.run(PSQL + ["-c", query], capture_output=True, text=True, timeout=30, check=True)
    return [line for line in out.stdout.splitlines() if line]


# ---------------------------------------------------------------- the world the cases share

@pytest.fixture(scope="session")
def apis() -> list[Api]:
    return [Api(url) for url in APIS]


@pytest.fixture(scope="session")
def api(apis: list[Api]) -> Api:
    return apis[0]


def product_id(api: Api, name: str) -> str:
    items = api.ok("GET", "/products", "operator-a", params={"size": 50})["items"]
    return next(p["id"] for p in items if p["nameZh"] == name)


def organization(api: Api, operator: str, uscc: str, name: str) -> None:
    if api.call("GET", f"/organizations/{uscc}", operator).status_code == 200:
        return
    api.ok("POST", "/organizations", operator, json={
        "name": name, "uscc": uscc, "legalRepresentative": "陈伟", "contactName": "林静",
        "contactPhone": "0591-12345678", "contactEmail": "ops@example.cn"})
    api.ok("POST", f"/organizations/{uscc}/verify", "reviewer-1")


def license_for(api: Api, operator: str, product: str, columns: list[str], purpose: str = "PUBLIC_GOVERNANCE",
                reviewers: tuple[str, ...] = ()) -> str:
    """An ACTIVE SANDBOX license: applied for, approved (秒批, or by `reviewers`), accepted."""
    today = date.today()
    applied = api.ok("POST", "/licenses", operator, json={
        "productId": product, "purposeCategory": purpose, "purposeText": "故障演练 fault drill",
        "columns": columns, "mode": "SANDBOX", "termStart": today.isoformat(),
        "termEnd": (today + timedelta(days=364)).isoformat()})
    for reviewer in reviewers:
        if api.ok("GET", f"/licenses/{applied['id']}", operator)["state"] != "APPROVED":
            api.ok("POST", f"/licenses/{applied['id']}/approve", reviewer)
    accepted = api.ok("POST", f"/licenses/{applied['id']}/accept", operator)
    assert accepted["state"] == "ACTIVE", accepted
    return applied["id"]


@dataclass
class World:
    bus_a: str      # org A, GENERAL bus swipes (results released at once)
    claims_a: str   # org A, IMPORTANT claims (ε charged, results wait for a reviewer)
    bus_b: str      # org B, GENERAL bus swipes


@pytest.fixture(scope="session")
def world(api: Api) -> World:
    organization(api, "operator-a", ORG_A, "闽数科技有限公司")
    organization(api, "operator-b", ORG_B, "京数科技有限公司")
    bus = product_id(api, BUS_SWIPES)
    claims_product = product_id(api, CLAIMS)
    return World(
        bus_a=license_for(api, "operator-a", bus, ["swipe_time", "route_id", "stop_id", "district_code", "fare_cents"]),
        claims_a=license_for(api, "operator-a", claims_product, ["age", "gender", "district_code", "total_amount"],
                             purpose="PUBLIC_WELFARE", reviewers=("reviewer-1", "reviewer-2")),
        bus_b=license_for(api, "operator-b", bus, ["swipe_time", "route_id", "stop_id", "district_code", "fare_cents"]))


FINAL_STATES = {"RELEASED", "AWAITING_RELEASE", "REJECTED", "FAILED", "CANCELLED"}


def running_as_bureau(api: "Api", job: str) -> dict:
    """The job as the bureau sees it once it runs (or has ended): read every 50 ms, without ?wait (a wait answers
    only once the job stops moving, and its slot stops a run after about a second)."""
    end = time.monotonic() + 20
    view = api.job(job, "bureau-admin")
    while view["state"] not in {"RUNNING"} | FINAL_STATES and time.monotonic() < end:
        time.sleep(0.05)
        view = api.job(job, "bureau-admin")
    return view
