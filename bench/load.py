#!/usr/bin/env python3
"""The load of bench/load.sh (issue 17): many concurrent clients over loopback, a weighted mix of the platform's
everyday calls, figures per kind. Run by bench/load.sh (which starts the services); by hand, against any stack:

    load.py setup  --api URL --out SETUP.json [--labels warmup,on,off]
        organization A registered and verified; one ACTIVE SANDBOX license of organization A on 公交刷卡记录
        (bus_card_swipes, GENERAL) per label (each phase its own month's call quota); three released jobs of the
        first label's license (the downloads); the datasets an anonymous caller sees (the pages, the keywords)
    load.py run    --api URL --setup SETUP.json --label on --out ON.json [--clients N --seconds S --seed K]
        N clients (LOAD_CLIENTS, default 200) for S seconds (LOAD_SECONDS, default 60), each looping over the mix:
          search    GET  /api/v1/datasets?q=…              anonymous, a keyword never asked before in the run
          dataset   GET  /api/v1/datasets/{id}             anonymous, a dataset page
          license   GET  /api/v1/licenses/{id}             operator-a (password grant of the dev-only pdx-cli)
          submit    POST /api/v1/sandbox/jobs              dev-org-a (service account): a small GENERAL aggregate
                                                           with a literal never used before (no reused result)
          result    GET  /api/v1/sandbox/jobs/{id}/result  dev-org-a: a released result as an Arrow stream
        Closed loop, no think time; every request has a timeout (LOAD_TIMEOUT, default 20 s); the run stops by
        itself. The same seed gives each client the same sequence of kinds, keywords and statements.
    load.py drain  --api URL --setup SETUP.json --label on [--timeout S]
        waits (at most S s) until no job of the platform is queued, admitted or running, then prints the jobs
        of that label's license by state
    load.py report ON.json OFF.json …
        the figures side by side; exit status 1 when any answer was a 5xx

Tokens are fetched once per role before the run and fetched again when one would expire within two minutes.
Everything on 127.0.0.1. Needs httpx (~/.pdx/venv).
"""
from __future__ import annotations

import argparse
import asyncio
import base64
import datetime
import json
import os
import random
import sys
import time

import httpx

KEYCLOAK = os.environ.get("PDX_KEYCLOAK_URL", "http://127.0.0.1:8180/realms/pdx").rstrip("/")
TOKEN_URL = KEYCLOAK + "/protocol/openid-connect/token"
ORG_A = "91350100M000100Y43"
BUS_SWIPES = "公交刷卡记录"
COLUMNS = ["swipe_time", "route_id", "district_code", "fare_cents"]
ARROW = "application/vnd.apache.arrow.stream"
KINDS = ("search", "dataset", "license", "submit", "result")
# The mix: weights of each kind (a client draws its next call from them).
WEIGHTS = {"search": 35, "dataset": 25, "license": 15, "submit": 10, "result": 15}
# Small GENERAL aggregates over the license's alias; {n} a literal that makes each statement new (a statement the
# organization already ran in the period would be answered from its earlier result), without changing the answer.
STATEMENTS = (
    "SELECT district_code, count(*) AS swipes FROM {alias} WHERE fare_cents <> {n} GROUP BY district_code",
    ("SELECT district_code, sum(fare_cents) AS fares, avg(fare_cents) AS avg_fare FROM {alias}"
     " WHERE fare_cents > -{n} GROUP BY district_code"),
    "SELECT route_id, count(*) AS swipes FROM {alias} WHERE fare_cents < 1000000000 + {n} GROUP BY route_id",
)
# Words of a keyword that matches nothing (made new by a counter) — Chinese and English, like real searches.
WORDS = ("公交", "地铁", "空气", "医保", "企业", "气象", "教育", "人口", "电网", "不动产", "交通", "线路",
         "bus", "metro", "air", "quality", "claims", "weather", "school", "grid", "traffic", "route", "hourly")


# ---------------------------------------------------------------------------------------------- tokens
def fetch_token(role: str) -> str:
    form = ({"grant_type": "client_credentials", "client_id": "dev-org-a", "client_secret": "dev-org-a-dev-secret"}
            if role == "developer" else
            {"grant_type": "password", "client_id": "pdx-cli", "username": role, "password": "pdx-demo"})
    for attempt in range(6):
        answer = httpx.post(TOKEN_URL, data=form, timeout=30)
        if answer.status_code == 200:
            return answer.json()["access_token"]
        if attempt == 5:
            sys.exit(f"load: no token for {role}: {answer.status_code} {answer.text[:300]}")
        time.sleep(5)  # Keycloak's brute-force guard, shared with other tests: a moment later
    raise AssertionError


