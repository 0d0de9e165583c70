"""Open data (开放数据, issue #25): an open GENERAL dataset is downloaded by anyone, without a license and without
signing in, as Arrow, Parquet or CSV, whole or by declared columns and equality filters; anything not open is the
404 of an invisible dataset; downloads are counted in the efficiency figures and rate limited per client.

Plain HTTP (httpx), as a browser or curl would download; the rate-limit test comes last in this file, since it spends
the anonymous open-data allowance of this address for a minute.
"""

from __future__ import annotations

import csv
import io
import uuid

import httpx
import pyarrow as pa
import pyarrow.ipc
import pyarrow.parquet as pq
import pytest

from conftest import API_URL, ISSUER

OPEN = f"{API_URL}/api/v1/open/datasets"


def token(username: str) -> str:
    answer = httpx.post(f"{ISSUER}/protocol/openid-connect/token", data={
        "grant_type": "password", "client_id": "pdx-cli", "username": username, "password": "pdx-demo"}, timeout=30)
    answer.raise_for_status()
    return answer.json()["access_token"]


def catalog(bearer: str | None = None) -> list[dict]:
    headers = {"Authorization": f"Bearer {bearer}"} if bearer else {}
    answer = httpx.get(f"{API_URL}/api/v1/datasets", params={"size": 200}, headers=headers, timeout=30)
    answer.raise_for_status()
    return answer.json()["items"]


def by_name(items: list[dict], name_en: str) -> dict:
    found = [item for item in items if item["nameEn"] == name_en]
    assert found, f"the demo data has {name_en!r}"
    return found[0]


def served(dataset: dict) -> list[str]:
    return [column["name"] for column in dataset["columns"] if column["tag"] != "IDENTIFIER"]


@pytest.fixture(scope="module")
def public() -> list[dict]:
    return catalog()


@pytest.fixture(scope="module")
def routes(public) -> dict:
    dataset = by_name(public, "Bus routes")
    assert dataset["openness"] == "OPEN" and dataset["grade"] == "GENERAL"
    return dataset


@pytest.fixture(scope="module")
def registrations(public) -> dict:
    """Open, with two IDENTIFIER columns (uscc, legal_representative)."""
    dataset = by_name(public, "Market entity registrations")
    assert dataset["openness"] == "OPEN"
    assert {"uscc", "legal_representative"} <= {c["name"] for c in dataset["columns"] if c["tag"] == "IDENTIFIER"}
    return dataset


def download(dataset_id: str, **params) -> httpx.Response:
    return httpx.get(f"{OPEN}/{dataset_id}/data", params=params, timeout=120)


def test_arrow_whole_anonymously(routes):
    answer = download(routes["id"])
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("application/vnd.apache.arrow.stream")
    assert ".arrows" in answer.headers["content-disposition"]
    table = pa.ipc.open_stream(answer.content).read_all()
    assert table.num_rows == routes["rowCount"]
    assert table.column_names == served(routes)


def test_parquet_the_same_rows(routes):
    answer = download(routes["id"], format="parquet")
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("application/vnd.apache.parquet")
    table = pq.read_table(io.BytesIO(answer.content))
    assert table.num_rows == routes["rowCount"]
    assert table.column_names == served(routes)


def test_csv_by_columns_and_filter(routes):
    whole = pa.ipc.open_stream(download(routes["id"]).content).read_all().to_pylist()
    district = whole[0]["district_code"]
    expected = sorted(row["route_id"] for row in whole if row["district_code"] == district)
    answer = download(routes["id"], format="csv", columns="route_id,district_code", filter=f"district_code:{district}")
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(answer.text)))
    assert rows[0] == ["route_id", "district_code"]
    assert sorted(row[0] for row in rows[1:]) == expected
    assert {row[1] for row in rows[1:]} == {district}


def test_numeric_filter_and_two_filters(routes):
    whole = pa.ipc.open_stream(download(routes["id"]).content).read_all().to_pylist()
    first = whole[0]
    answer = download(routes["id"], filter=[f"stops:{first['stops']}", f"district_code:{first['district_code']}"])
    assert answer.status_code == 200, answer.text
    kept = pa.ipc.open_stream(answer.content).read_all().to_pylist()
    assert kept == [row for row in whole if row["stops"] == first["stops"] and row["district_code"] == first["district_code"]]


