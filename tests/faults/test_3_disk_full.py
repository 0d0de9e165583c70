"""The result store full: the runners' results folder is a small tmpfs of its own (mounted by tools/pdx/faults.sh),
filled to the last byte by a file written here — a real ENOSPC, not a simulation.

Two ways to be full: no room at all (the Arrow result cannot be written), and room for exactly one page (the Arrow
result, ~3 kB, fits and is moved into place; its summary beside it cannot be written — the half-written case).
Either way the job must end FAILED with a clear cause for the bureau (no 500 to the caller), nothing half-written may
be served, and once there is room again the next job runs.
"""

from __future__ import annotations

import errno
import glob
import os
import random

import pytest

from conftest import RESULTS, Api, World, assert_problem, report

FINAL = {"RELEASED", "AWAITING_RELEASE", "REJECTED", "FAILED", "CANCELLED"}
PAGE = 4096


def fill(path: str) -> int:
    """Writes `path` until the filesystem is full; its size."""
    chunk = b"\0" * (1 << 20)
    written = 0
    with open(path, "wb", buffering=0) as out:
        while True:
            try:
                written += out.write(chunk)
            except OSError as full:
                assert full.errno == errno.ENOSPC, full
                break
        while True:  # the last partial megabyte, a page at a time
            try:
                written += out.write(chunk[:PAGE])
            except OSError as full:
                assert full.errno == errno.ENOSPC, full
                break
    return written


def submit(api: Api, world: World) -> dict:
    sql = f"SELECT route_id, count(*) AS n FROM bus_card_swipes WHERE fare_cents > -{random.randint(2, 10**9)} GROUP BY route_id"
    return api.ok("POST", "/sandbox/jobs", "developer-a", json={"licenseId": world.bus_a, "sql": sql})


def check_failed(api: Api, job: str) -> dict:
    ended = api.wait_for(job, FINAL, 30)
    assert ended["state"] == "FAILED", f"job {job} on a full result store: {ended['state']}"
    assert ended["failure"]["reasons"][0]["code"] == "run_failed", ended["failure"]
    bureau = api.job(job, "bureau-admin")
    for fmt in ("arrow", "parquet", "json"):
        answer = api.call("GET", f"/sandbox/jobs/{job}/result", "developer-a", params={"format": fmt})
        assert_problem(answer)
    complete = [f for f in glob.glob(os.path.join(RESULTS, f"{job}*")) if not f.endswith(".partial")]
    return {"state": ended["state"], "cause": bureau["failureCause"], "files_left": [os.path.basename(f) for f in complete]}


def test_result_store_full(apis: list[Api], world: World) -> None:
    if not RESULTS or not os.path.ismount(RESULTS):
        pytest.skip("the results folder is not a filesystem of its own (mounting a tmpfs was refused)")
    api = apis[0]
    filler = os.path.join(RESULTS, "filler.bin")
    try:
        size = fill(filler)
        # 1. no room at all
        empty = check_failed(api, submit(api, world)["id"])
        assert empty["cause"] == "result_store_failed", empty
        assert not empty["files_left"], empty
        # 2. room for one page: the Arrow file fits, its summary does not
        os.truncate(filler, size - PAGE)
        half = check_failed(api, submit(api, world)["id"])
        assert half["cause"] == "result_store_failed", \
            f"a result whose summary could not be written should fail as result_store_failed, not {half['cause']}"
        assert not half["files_left"], f"half-written files left in the result store: {half['files_left']}"
    finally:
        os.remove(filler)
    # room again: the next job runs
    nxt = submit(api, world)
    done = api.wait_for(nxt["id"], FINAL, 30)
    assert done["state"] == "RELEASED", done
    assert api.call("GET", f"/sandbox/jobs/{nxt['id']}/result", "developer-a").status_code == 200
    report("3 result store full", filled_bytes=size, no_room=empty, one_page=half, next_job=done["state"])