def expires(token: str) -> float:
    payload = token.split(".")[1]
    return float(json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["exp"])


class Tokens:
    """One token per role, fetched again (in a thread, off the event loop) when it would expire within 2 minutes."""

    def __init__(self, roles):
        self.current = {role: fetch_token(role) for role in roles}

    def header(self, role: str) -> dict:
        return {"Authorization": "Bearer " + self.current[role]}

    async def keep_fresh(self, until: float) -> None:
        while time.time() < until:
            for role, token in list(self.current.items()):
                if expires(token) - time.time() < 120:
                    self.current[role] = await asyncio.to_thread(fetch_token, role)
            await asyncio.sleep(5)


# ---------------------------------------------------------------------------------------------- setup
_setup_tokens: dict[str, str] = {}


def call(api: str, role: str, method: str, path: str, body=None, expect=(200, 201, 202)):
    tokens = _setup_tokens
    if role not in tokens and role != "anonymous":
        tokens[role] = fetch_token(role)
    headers = {"Accept": "application/json"}
    if role != "anonymous":
        headers["Authorization"] = "Bearer " + tokens[role]
    answer = httpx.request(method, api + path, json=body, headers=headers, timeout=60)
    if answer.status_code not in expect:
        sys.exit(f"load setup: {role} {method} {path} answered {answer.status_code}: {answer.text[:500]}")
    return answer.json() if answer.content else None


def setup(api: str, out: str, labels: list[str]) -> None:
    # organization A, verified by the bureau (an existing one answers 409)
    call(api, "operator-a", "POST", "/api/v1/organizations", {
        "name": "闽数科技有限公司", "uscc": ORG_A, "legalRepresentative": "陈伟", "contactName": "林静",
        "contactPhone": "0591-12345678", "contactEmail": "ops@example.cn"}, expect=(201, 409))
    if call(api, "reviewer-1", "GET", f"/api/v1/organizations/{ORG_A}")["status"] != "VERIFIED":
        call(api, "reviewer-1", "POST", f"/api/v1/organizations/{ORG_A}/verify")
    products = call(api, "bureau-admin", "GET", "/api/v1/products?size=200")["items"]
    bus = next(p for p in products if p["nameZh"] == BUS_SWIPES)
    # the term starts today in the bureau's time zone (a job runs only within it)
    today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date()
    licenses = {}
    for label in labels:
        applied = call(api, "operator-a", "POST", "/api/v1/licenses", {
            "productId": bus["id"], "purposeCategory": "PUBLIC_GOVERNANCE", "purposeText": f"负载基准 / load benchmark ({label})",
            "columns": COLUMNS, "mode": "SANDBOX", "termStart": today.isoformat(),
            "termEnd": (today + datetime.timedelta(days=364)).isoformat()})
        if applied["state"] == "APPROVED":
            applied = call(api, "operator-a", "POST", f"/api/v1/licenses/{applied['id']}/accept")
        if applied["state"] != "ACTIVE":
            sys.exit(f"load setup: license {applied['id']} is {applied['state']}, not ACTIVE")
        licenses[label] = applied["id"]
    alias = call(api, "developer", "GET", f"/api/v1/licenses/{licenses[labels[0]]}/workspace")["alias"]
    # the downloads: each statement once (literal 0), released at once (GENERAL)
    released = []
    for statement in STATEMENTS:
        job = call(api, "developer", "POST", "/api/v1/sandbox/jobs?wait=PT30S",
                   {"licenseId": licenses[labels[0]], "sql": statement.format(alias=alias, n=0)})
        if job["state"] != "RELEASED":
            sys.exit(f"load setup: job {job['id']} is {job['state']}, not RELEASED")
        released.append(job["id"])
    # the datasets an anonymous caller sees: their pages, and the text keywords are cut from
    page = call(api, "anonymous", "GET", "/api/v1/datasets?size=200")
    datasets = [item["id"] for item in page["items"]]
    texts = sorted({(item.get(field) or "").lower() for item in page["items"]
                    for field in ("nameZh", "nameEn", "description", "providerName") if item.get(field)})
    if not datasets:
        sys.exit("load setup: the anonymous catalog is empty")
    with open(out, "w", encoding="utf-8") as file:
        json.dump({"licenses": licenses, "alias": alias, "released": released, "datasets": datasets, "texts": texts},
                  file, ensure_ascii=False, indent=1)
    print(f"organization A verified; SANDBOX licenses {', '.join(f'{k} {v}' for k, v in licenses.items())}; "
          f"alias {alias}; {len(released)} released jobs; {len(datasets)} datasets seen anonymously")


