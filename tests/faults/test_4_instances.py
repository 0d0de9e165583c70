"""Several instances: two marketplace-api instances, each with its own sandbox-runner (the runners share the results
folder, as in Kubernetes), on one database.

- both instances started together on a fresh database (tools/pdx/faults.sh records whether each came up first time);
- per-instance caches never show one caller what another may not see (the catalog's search and policy-view caches,
  the jobs and licenses lists);
- a job is claimed once: jobs submitted to both instances run exactly once each (one job.start in the audit trail,
  one run request in the runners' access logs);
- an instance killed while it runs a job: another instance takes it over once its lease (PT8S here) runs out,
  completing it from the stored result or failing it with its charge kept — and a failed job's result is never served.
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from concurrent.futures import ThreadPoolExecutor

from conftest import (API_LOGS, ORG_A, RUNNER_LOGS, WORK, Api, World, assert_problem, ctl, report, running_as_bureau)

FINAL = {"RELEASED", "AWAITING_RELEASE", "REJECTED", "FAILED", "CANCELLED"}
JOBS = 12
LEASE_SECONDS = 8
RENEWAL_SECONDS = 2  # tools/pdx/faults.sh: FAULTS_LEASE=PT8S renewed every 2s


def runs_of(job: str) -> list[str]:
    """The runners that received the job's run request (their HTTP access logs)."""
    runs = []
    for path in RUNNER_LOGS:
        with open(path, encoding="utf-8", errors="replace") as log:
            # the HTTP access log's line only (the request-id filter logs the same request once more)
            runs += [os.path.basename(path)] * sum(1 for line in log if f"POST /internal/v1/jobs/{job}/run HTTP/1.1" in line)
    return runs


def audit_actions(api: Api, job: str) -> list[str]:
    events = api.ok("GET", "/audit/events", "bureau-admin", params={"resourceId": job, "size": 100})["items"]
    return [event["action"] for event in events]


def sql(tag: int, depth: int, heavy: bool = False) -> str:
    """A GENERAL aggregate; heavy: seconds of work on every row — a high-cardinality column as text (a low-cardinality
    one is dictionary-encoded and evaluated once per distinct value) with a 15,000-character literal, as in
    test_2_runner_killed."""
    expression = f"concat(CAST(swipe_time AS VARCHAR), '{'y' * 15000}')" if heavy else f"concat(stop_id, '{'y' * 400}')"
    for _ in range(depth):
        expression = f"lower(upper({expression}))"
    return f"SELECT route_id, count(*) AS n FROM bus_card_swipes WHERE length({expression}) > {tag} GROUP BY route_id"


def test_instances_start_together_on_a_fresh_database() -> None:
    with open(os.path.join(WORK, "startup.json"), encoding="utf-8") as started:
        startup = json.load(started)
    report("6 several instances", started_together=startup)
    failed = [name for name, first_try in startup.items() if not first_try]
    hint = ""
    for path in API_LOGS:
        with open(path, encoding="utf-8", errors="replace") as log:
            hint += "".join(line for line in log if "Failed to start" in line or "duplicate key" in line)[:600]
    assert not failed, f"{failed} did not start on the first try next to the other instance: {hint}"


def test_caches_never_leak_across_callers(apis: list[Api], world: World) -> None:
    a_job = apis[0].ok("POST", "/sandbox/jobs", "developer-a", json={"licenseId": world.bus_a, "sql": sql(1, 0)})["id"]
    important = [d["id"] for d in apis[0].ok("GET", "/datasets", "operator-a", params={"grade": "IMPORTANT"})["items"]]
    assert important, "operator-a sees no IMPORTANT dataset"
    checks = 0
    for _ in range(3):
        for api in apis:
            # an authenticated caller warms the caches, then an anonymous one asks the same
            for params in ({}, {"grade": "IMPORTANT"}, {"q": "医保"}, {"size": 50}):
                warm = api.ok("GET", "/datasets", "operator-a", params=params)
                anonymous = api.call("GET", "/datasets", params=params)
                if anonymous.status_code != 200:
                    assert_problem(anonymous, {400})
                    continue
                grades = {d["grade"] for d in anonymous.json()["items"]}
                assert grades <= {"GENERAL"}, f"anonymous search {params} on {api.url} after operator-a: {grades}"
                assert warm["total"] >= anonymous.json()["total"]
                checks += 1
            for dataset in important:
                assert_problem(api.call("GET", f"/datasets/{dataset}"), {404})
            # organization A's jobs and licenses, read first, never shown to organization B
            mine = api.ok("GET", "/sandbox/jobs", "developer-a")
            assert any(job["id"] == a_job for job in mine["items"])
            theirs = api.ok("GET", "/sandbox/jobs", "developer-b")
            assert all(job["organization"] != ORG_A for job in theirs["items"]), theirs
            assert_problem(api.call("GET", f"/sandbox/jobs/{a_job}", "developer-b"), {403, 404})
            assert_problem(api.call("GET", f"/sandbox/jobs/{a_job}/result", "developer-b"), {403, 404})
            api.ok("GET", "/licenses", "operator-a")
            licenses = api.ok("GET", "/licenses", "operator-b")
            assert all(lic["organization"] != ORG_A for lic in licenses["items"]), licenses
            assert_problem(api.call("GET", f"/licenses/{world.bus_a}", "operator-b"), {403, 404})
            assert_problem(api.call("GET", f"/licenses/{world.bus_a}/workspace", "developer-b"), {403, 404})
            checks += 7
    report("6 several instances", cache_checks=checks)


