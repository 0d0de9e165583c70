#!/usr/bin/env python3
"""The data ./pdx test contract fuzzes on, made through the API as the demo users (never written to the database).

    data.py token USER        prints an access token of a demo user (password grant of the dev-only pdx-cli client)
    data.py make FILE         makes the data and writes the ids to FILE as `export PDX_CONTRACT_…='…'` lines

The ids name one resource of each kind in the state its operations act on: a registered GENERAL dataset, a draft and
a submitted dataset of dept-transport, organization A (verified), an ACTIVE SANDBOX and an ACTIVE DELIVERY license of
organization A on bus card swipes, an application in review, a released job and a job awaiting release (IMPORTANT
data, two reviewers). tools/contract/schemathesis.toml puts them into the operations' paths and bodies.
Standard library only; everything on 127.0.0.1.
"""
import datetime
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

API = os.environ.get("STACK_API_URL", "http://127.0.0.1:8085")
TOKEN_URL = os.environ.get("PDX_TOKEN_URL", "http://127.0.0.1:8180/realms/pdx/protocol/openid-connect/token")
PASSWORD = "pdx-demo"
ORG_A = "91350100M000100Y43"
# the term starts today, in the bureau's time zone: a job runs only within it
_TODAY = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date()
TERM = {"termStart": _TODAY.isoformat(), "termEnd": (_TODAY + datetime.timedelta(days=364)).isoformat()}
_tokens = {}


def token(user):
    """A token of `user`; Keycloak refusing a moment (its brute-force guard, shared with other tests) is retried."""
    if user not in _tokens:
        form = urllib.parse.urlencode({"grant_type": "password", "client_id": "pdx-cli", "username": user,
                                       "password": PASSWORD}).encode()
        for attempt in range(6):
            try:
                with urllib.request.urlopen(urllib.request.Request(TOKEN_URL, data=form), timeout=30) as answer:
                    _tokens[user] = json.load(answer)["access_token"]
                break
            except urllib.error.HTTPError as refused:
                if attempt == 5:
                    sys.exit(f"contract data: no token for {user}: {refused.code} {refused.read().decode()[:300]}")
                time.sleep(10)
    return _tokens[user]


