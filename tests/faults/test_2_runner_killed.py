"""sandbox-runner killed (SIGKILL) while it runs a job.

The job is on IMPORTANT data (ε charged at admission). Its run must last long enough to be killed in the middle: the
small demo data runs a plain aggregate in milliseconds, so the statement makes DuckDB work on every row — a
high-cardinality column (total_amount, as text: a low-cardinality one is dictionary-encoded and evaluated once per
distinct value) concatenated with a 15,000-character literal, through nested lower(upper(…)): about 50,000 rows ×
15 kB × 2·depth string passes, several seconds on two cores, all within what the sandbox allows (it would end at
the runner's time limit, 60 s, if it were not killed).

Expected (docs/SANDBOX.md): the run read data, so the job ends FAILED with its ε kept (`run_failed` for the
requester, the cause for the bureau), nothing is released or stored, a submission while the runner is down is a 503
that charges nothing, and the next job runs once the runner is back.
"""

from __future__ import annotations

import glob
import os
import random
import time

from conftest import RESULTS, Api, World, assert_problem, ctl, report, running_as_bureau

FINAL = {"RELEASED", "AWAITING_RELEASE", "REJECTED", "FAILED", "CANCELLED"}
DEPTH = 10


def heavy_sql(tag: int) -> str:
    expression = f"concat(CAST(total_amount AS VARCHAR), '{'x' * 15000}')"
    for _ in range(DEPTH):
        expression = f"lower(upper({expression}))"
    return (f"SELECT district_code, count(*) AS claims FROM medical_insurance_claims "
            f"WHERE length({expression}) > {tag} GROUP BY district_code")


def spent(api: Api, license_id: str) -> float:
    return api.ok("GET", f"/licenses/{license_id}/workspace", "developer-a")["privacy"]["budget"]["epsilonSpent"]


def test_runner_killed_mid_job(apis: list[Api], world: World) -> None:
    api = apis[0]
    before = spent(api, world.claims_a)
    submitted = api.ok("POST", "/sandbox/jobs", "developer-a",
                       json={"licenseId": world.claims_a, "sql": heavy_sql(random.randint(1, 10**6)), "epsilon": 0.1})
    job = submitted["id"]
    # the bureau sees the run's real state (its requester sees RUNNING until the job's slot ends, whatever happens)
    running = running_as_bureau(api, job)
    assert running["state"] == "RUNNING", f"the job did not start: {running['state']}"
    time.sleep(0.3)  # the run request is at the runner, DuckDB is working (the slot stops it after about a second)
    assert api.job(job, "bureau-admin")["state"] == "RUNNING", "the heavy statement finished before the runner could be killed"
    ctl("kill", "faults-runner-1")
    killed = time.monotonic()
    try:
        ended = api.wait_for(job, FINAL, 30)
        ended_after = time.monotonic() - killed
        # FAILED, one failure for the requester, the ε charged at admission kept
        assert ended["state"] == "FAILED", ended
        assert ended["failure"]["reasons"][0]["code"] == "run_failed", ended["failure"]
        assert ended.get("failureCause") is None, "the requester must not see the cause"
        assert abs(float(ended["epsilon"]) - 0.1) < 1e-9, ended["epsilon"]
        after = spent(api, world.claims_a)
        assert abs(after - before - 0.1) < 1e-9, (before, after)
        bureau = api.job(job, "bureau-admin")
        assert bureau["failureCause"], bureau
        # nothing released, nothing stored
        result = api.call("GET", f"/sandbox/jobs/{job}/result", "developer-a")
        assert_problem(result)
        assert api.call("POST", f"/sandbox/jobs/{job}/release", "reviewer-1").status_code == 409
        assert not [f for f in glob.glob(os.path.join(RESULTS, f"{job}*")) if not f.endswith(".partial")]

        # while the runner is down a submission is refused before anything is charged
        down = api.call("POST", "/sandbox/jobs", "developer-a",
                        json={"licenseId": world.claims_a, "sql": heavy_sql(random.randint(1, 10**6)), "epsilon": 0.1})
        assert_problem(down, {503})
        assert abs(spent(api, world.claims_a) - after) < 1e-9, "a refused submission was charged"
    finally:
        restarted = ctl("start", "faults-runner-1")

    # the next job runs
    nxt = api.ok("POST", "/sandbox/jobs", "developer-a", json={
        "licenseId": world.bus_a,
        "sql": f"SELECT route_id, count(*) AS n FROM bus_card_swipes WHERE fare_cents > -{random.randint(2, 10**6)} GROUP BY route_id"})
    done = api.wait_for(nxt["id"], FINAL, 30)
    assert done["state"] == "RELEASED", done
    assert api.call("GET", f"/sandbox/jobs/{nxt['id']}/result", "developer-a").status_code == 200
    report("2 runner killed", job=job, state=ended["state"], cause=bureau["failureCause"],
           epsilon_charged=ended["epsilon"], budget_spent_before=before, budget_spent_after=after,
           seconds_kill_to_failed=round(ended_after, 1), runner_restart_seconds=restarted,
           submission_while_down=down.status_code, next_job=done["state"])