# ---------------------------------------------------------------------------------------------- the run
class Figures:
    def __init__(self):
        self.latencies = {kind: [] for kind in KINDS}
        self.counts = {kind: dict.fromkeys(("2xx", "4xx", "429", "5xx", "timeout", "error", "other"), 0) for kind in KINDS}
        self.samples = {}  # (kind, status or error) → first detail seen

    def record(self, kind: str, started: float, status: int | None, detail: str = "") -> None:
        if status is not None:
            self.latencies[kind].append((time.perf_counter() - started) * 1000)
            bucket = ("429" if status == 429 else "2xx" if 200 <= status < 300 else "4xx" if 400 <= status < 500
                      else "5xx" if status >= 500 else "other")
        else:
            bucket = "timeout" if detail.startswith("timeout") else "error"
        self.counts[kind][bucket] += 1
        if bucket not in ("2xx",):
            self.samples.setdefault(f"{kind} {status or bucket}", detail[:300])


class Client:
    """One simulated client: its own connection, its own seeded sequence of calls."""

    def __init__(self, number: int, run: Run):
        self.run = run
        self.random = random.Random(run.seed * 100_003 + number)
        self.number = number
        self.calls = 0

    def keyword(self) -> str:
        texts = self.run.setup["texts"]
        while True:
            if self.random.random() < 0.5 or not texts:
                # a word and a counter: matches nothing, every search runs in PostgreSQL
                keyword = f"{self.random.choice(WORDS)}{self.number}x{self.calls}"
            else:
                # two pieces of one dataset's text: matches it, different pieces every time
                text = self.random.choice(texts).replace(" ", "")
                pieces = []
                for _ in range(2):
                    length = self.random.randint(2, 3)
                    start = self.random.randint(0, max(0, len(text) - length))
                    pieces.append(text[start:start + length])
                keyword = " ".join(pieces)
            if keyword not in self.run.keywords:
                self.run.keywords.add(keyword)
                return keyword

    async def loop(self, http: httpx.AsyncClient) -> None:
        run, setup = self.run, self.run.setup
        kinds, weights = list(WEIGHTS), list(WEIGHTS.values())
        while time.perf_counter() < run.deadline:
            kind = self.random.choices(kinds, weights)[0]
            self.calls += 1
            if kind == "search":
                request = http.build_request("GET", "/api/v1/datasets", params={"q": self.keyword()},
                                             headers={"Accept": "application/json"})
            elif kind == "dataset":
                request = http.build_request("GET", f"/api/v1/datasets/{self.random.choice(setup['datasets'])}",
                                             headers={"Accept": "application/json"})
            elif kind == "license":
                request = http.build_request("GET", f"/api/v1/licenses/{self.random.choice(run.license_ids)}",
                                             headers={"Accept": "application/json", **run.tokens.header("operator-a")})
            elif kind == "submit":
                # unique within the run, and between runs of different labels (run.salt)
                literal = run.salt + self.number * 100_000 + self.calls
                statement = self.random.choice(STATEMENTS).format(alias=setup["alias"], n=literal)
                request = http.build_request("POST", "/api/v1/sandbox/jobs",
                                             json={"licenseId": run.license, "sql": statement},
                                             headers={"Accept": "application/json", **run.tokens.header("developer")})
            else:
                request = http.build_request("GET", f"/api/v1/sandbox/jobs/{self.random.choice(setup['released'])}/result",
                                             headers={"Accept": ARROW, **run.tokens.header("developer")})
            started = time.perf_counter()
            try:
                answer = await http.send(request, stream=True)
                try:
                    size, head = 0, b""
                    async for chunk in answer.aiter_bytes():
                        size += len(chunk)
                        if answer.status_code >= 300 and len(head) < 300:
                            head += chunk
                finally:
                    await answer.aclose()
                status, detail = answer.status_code, ""
                if status >= 300:
                    detail = f"{request.method} {request.url.path}: {head[:300].decode(errors='replace')}"
                elif kind == "result" and not answer.headers.get("content-type", "").startswith(ARROW):
                    status, detail = None, f"result not Arrow: {answer.headers.get('content-type')}"
                elif kind == "result" and size == 0:
                    status, detail = None, "result empty"
                run.figures.record(kind, started, status, detail)
            except httpx.TimeoutException as timeout:
                run.figures.record(kind, started, None, f"timeout ({type(timeout).__name__})")
            except httpx.HTTPError as error:
                run.figures.record(kind, started, None, f"{type(error).__name__}: {error}")
                await asyncio.sleep(0.1)  # a refused connection: do not spin


