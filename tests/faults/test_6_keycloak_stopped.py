"""Keycloak stopped, then started again (tools/pdx/keycloak.sh's start_keycloak, ~60 s).

While it is down: tokens issued before keep working (the API verifies signatures with the keys it fetched), a new login
fails (the token endpoint is gone), and a token the API cannot verify — a bad signature, a key id it does not know —
is a 401 problem, never a 500, and answered at once. After the restart (the realm is imported afresh, with new keys):
a new login works and the API accepts its token (it fetches the new keys); a token signed by the old keys is a 401.
"""

from __future__ import annotations

import base64
import json
import time

import httpx

from conftest import Api, World, assert_problem, claims, ctl, report, token, token_request

CALLS = (("developer-a", "/sandbox/jobs"), ("operator-a", "/licenses"), ("bureau-admin", "/audit/events"),
         ("dev-org-b", "/sandbox/jobs"))


def forged(real: str, kid: str | None = None) -> str:
    """The real token's header and claims with a signature that is not the realm's (and, with `kid`, another key id)."""
    header, payload, signature = real.split(".")
    if kid is not None:
        decoded = json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4)))
        decoded["kid"] = kid
        header = base64.urlsafe_b64encode(json.dumps(decoded).encode()).rstrip(b"=").decode()
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    return f"{header}.{payload}.{flipped}"


def key_id(jwt: str) -> str | None:
    header = jwt.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4))).get("kid")


def test_keycloak_stopped(api: Api, world: World) -> None:
    issued = {who: token(who, fresh=True) for who, _ in CALLS}
    for who, path in CALLS:
        assert api.call("GET", path, bearer=issued[who]).status_code == 200
    lifetime = claims(issued["developer-a"])["exp"] - time.time()

    ctl("keycloak-stop")
    stopped = time.monotonic()
    try:
        counts = {"old_token_ok": 0, "new_login_refused": 0, "unverifiable_401": 0}
        for _ in range(3):
            for who, path in CALLS:
                answer = api.call("GET", path, bearer=issued[who])
                assert answer.status_code == 200, f"a token issued before the stop, {path}: {answer.status_code} {answer.text[:300]}"
                counts["old_token_ok"] += 1
        # a job submitted with a token issued before runs as usual
        job = api.ok("POST", "/sandbox/jobs", bearer=issued["developer-a"], json={
            "licenseId": world.bus_a, "sql": "SELECT district_code, count(*) AS n FROM bus_card_swipes GROUP BY district_code"})
        for who in ("developer-a", "dev-org-a"):
            try:
                login = token_request(who)
                raise AssertionError(f"a login while Keycloak is stopped answered {login.status_code}")
            except httpx.ConnectError:
                counts["new_login_refused"] += 1
        unverifiable = {"bad signature": forged(issued["developer-a"]),
                        "unknown key id": forged(issued["developer-a"], kid="pdx-faults-unknown-key"),
                        "not a JWT": "not-a-token"}
        timings = {}
        for name, bearer in unverifiable.items():
            began = time.monotonic()
            answer = api.call("GET", "/sandbox/jobs", bearer=bearer)
            timings[name] = round(time.monotonic() - began, 2)
            assert_problem(answer, {401})
            counts["unverifiable_401"] += 1
        assert api.call("GET", "/datasets").status_code == 200, "the anonymous catalog needs no Keycloak"
        report("4 Keycloak stopped", token_seconds_left=round(lifetime), **counts, seconds_to_answer_401=timings)
    finally:
        restart = ctl("keycloak-start", timeout=300)
    report("4 Keycloak stopped", seconds_down=round(time.monotonic() - stopped), keycloak_start_seconds=restart)

    # after the restart: new logins, new keys
    fresh = token("developer-a", fresh=True)
    # the API fetches Keycloak's keys again at most every 30 s (quarkus.oidc.token.forced-jwk-refresh-interval)
    deadline = time.monotonic() + 45
    answer = api.call("GET", "/sandbox/jobs", bearer=fresh)
    while answer.status_code != 200 and time.monotonic() < deadline:
        time.sleep(1)
        answer = api.call("GET", "/sandbox/jobs", bearer=fresh)
    old_token_left = claims(issued["developer-a"])["exp"] - time.time()
    old = api.call("GET", "/sandbox/jobs", bearer=issued["developer-a"])
    key_changed = key_id(fresh) != key_id(issued["developer-a"])
    report("4 Keycloak stopped", new_token_after_restart=answer.status_code, old_token_after_restart=old.status_code,
           signing_key_changed=key_changed, old_token_seconds_left=round(old_token_left))
    assert answer.status_code == 200, f"a token issued after Keycloak's restart: {answer.status_code} {answer.text[:300]}"
    assert api.ok("GET", f"/sandbox/jobs/{job['id']}", bearer=fresh)["id"] == job["id"]
    # A token signed by the old keys is a 401, whatever it answered: checked only while it has not expired and after the
    # realm's keys changed, so that the 401 can only come from its signature.
    assert key_changed, f"the restarted realm still signs with key {key_id(fresh)}: the old token's case proves nothing"
    assert old_token_left > 5, f"the old token expired ({old_token_left:.0f} s left) before its keys could be checked"
    assert_problem(old, {401})