def test_identifiers_are_never_served(registrations):
    table = pa.ipc.open_stream(download(registrations["id"]).content).read_all()
    assert table.column_names == served(registrations)
    assert "uscc" not in table.column_names
    for params in ({"columns": "uscc"}, {"filter": "legal_representative:张三"}):
        answer = download(registrations["id"], **params)
        assert answer.status_code == 422, answer.text
        assert answer.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize("params, field, status", [
    ({"columns": "route_id,no_such_column"}, "columns", 422),
    ({"filter": "no_such_column:1"}, "filter", 422),
    ({"filter": "stops:many"}, "filter", 422),
    ({"columns": "route_id", "filter": "stops:3"}, "filter", 422),
    ({"format": "xlsx"}, "format", 400),
])
def test_bad_columns_filters_or_format_are_a_problem(routes, params, field, status):
    """A format off the schema's list is a 400; columns and filters the dataset does not offer, a rule beyond it: 422."""
    answer = download(routes["id"], **params)
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert [error["field"] for error in answer.json()["errors"]] == [field]


def test_what_is_not_open_is_the_404_of_an_invisible_dataset(public, routes):
    missing = download(str(uuid.uuid4()))
    assert missing.status_code == 404
    not_open = [item for item in public if item["openness"] != "OPEN"]
    assert not_open, "the demo data has a public dataset that is not open"
    # IMPORTANT data: not in the public catalog; an operator sees it, and still may not download it
    operator = token("operator-b")
    important = [item for item in catalog(operator) if item["grade"] != "GENERAL"]
    assert important, "the demo data has IMPORTANT data"
    for dataset, bearer in [(not_open[0], None), (important[0], None), (important[0], operator), (not_open[0], operator)]:
        headers = {"Authorization": f"Bearer {bearer}"} if bearer else {}
        answer = httpx.get(f"{OPEN}/{dataset['id']}/data", headers=headers, timeout=30)
        assert answer.status_code == 404, (dataset["nameEn"], answer.text)
        problem = answer.json()
        assert problem["type"] == missing.json()["type"] and problem["title"] == missing.json()["title"]
        assert dataset["id"] in problem["detail"] and "open" not in problem["detail"].lower()


def test_downloads_are_counted_in_the_efficiency_figures(routes):
    admin = {"Authorization": f"Bearer {token('bureau-admin')}"}

    def counted() -> int:
        answer = httpx.get(f"{API_URL}/api/v1/efficiency", headers=admin, timeout=30)
        answer.raise_for_status()
        return sum(month["openDataDownloads"] for month in answer.json()["months"])

    before = counted()
    assert download(routes["id"], format="csv", columns="route_id").status_code == 200
    assert download(routes["id"], format="csv", columns="route_id").status_code == 200
    assert counted() >= before + 2
    # a refused download is not a download
    after = counted()
    assert download(routes["id"], columns="nope").status_code == 422
    assert counted() == after


def until_limited(headers: dict) -> tuple[list[int], httpx.Response]:
    """Open-data requests (to a dataset that does not exist: cheap, and counted all the same) until a 429."""
    nowhere = f"{OPEN}/{uuid.uuid4()}/data"
    statuses = []
    with httpx.Client(timeout=30, headers=headers) as client:
        for _ in range(1000):
            answer = client.get(nowhere)
            statuses.append(answer.status_code)
            if answer.status_code == 429:
                break
    return statuses, answer


def test_downloads_are_rate_limited_per_signed_in_user():
    statuses, answer = until_limited({"Authorization": f"Bearer {token('provider-market')}"})
    assert statuses[0] == 404
    assert statuses[-1] == 429, f"no 429 after {len(statuses)} requests"
    assert int(answer.headers["retry-after"]) >= 1
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert answer.json()["type"].endswith("rate-limited")
    # another client has its own allowance: the public's is untouched
    assert httpx.get(f"{OPEN}/{uuid.uuid4()}/data", timeout=30).status_code == 404


def test_anonymous_downloads_are_rate_limited_per_address():
    """Last in this file: spends this address's anonymous open-data allowance for up to a minute (the policy
    data's open_data limit), so a second run of these tests within the minute sees 429s."""
    statuses, answer = until_limited({})
    assert statuses[0] == 404
    assert statuses[-1] == 429, f"no 429 after {len(statuses)} requests"
    assert answer.json()["type"].endswith("rate-limited")
    # the catalog itself is another allowance: still served
    assert httpx.get(f"{API_URL}/api/v1/datasets", params={"size": 1}, timeout=30).status_code == 200