class Run:
    def __init__(self, args):
        with open(args.setup, encoding="utf-8") as file:
            self.setup = json.load(file)
        labels = list(self.setup["licenses"])
        self.label = args.label
        self.license = self.setup["licenses"][args.label]
        self.license_ids = list(self.setup["licenses"].values())
        self.salt = (labels.index(args.label) + 1) * 100_000_000 + (args.repeat * 10_000_000_000)
        self.seed = args.seed
        self.clients = args.clients
        self.seconds = args.seconds
        self.timeout = args.timeout
        self.api = args.api
        self.keywords: set[str] = set()
        self.figures = Figures()
        self.deadline = 0.0
        self.tokens = Tokens(("operator-a", "developer"))

    async def go(self) -> dict:
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        timeout = httpx.Timeout(self.timeout)
        clients = [httpx.AsyncClient(base_url=self.api, limits=limits, timeout=timeout) for _ in range(self.clients)]
        began = time.perf_counter()
        self.deadline = began + self.seconds
        fresh = asyncio.create_task(self.tokens.keep_fresh(time.time() + self.seconds + self.timeout))
        try:
            tasks = [asyncio.create_task(Client(n, self).loop(http)) for n, http in enumerate(clients)]
            # bounded: the last calls end within their timeout; anything later is cancelled
            done, pending = await asyncio.wait(tasks, timeout=self.seconds + self.timeout + 10)
            for task in pending:
                task.cancel()
            for task in done:
                if task.exception():
                    raise task.exception()
            elapsed = time.perf_counter() - began
        finally:
            fresh.cancel()
            await asyncio.gather(*(http.aclose() for http in clients), return_exceptions=True)
        result = {"label": self.label, "clients": self.clients, "seconds": self.seconds, "elapsed": elapsed,
                  "seed": self.seed, "kinds": {}, "samples": self.figures.samples}
        for kind in KINDS:
            values = sorted(self.figures.latencies[kind])
            counts = self.figures.counts[kind]
            requests = sum(counts.values())
            result["kinds"][kind] = {"requests": requests, "rps": requests / elapsed, **counts,
                                     "p50": percentile(values, 50), "p99": percentile(values, 99)}
        everything = sorted(v for kind in KINDS for v in self.figures.latencies[kind])
        total = {key: sum(result["kinds"][kind][key] for kind in KINDS)
                 for key in ("requests", "2xx", "4xx", "429", "5xx", "timeout", "error", "other")}
        result["kinds"]["all"] = {**total, "rps": total["requests"] / elapsed,
                                  "p50": percentile(everything, 50), "p99": percentile(everything, 99)}
        return result


def percentile(ordered, p):
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def run(args) -> None:
    result = asyncio.run(Run(args).go())
    with open(args.out, "w", encoding="utf-8") as file:
        json.dump(result, file, ensure_ascii=False, indent=1)
    line = result["kinds"]["all"]
    print(f"{args.label}: {line['requests']} requests in {result['elapsed']:.1f}s ({line['rps']:.1f}/s), "
          f"p50 {line['p50']:.0f} ms, p99 {line['p99']:.0f} ms, 5xx {line['5xx']}, 429 {line['429']}, "
          f"timeouts {line['timeout']}, errors {line['error']}")


# ---------------------------------------------------------------------------------------------- drain
STATES = ("QUEUED", "ADMITTED", "RUNNING", "SUCCEEDED", "RELEASED", "AWAITING_RELEASE", "REJECTED", "CANCELLED", "FAILED")


