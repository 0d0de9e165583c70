"""PostgreSQL restarted (`pg_ctlcluster <version> pdx restart`) under a load of writes.

Four clients (operators of organizations A and B) apply for licenses in a loop — each application one row, 秒批 decided
in the same transaction — while the cluster restarts. Bounded: each client stops after WRITES requests or when the
case's time is up, whichever comes first. Expected: requests fail cleanly while the database is away (a problem, never
a 500), the API recovers by itself, and every application answered 2xx is in the database afterwards (read back by id
through the API and counted in the table).
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import date, timedelta

import httpx

from conftest import Api, assert_problem, ctl, product_id, report, sql_rows, BUS_SWIPES

CLIENTS = (("operator-a", 0), ("operator-a", 1), ("operator-b", 2), ("operator-b", 3))
WRITES = 120          # per client at most
SECONDS = 60          # the loop's time at most
RESTART_AFTER = 3     # seconds of load before the restart


def test_postgres_restart_under_writes(api: Api) -> None:
    product = product_id(api, BUS_SWIPES)
    today = date.today()
    body = {"productId": product, "purposeCategory": "PUBLIC_GOVERNANCE", "columns": ["route_id", "fare_cents"],
            "mode": "SANDBOX", "termStart": today.isoformat(), "termEnd": (today + timedelta(days=30)).isoformat()}
    committed: list[str] = []
    statuses: Counter[str] = Counter()
    bad: list[str] = []
    lock = threading.Lock()
    restarted = threading.Event()
    stop = threading.Event()
    first_ok_after_restart: list[float] = []
    began = time.monotonic()

    def client(who: str, n: int) -> None:
        own = Api(api.url)
        for i in range(WRITES):
            if stop.is_set() or time.monotonic() - began > SECONDS:
                return
            try:
                answer = own.call("POST", "/licenses", who, json=dict(body, purposeText=f"故障演练 {n}-{i}"))
            except httpx.HTTPError as error:  # no answer at all: its outcome is unknown, it is not counted as written
                with lock:
                    statuses[type(error).__name__] += 1
                continue
            with lock:
                statuses[str(answer.status_code)] += 1
                if answer.status_code < 300:
                    committed.append(answer.json()["id"])
                    if restarted.is_set() and not first_ok_after_restart:
                        first_ok_after_restart.append(time.monotonic())
                else:
                    try:
                        assert_problem(answer)
                    except AssertionError as wrong:
                        bad.append(str(wrong)[:300])
            if answer.status_code >= 500:
                time.sleep(0.2)

    threads = [threading.Thread(target=client, args=c, daemon=True) for c in CLIENTS]
    for thread in threads:
        thread.start()
    time.sleep(RESTART_AFTER)
    before_restart = len(committed)
    restart_began = time.monotonic()
    restart_seconds = ctl("pg-restart")
    restarted.set()
    restart_done = time.monotonic()
    # let the load go on until writes succeed again (or the loop ends), then a little more
    while not first_ok_after_restart and time.monotonic() - began < SECONDS and any(t.is_alive() for t in threads):
        time.sleep(0.2)
    time.sleep(2)
    stop.set()
    for thread in threads:
        thread.join(timeout=40)

    recovered = round(first_ok_after_restart[0] - restart_done, 1) if first_ok_after_restart else None
    ids = set(committed)
    in_table = set(sql_rows(f"select id from license where id in ({','.join(repr(i) for i in ids)})")) if ids else set()
    missing_by_api = [i for i in list(ids) if api.call("GET", f"/licenses/{i}", "bureau-admin").status_code != 200]
    report("5 PostgreSQL restarted", requests=sum(statuses.values()), answers=dict(statuses),
           committed_2xx=len(ids), committed_before_restart=before_restart, rows_found=len(in_table),
           missing=len(ids - in_table), read_back_failed=len(missing_by_api), restart_seconds=restart_seconds,
           seconds_restart_to_first_write=recovered, seconds_restart_took=round(restart_done - restart_began, 1),
           not_a_clean_problem=len(bad))
    assert first_ok_after_restart, f"no write succeeded after the restart within {SECONDS}s: {dict(statuses)}"
    assert "500" not in statuses, f"500s while PostgreSQL restarted: {dict(statuses)}; first: {bad[:2]}"
    assert not bad, bad[:3]
    assert ids == in_table, f"lost committed writes: {sorted(ids - in_table)[:10]}"
    assert not missing_by_api, f"not readable through the API: {missing_by_api[:10]}"