def test_each_job_runs_once(apis: list[Api], world: World) -> None:
    base = random.randint(10, 10**6)

    def submit(i: int) -> str:
        api = apis[i % 2]
        who, license_id = ("developer-a", world.bus_a) if i % 3 else ("developer-b", world.bus_b)
        return api.ok("POST", "/sandbox/jobs", who, json={"licenseId": license_id, "sql": sql(base + i, 2)})["id"], who

    with ThreadPoolExecutor(4) as pool:
        submitted = list(pool.map(submit, range(JOBS)))
    ends = {job: apis[0].wait_for(job, FINAL, 60, who)["state"] for job, who in submitted}
    runs = {job: runs_of(job) for job, _ in submitted}
    starts = {job: audit_actions(apis[1], job).count("job.start") for job, _ in submitted}
    by_runner: dict[str, int] = {}
    for names in runs.values():
        for name in names:
            by_runner[name] = by_runner.get(name, 0) + 1
    report("6 several instances", jobs=JOBS, final_states=sorted(ends.values()), runs_by_runner=by_runner)
    assert all(state == "RELEASED" for state in ends.values()), ends
    assert all(count == 1 for count in starts.values()), f"job.start events per job: {starts}"
    assert all(len(names) == 1 for names in runs.values()), f"run requests per job: {runs}"


def test_killed_instance_job_is_taken_over(apis: list[Api], world: World) -> None:
    first, second = apis
    job = second.ok("POST", "/sandbox/jobs", "developer-a",
                    json={"licenseId": world.bus_a, "sql": sql(random.randint(10, 10**6), 6, heavy=True)})["id"]
    # the bureau sees the run's real state (its requester sees RUNNING until the job's slot ends, whatever happens)
    running = running_as_bureau(second, job)
    assert running["state"] == "RUNNING", running
    time.sleep(0.3)
    assert first.job(job, "bureau-admin")["state"] == "RUNNING", "the job ended before its instance could be killed"
    ctl("kill", "faults-api-2")
    killed = time.monotonic()
    # the lease runs out, the other instance takes the job over
    ended = first.wait_for(job, FINAL, LEASE_SECONDS + 30)
    took = time.monotonic() - killed
    actions = audit_actions(first, job)
    bureau = first.job(job, "bureau-admin")
    report("6 several instances", killed_instance_job=job, taken_over_state=ended["state"],
           cause=bureau.get("failureCause"), seconds_kill_to_end=round(took, 1), audit=actions)
    assert ended["state"] in FINAL, f"not taken over within {LEASE_SECONDS + 30}s of the kill: {ended['state']}"
    # the lease was last renewed up to RENEWAL_SECONDS before the kill: it runs out LEASE - RENEWAL seconds after it at
    # the earliest
    assert took >= LEASE_SECONDS - RENEWAL_SECONDS - 0.5, f"ended {took:.1f}s after the kill: a live lease was not respected?"
    assert actions.count("job.start") == 1, actions
    if ended["state"] == "FAILED":
        # the instance died, not the run: "interrupted", its ε kept (docs/SANDBOX.md), the same for every job
        assert ended["failure"]["reasons"][0]["code"] == "interrupted", ended["failure"]
        # the killed instance's runner may still finish the run and store a result: it is never served
        end = time.monotonic() + 60
        while time.monotonic() < end and not runs_finished(job):
            time.sleep(1)
        assert_problem(first.call("GET", f"/sandbox/jobs/{job}/result", "developer-a"))
    assert len(runs_of(job)) == 1, runs_of(job)
    # its runner has nobody left to serve
    ctl("stop", "faults-runner-2")


def runs_finished(job: str) -> bool:
    """Whether a runner answered the job's run request (an access log line is written when the answer is)."""
    # (a JSON log line escapes the access log's quotes)
    pattern = re.compile(rf'POST /internal/v1/jobs/{job}/run HTTP/1.1\\?" \d+')
    for path in RUNNER_LOGS:
        with open(path, encoding="utf-8", errors="replace") as log:
            if any(pattern.search(line) for line in log):
                return True
    return False