def drain(args) -> None:
    with open(args.setup, encoding="utf-8") as file:
        license = json.load(file)["licenses"][args.label]
    token = fetch_token("developer")

    def total(**params):
        answer = httpx.get(args.api + "/api/v1/sandbox/jobs", params={"size": 1, **params}, timeout=60,
                           headers={"Authorization": "Bearer " + token, "Accept": "application/json"})
        answer.raise_for_status()
        return answer.json()["total"]

    began = time.time()
    while True:
        moving = {state: total(state=state) for state in ("QUEUED", "ADMITTED", "RUNNING")}
        if not any(moving.values()) or time.time() - began > args.timeout:
            break
        time.sleep(2)
        if expires(token) - time.time() < 60:
            token = fetch_token("developer")
    states = {state: total(state=state, licenseId=license) for state in STATES}
    left = sum(moving.values())
    print(f"jobs of the {args.label} run's license: " + ", ".join(f"{s} {n}" for s, n in states.items() if n)
          + (f"; all settled {time.time() - began:.0f}s after the load" if not left
             else f"; STILL MOVING after {args.timeout}s: " + ", ".join(f"{s} {n}" for s, n in moving.items() if n)))
    with open(args.out, "w", encoding="utf-8") as file:
        json.dump({"states": states, "moving": moving, "drain_seconds": time.time() - began}, file)


# ---------------------------------------------------------------------------------------------- report
def report(paths) -> int:
    results = []
    for path in paths:
        with open(path, encoding="utf-8") as file:
            results.append(json.load(file))
    width = max(len(r["label"]) for r in results)
    header = (f"{'kind':<8} {'phase':<{width}} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8} "
              f"{'2xx':>7} {'4xx':>5} {'429':>5} {'5xx':>5} {'t/o':>5} {'err':>5}")
    print(header)
    print("-" * len(header))
    for kind in (*KINDS, "all"):
        for result in results:
            k = result["kinds"][kind]
            print(f"{kind:<8} {result['label']:<{width}} {k['requests']:>8} {k['rps']:>7.1f} {k['p50']:>8.1f} "
                  f"{k['p99']:>8.1f} {k['2xx']:>7} {k['4xx']:>5} {k['429']:>5} {k['5xx']:>5} {k['timeout']:>5} "
                  f"{k['error']:>5}")
        if len(results) == 2:
            on, off = (r["kinds"][kind] for r in results)
            ratio = off["rps"] / on["rps"] if on["rps"] else float("nan")
            p99 = off["p99"] / on["p99"] if on["p99"] else float("nan")
            print(f"{'':<8} {results[1]['label']}/{results[0]['label']}: throughput ×{ratio:.2f}, p99 ×{p99:.2f}")
    failures = 0
    for result in results:
        for what, detail in sorted(result["samples"].items()):
            print(f"  {result['label']}: first {what}: {detail}")
        failures += result["kinds"]["all"]["5xx"]
    return 1 if failures else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    made = commands.add_parser("setup")
    made.add_argument("--api", required=True)
    made.add_argument("--out", required=True)
    made.add_argument("--labels", default="warmup,on,off")
    running = commands.add_parser("run")
    running.add_argument("--api", required=True)
    running.add_argument("--setup", required=True)
    running.add_argument("--label", required=True)
    running.add_argument("--out", required=True)
    running.add_argument("--clients", type=int, default=int(os.environ.get("LOAD_CLIENTS", "200")))
    running.add_argument("--seconds", type=float, default=float(os.environ.get("LOAD_SECONDS", "60")))
    running.add_argument("--timeout", type=float, default=float(os.environ.get("LOAD_TIMEOUT", "20")))
    running.add_argument("--seed", type=int, default=int(os.environ.get("LOAD_SEED", "17")))
    running.add_argument("--repeat", type=int, default=0, help="a second run of one label: new statements")
    draining = commands.add_parser("drain")
    draining.add_argument("--api", required=True)
    draining.add_argument("--setup", required=True)
    draining.add_argument("--label", required=True)
    draining.add_argument("--out", required=True)
    draining.add_argument("--timeout", type=float, default=float(os.environ.get("LOAD_DRAIN_SECONDS", "300")))
    reporting = commands.add_parser("report")
    reporting.add_argument("results", nargs="+")
    args = parser.parse_args()
    if args.command == "setup":
        setup(args.api, args.out, args.labels.split(","))
    elif args.command == "run":
        run(args)
    elif args.command == "drain":
        drain(args)
    else:
        sys.exit(report(args.results))


if __name__ == "__main__":
    main()
