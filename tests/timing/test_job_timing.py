"""Timing is not a channel (issue #20, Fuzz's predictable transactions): a job's visible completion must not depend on
one row of the data.

For each grade (IMPORTANT: 医保结算明细 under differential privacy; GENERAL: 公交刷卡记录, exact aggregates), a developer
token submits interleaved jobs of two statements that differ only in a predicate on one person's quasi-identifiers —
one matching exactly one entity, the other none — and whose work, where the predicate holds, is the costliest
pattern match the guard accepts over a long value built from the row. Each job is submitted and then waited for with
`GET /sandbox/jobs/{id}?wait=PT30S` as a requester would; the visible completion time is the time from submission until
that wait answers with the job's outcome.

The two samples (at least TIMING_RUNS each, default 12) are compared with the two-sided Mann-Whitney U test (normal
approximation with tie correction). The channel counts as closed when p >= 0.01 (the samples cannot be told apart at
the 1 % level) AND the medians differ by less than 50 ms. Figures are printed for the closing note.

Run against a stack: PDX_API_URL (default http://127.0.0.1:8080), PDX_KEYCLOAK_URL, PDX_DATA_DIR (the stack's data
folder, read here only to pick a quasi-identifier combination that matches exactly one entity, as an attacker who
knows their target would).
"""

from __future__ import annotations

import datetime
import math
import os
import statistics
import time
from pathlib import Path

import duckdb
import httpx
import pytest

API = os.environ.get("PDX_API_URL", "http://127.0.0.1:8080").rstrip("/") + "/api/v1"
ISSUER = os.environ.get("PDX_KEYCLOAK_URL", "http://127.0.0.1:8180/realms/pdx").rstrip("/")
DATA = Path(os.environ.get("PDX_DATA_DIR", Path(__file__).resolve().parents[2] / ".pdx" / "data"))
RUNS = int(os.environ.get("TIMING_RUNS", "12"))
ORG_A = "91350100M000100Y43"
P_THRESHOLD = 0.01
MEDIAN_GAP_MS = 50.0
# the costliest pattern the guard accepts (4 %, no _) over a long value made from the row where the predicate holds
LONG = "a" * 3000
PATTERN = os.environ.get("TIMING_PATTERN", "%a%a%a%b")


def token(user: str) -> str:
    response = httpx.post(f"{ISSUER}/protocol/openid-connect/token", data={
        "grant_type": "password", "client_id": "pdx-cli", "username": user, "password": "pdx-demo"}, timeout=30)
    response.raise_for_status()
    return response.json()["access_token"]


class Api:
    def __init__(self, user: str):
        self.user = user
        self.client = httpx.Client(base_url=API, timeout=60)
        self.refresh()

    def refresh(self) -> None:
        self.client.headers["Authorization"] = f"Bearer {token(self.user)}"
        self.fetched = time.monotonic()

    def call(self, method: str, path: str, **kwargs) -> httpx.Response:
        if time.monotonic() - self.fetched > 120:
            self.refresh()
        return self.client.request(method, path, **kwargs)


def ok(response: httpx.Response) -> dict:
    assert response.status_code < 300, f"{response.status_code} {response.text[:500]}"
    return response.json()


def mann_whitney_p(a: list[float], b: list[float]) -> float:
    """Two-sided p of the Mann-Whitney U test, normal approximation with tie correction."""
    pooled = sorted([(x, 0) for x in a] + [(x, 1) for x in b])
    ranks = [0.0] * len(pooled)
    i = 0
    ties = 0.0
    while i < len(pooled):
        j = i
        while j + 1 < len(pooled) and pooled[j + 1][0] == pooled[i][0]:
            j += 1
        for k in range(i, j + 1):
            ranks[k] = (i + j) / 2 + 1
        t = j - i + 1
        ties += t ** 3 - t
        i = j + 1
    n1, n2 = len(a), len(b)
    r1 = sum(rank for rank, (_, group) in zip(ranks, pooled) if group == 0)
    u = r1 - n1 * (n1 + 1) / 2
    n = n1 + n2
    sigma = math.sqrt(n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1))))
    if sigma == 0:
        return 1.0
    z = (abs(u - n1 * n2 / 2) - 0.5) / sigma
    return math.erfc(max(z, 0) / math.sqrt(2))


@pytest.fixture(scope="module")
def operator() -> Api:
    return Api("operator-a")


@pytest.fixture(scope="module")
def developer() -> Api:
    return Api("developer-a")


@pytest.fixture(scope="module")
def org_a(operator: Api) -> str:
    """Organization A registered and VERIFIED (an earlier part, the contract fuzzing, may have suspended it)."""
    bureau = Api("bureau-admin")
    if bureau.call("GET", f"/organizations/{ORG_A}").status_code == 404:
        ok(operator.call("POST", "/organizations", json={
            "name": "闽数科技有限公司", "uscc": ORG_A, "legalRepresentative": "陈伟", "contactName": "林静",
            "contactPhone": "0591-12345678", "contactEmail": "ops@example.cn"}))
    status = ok(bureau.call("GET", f"/organizations/{ORG_A}"))["status"]
    if status == "UNVERIFIED":
        ok(Api("reviewer-1").call("POST", f"/organizations/{ORG_A}/verify"))
    elif status == "SUSPENDED":
        ok(bureau.call("POST", f"/organizations/{ORG_A}/reinstate"))
    assert ok(bureau.call("GET", f"/organizations/{ORG_A}"))["status"] == "VERIFIED"
    return ORG_A