def call(user, method, path, body=None, expect=(200, 201, 202)):
    """The JSON answer of one call; any other status than `expect` stops the script with the problem."""
    headers = {"Authorization": "Bearer " + token(user), "Accept": "application/json"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(API + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            status, text = answer.status, answer.read().decode()
    except urllib.error.HTTPError as failure:
        status, text = failure.code, failure.read().decode()
    if status not in expect:
        sys.exit(f"contract data: {user} {method} {path} answered {status}: {text[:500]}")
    return json.loads(text) if text else None


def product_named(name):
    products = call("bureau-admin", "GET", "/api/v1/products?size=200")["items"]
    return next(p for p in products if p["nameZh"] == name)


def draft(name):
    return {"nameZh": name, "nameEn": "Contract test " + name, "category": "交通/公共交通", "grade": "GENERAL",
            "providerName": "交通运输局", "updateFrequency": "DAILY", "spatialCoverage": "350100", "rowCount": 1000,
            "columns": [{"name": "route_id", "type": "VARCHAR", "tag": "ATTRIBUTE"},
                        {"name": "riders", "type": "BIGINT", "tag": "METRIC"}],
            "sharingType": "CONDITIONAL", "sharingCondition": "用于交通规划", "openness": "OPEN", "entityColumn": "route_id"}


def licensed(product, mode, columns, purpose="PUBLIC_GOVERNANCE"):
    return call("operator-a", "POST", "/api/v1/licenses", {
        "productId": product["id"], "purposeCategory": purpose, "purposeText": "契约测试 / contract test",
        "columns": columns, "mode": mode, **TERM})


def active(license_view):
    if license_view["state"] == "APPROVED":
        license_view = call("operator-a", "POST", f"/api/v1/licenses/{license_view['id']}/accept")
    if license_view["state"] != "ACTIVE":
        sys.exit(f"contract data: license {license_view['id']} is {license_view['state']}, not ACTIVE")
    return license_view


def make():
    ids = {}
    stamp = time.strftime("%H%M%S")
    bus = product_named("公交刷卡记录")
    medical = product_named("医保结算明细")
    ids["PRODUCT_ID"] = bus["id"]
    ids["DATASET_ID"] = bus["datasetId"]
    # organization A, verified by the bureau (an existing one answers 409: a second run on the same stack)
    call("operator-a", "POST", "/api/v1/organizations", {
        "name": "闽数科技有限公司", "uscc": ORG_A, "legalRepresentative": "陈伟", "contactName": "林静",
        "contactPhone": "0591-12345678", "contactEmail": "ops@example.cn"}, expect=(201, 409))
    if call("reviewer-1", "GET", f"/api/v1/organizations/{ORG_A}")["status"] != "VERIFIED":
        call("reviewer-1", "POST", f"/api/v1/organizations/{ORG_A}/verify")
    ids["ORGANIZATION_ID"] = ORG_A
    # licenses of organization A: SANDBOX and DELIVERY on bus card swipes (秒批), one IMPORTANT application in review
    sandbox = active(licensed(bus, "SANDBOX", ["swipe_time", "route_id", "district_code", "fare_cents"]))
    ids["LICENSE_ID"] = sandbox["id"]
    ids["DELIVERY_LICENSE_ID"] = active(licensed(bus, "DELIVERY", ["swipe_time", "route_id", "district_code"]))["id"]
    review = licensed(medical, "SANDBOX", ["age", "gender", "district_code", "total_amount"])
    if review["state"] != "IN_REVIEW":
        sys.exit(f"contract data: the IMPORTANT application is {review['state']}, not IN_REVIEW")
    ids["REVIEW_LICENSE_ID"] = review["id"]
    # jobs: one released at once (GENERAL), one awaiting a reviewer's release (IMPORTANT, after two approvals)
    job = call("developer-a", "POST", "/api/v1/sandbox/jobs?wait=PT30S", {
        "licenseId": sandbox["id"], "sql": "SELECT district_code, count(*) AS swipes FROM bus_card_swipes GROUP BY district_code"})
    if job["state"] != "RELEASED":
        sys.exit(f"contract data: job {job['id']} is {job['state']}, not RELEASED")
    ids["JOB_ID"] = job["id"]
    important = licensed(medical, "SANDBOX", ["age", "gender", "district_code", "total_amount"])
    for reviewer in ("reviewer-1", "reviewer-2"):
        important = call(reviewer, "POST", f"/api/v1/licenses/{important['id']}/approve")
        if important["state"] == "APPROVED":
            break
    important = active(important)
    alias = call("developer-a", "GET", f"/api/v1/licenses/{important['id']}/workspace")["alias"]
    waiting = call("developer-a", "POST", "/api/v1/sandbox/jobs?wait=PT30S", {
        "licenseId": important["id"], "sql": f"SELECT gender, count(*) AS settlements FROM {alias} GROUP BY gender"})
    if waiting["state"] != "AWAITING_RELEASE":
        sys.exit(f"contract data: job {waiting['id']} is {waiting['state']}, not AWAITING_RELEASE")
    ids["REVIEW_JOB_ID"] = waiting["id"]
    # datasets of dept-transport: a draft, and one submitted for registration
    ids["DRAFT_DATASET_ID"] = call("provider-transport", "POST", "/api/v1/datasets", draft(f"契约测试草稿 {stamp}"))["id"]
    submitted = call("provider-transport", "POST", "/api/v1/datasets", draft(f"契约测试登记 {stamp}"))["id"]
    call("provider-transport", "POST", f"/api/v1/datasets/{submitted}/submit")
    ids["SUBMITTED_DATASET_ID"] = submitted
    return ids


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "token":
        print(token(sys.argv[2]))
    elif len(sys.argv) == 3 and sys.argv[1] == "make":
        ids = make()
        with open(sys.argv[2], "w", encoding="utf-8") as out:
            for key, value in ids.items():
                out.write(f"export PDX_CONTRACT_{key}='{value}'\n")
        for key, value in ids.items():
            print(f"{key.lower()}: {value}")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
