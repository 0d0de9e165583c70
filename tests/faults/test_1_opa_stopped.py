"""OPA stopped: every decision fails closed (503 problem, never a 500), and service resumes when OPA is back."""

from __future__ import annotations

import time

from conftest import Api, World, assert_problem, ctl, report

# The catalog's search cache (2 s) and policy-view cache (5 s) may answer from what OPA said before it stopped;
# past them every answer needs a decision.
CACHES = 6


def operations(world: World, dataset: str, job: str) -> list[tuple[str, str, str | None, dict]]:
    """One request of each kind that needs a decision: anonymous and signed-in reads, writes, a job submission."""
    return [
        ("GET", "/datasets", None, {}),
        ("GET", "/datasets", "operator-a", {"params": {"grade": "IMPORTANT"}}),
        ("GET", f"/datasets/{dataset}", None, {}),
        ("GET", "/reference", "reviewer-1", {}),
        ("GET", "/licenses", "operator-a", {}),
        ("GET", f"/licenses/{world.bus_a}", "operator-a", {}),
        ("GET", f"/sandbox/jobs/{job}", "developer-a", {}),
        ("GET", "/audit/events", "bureau-admin", {"params": {"size": 1}}),
        ("POST", "/sandbox/jobs", "developer-a", {"json": {
            "licenseId": world.bus_a, "sql": "SELECT route_id, count(*) AS n FROM bus_card_swipes WHERE fare_cents > -1 GROUP BY route_id"}}),
    ]


def test_opa_stopped_fails_closed_then_recovers(apis: list[Api], world: World) -> None:
    api = apis[0]
    dataset = api.ok("GET", "/datasets")["items"][0]["id"]
    job = api.ok("POST", "/sandbox/jobs", "developer-a", json={
        "licenseId": world.bus_a, "sql": "SELECT district_code, count(*) AS n FROM bus_card_swipes GROUP BY district_code"})["id"]
    ops = operations(world, dataset, job)
    for method, path, who, kwargs in ops[:-1]:  # all of them answer while OPA is up
        assert api.call(method, path, who, **kwargs).status_code == 200, (method, path, who)

    ctl("stop", "faults-opa")
    stopped = time.monotonic()
    try:
        time.sleep(CACHES)
        statuses: dict[int, int] = {}
        for instance in apis:
            for method, path, who, kwargs in ops:
                answer = instance.call(method, path, who, **kwargs)
                statuses[answer.status_code] = statuses.get(answer.status_code, 0) + 1
                body = assert_problem(answer, {503})
                assert body.get("code"), body
        # the health check says the policy is down (answers up or down, nothing more)
        assert api.client.get("/q/health/ready").status_code == 503
    finally:
        ctl("start", "faults-opa")
    back = time.monotonic()

    # service resumes without a restart of the API: every operation answers again
    pending = list(ops[:-1])
    deadline = back + 30
    while pending and time.monotonic() < deadline:
        pending = [op for op in pending if api.call(op[0], op[1], op[2], **op[3]).status_code != 200]
        if pending:
            time.sleep(0.5)
    assert not pending, f"still failing 30 s after OPA came back: {pending}"
    recovered = time.monotonic() - back
    for instance in apis:
        submitted = instance.call("POST", "/sandbox/jobs", "developer-a", json={
            "licenseId": world.bus_a, "sql": f"SELECT route_id, count(*) AS n FROM bus_card_swipes WHERE fare_cents > -{int(back)} GROUP BY route_id"})
        assert submitted.status_code == 202, submitted.text[:300]
    report("1 OPA stopped", requests_while_down=sum(statuses.values()), answers={str(k): v for k, v in statuses.items()},
           seconds_down=round(back - stopped, 1), seconds_to_recover=round(recovered, 1))