def license_for(operator: Api, product_name: str, columns: list[str], purpose: str, reviewers: list[str]) -> str:
    products = ok(operator.call("GET", "/products", params={"size": 100}))["items"]
    product = next(p["id"] for p in products if p["nameZh"] == product_name)
    today = datetime.date.today()
    license = ok(operator.call("POST", "/licenses", json={
        "productId": product, "purposeCategory": purpose, "purposeText": "作业时间侧信道测试", "columns": columns,
        "mode": "SANDBOX", "termStart": today.isoformat(), "termEnd": (today + datetime.timedelta(days=364)).isoformat()}))
    for reviewer in reviewers:
        ok(Api(reviewer).call("POST", f"/licenses/{license['id']}/approve", json={}))
    return ok(operator.call("POST", f"/licenses/{license['id']}/accept"))["id"]


def one_entity(file: str, entity: str, columns: list[str]) -> dict:
    """A quasi-identifier combination held by exactly one entity, as an attacker who knows their target has it."""
    keys = ", ".join(columns)
    row = duckdb.sql(f"SELECT {keys} FROM '{DATA / file}' GROUP BY ALL HAVING count(DISTINCT {entity}) = 1 LIMIT 1").fetchone()
    assert row is not None, "no combination of one entity"
    return dict(zip(columns, row))


def literal(value) -> str:
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, datetime.datetime):
        return f"TIMESTAMP '{value.isoformat(sep=' ')}'"
    if isinstance(value, datetime.date):
        return f"DATE '{value.isoformat()}'"
    return "'" + str(value).replace("'", "''") + "'"


def predicate(values: dict) -> str:
    return " AND ".join(f"{column} = {literal(value)}" for column, value in values.items())


def visible_completion(developer: Api, license_id: str, sql: str, epsilon: float | None) -> tuple[float, dict]:
    """Seconds from submission until the requester's wait answers with the job's outcome."""
    body = {"licenseId": license_id, "sql": sql}
    if epsilon is not None:
        body["epsilon"] = epsilon
    began = time.monotonic()
    job = ok(developer.call("POST", "/sandbox/jobs", json=body))
    while True:
        job = ok(developer.call("GET", f"/sandbox/jobs/{job['id']}", params={"wait": "PT30S"}))
        if job["state"] not in ("QUEUED", "ADMITTED", "RUNNING", "SUCCEEDED"):
            return time.monotonic() - began, job
        assert time.monotonic() - began < 300, "the job did not settle in 5 minutes"


def measure(developer: Api, license_id: str, template: str, match: str, none: str, epsilon: float | None) -> dict:
    matching, missing, states = [], [], set()
    for run in range(RUNS):
        # interleaved, and each statement made unique so no earlier answer is reused
        for sample, condition in ((matching, match), (missing, none)):
            sql = template.format(condition=condition, salt=run)
            seconds, job = visible_completion(developer, license_id, sql, epsilon)
            sample.append(seconds * 1000)
            states.add(job["state"])
    p = mann_whitney_p(matching, missing)
    gap = abs(statistics.median(matching) - statistics.median(missing))
    assert states <= {"RELEASED", "AWAITING_RELEASE"}, f"every job ran to a result: {states}"
    return {"matching_ms": matching, "missing_ms": missing, "p": p, "median_gap_ms": gap, "states": states}


def report(grade: str, result: dict) -> None:
    print(f"\n{grade}: {RUNS}+{RUNS} jobs; visible completion median one entity {statistics.median(result['matching_ms']):.0f} ms"
          f" (min {min(result['matching_ms']):.0f}, max {max(result['matching_ms']):.0f}), no entity"
          f" {statistics.median(result['missing_ms']):.0f} ms (min {min(result['missing_ms']):.0f},"
          f" max {max(result['missing_ms']):.0f}); median gap {result['median_gap_ms']:.1f} ms;"
          f" Mann-Whitney U two-sided p = {result['p']:.4f}; states {sorted(result['states'])}")


def statement(table: str, group: str, pattern_column: str, extra: str = "") -> str:
    # concat(<column>, <3,000 a>) LIKE '%a%a%a%b' is evaluated only on the rows where the predicate holds
    return (f"SELECT {group}, count(*) AS n{extra} FROM {table} WHERE CASE WHEN {{condition}} THEN"
            f" concat({pattern_column}, '{LONG}') LIKE '{PATTERN}' ELSE {{salt}} < 0 END GROUP BY {group}")


def test_important_jobs_complete_at_times_that_do_not_depend_on_one_persons_row(org_a: str, operator: Api, developer: Api):
    license_id = license_for(operator, "医保结算明细",
                             ["age", "gender", "district_code", "diagnosis_code", "settle_date", "total_amount"],
                             "PUBLIC_WELFARE", ["reviewer-1", "reviewer-2"])
    target = one_entity("medical_insurance_claims.parquet", "person_id", ["age", "gender", "district_code", "settle_date"])
    result = measure(developer, license_id, statement("medical_insurance_claims", "gender", "diagnosis_code"),
                     predicate(target), "age = 200", 0.1)
    report("IMPORTANT", result)
    assert result["p"] >= P_THRESHOLD and result["median_gap_ms"] < MEDIAN_GAP_MS, result


def test_general_jobs_complete_at_times_that_do_not_depend_on_one_cards_row(org_a: str, operator: Api, developer: Api):
    license_id = license_for(operator, "公交刷卡记录", ["route_id", "stop_id", "district_code", "card_type", "fare_cents"],
                             "PUBLIC_GOVERNANCE", [])
    target = one_entity("bus_card_swipes.parquet", "card_id", ["route_id", "stop_id", "district_code", "card_type"])
    result = measure(developer, license_id, statement("bus_card_swipes", "district_code", "card_type"),
                     predicate(target), "fare_cents = -1", None)
    report("GENERAL", result)
    assert result["p"] >= P_THRESHOLD and result["median_gap_ms"] < MEDIAN_GAP_MS, result
