#!/usr/bin/env python3
"""秒批 latency (issue: licensing): 200 low-risk applications by operator-b, each answered APPROVED
in its own response; prints p50 / p95 / p99 of application -> APPROVED, and side by side the
latency of the bare OPA decision for the same input, with their ratio. Needs ./pdx up.
Bounded: BENCH_APPLICATIONS requests (default 200), sequential, loopback only."""
import json, os, statistics, time, urllib.parse, uuid

from pdx_http import API, KC, OPA, call, percentile, token

N = int(os.environ.get("BENCH_APPLICATIONS", "200"))

provider, reviewer, admin, operator = (token(u) for u in ("provider-transport", "reviewer-1", "bureau-admin", "operator-b"))
# The demo catalog's registered GENERAL bus routes with its free product (the holding department's consent recorded),
# and organization B verified. (A new registration would wait out its publicity window.)
status, products = call("GET", API + "/api/v1/products?size=100", token=admin)
product = next(p for p in products["items"] if p["nameZh"] == "公交线路信息")
dataset = {"id": product["datasetId"]}
org = "91110000600037341L"
call("POST", API + "/api/v1/organizations", {"name": "京数智能科技有限公司", "uscc": org, "legalRepresentative": "王伟",
                                            "contactName": "李静", "contactPhone": "010-12345678", "contactEmail": "ops@example.cn"}, operator)
call("POST", f"{API}/api/v1/organizations/{org}/verify", {}, reviewer)

application = {"productId": product["id"], "purposeCategory": "PUBLIC_GOVERNANCE", "purposeText": "公交线网优化 / bus network planning",
               "columns": ["route_id", "stops"], "mode": "DELIVERY", "termStart": "2026-12-01", "termEnd": "2027-11-30",
               "expectedVolume": 1000}
opa_input = {"input": {"subject": {"authenticated": True, "user": "operator-b", "roles": ["operator"], "organization": org, "department": None},
                       "organization": {"id": org, "verified": True},
                       "product": {"id": product["id"], "dataset_id": dataset["id"], "grade": "GENERAL", "modes": ["DELIVERY", "SANDBOX"],
                                   "columns": [{"name": "route_id", "tag": "ATTRIBUTE"}, {"name": "stops", "tag": "METRIC"}],
                                   "consent": {"given": True, "organizations": []}},
                       "application": {"purpose_category": "PUBLIC_GOVERNANCE", "purpose_text": "x", "columns": ["route_id", "stops"],
                                       "mode": "DELIVERY", "term_start": "2026-12-01", "term_end": "2027-11-30", "expected_volume": 1000}}}
for _ in range(20):  # warm-up, not measured
    call("POST", API + "/api/v1/licenses", application, operator)
    call("POST", OPA + "/v1/data/pdx/license", opa_input)

api_ms, opa_ms = [], []
for _ in range(N):
    started = time.perf_counter()
    status, license = call("POST", API + "/api/v1/licenses", application, operator)
    api_ms.append((time.perf_counter() - started) * 1000)
    assert status == 201 and license["state"] == "APPROVED", license
    started = time.perf_counter()
    call("POST", OPA + "/v1/data/pdx/license", opa_input)
    opa_ms.append((time.perf_counter() - started) * 1000)

print(f"秒批 over {N} applications (application -> APPROVED, one response each), loopback:")
for label, values in (("POST /api/v1/licenses", api_ms), ("bare OPA pdx.license decision", opa_ms)):
    print(f"  {label:32s} p50 {statistics.median(values):7.2f} ms  p95 {percentile(values, 95):7.2f} ms  p99 {percentile(values, 99):7.2f} ms")
print(f"  ratio application / bare decision: p50 {statistics.median(api_ms) / statistics.median(opa_ms):.1f}, "
      f"p95 {percentile(api_ms, 95) / percentile(opa_ms, 95):.1f}")
