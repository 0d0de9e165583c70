"""收费公示 and the annual disclosure read as the public and a reader would: the fee notices anonymously, the year's
disclosure prepared by the bureau, its figures and PDF checked against the SHA-256 digests the platform states, and the
PDF's text read back by pypdf (a reader that did not write it: the platform draws it with Apache PDFBox)."""

from __future__ import annotations

import datetime
import hashlib
import io
import json
from decimal import Decimal

import httpx
import pytest
from pypdf import PdfReader

from conftest import API_URL, ISSUER

TITLE = "年度公共数据资源授权运营情况披露"


def bearer(username: str) -> dict[str, str]:
    response = httpx.post(f"{ISSUER}/protocol/openid-connect/token", timeout=30, data={
        "client_id": "pdx-cli", "grant_type": "password", "username": username, "password": "pdx-demo"})
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def yuan(fen: int) -> str:
    return f"¥{Decimal(fen) / 100:,.2f}"


@pytest.fixture(scope="module")
def disclosure() -> dict:
    """This year's disclosure: prepared now as a draft, or as published if a run before published it."""
    year = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).year
    admin = bearer("bureau-admin")
    prepared = httpx.post(f"{API_URL}/api/v1/disclosures/{year}/prepare", headers=admin, timeout=120)
    if prepared.status_code == 409:
        prepared = httpx.get(f"{API_URL}/api/v1/disclosures/{year}", headers=admin, timeout=30)
    assert prepared.status_code == 200, prepared.text
    return {"view": prepared.json(), "headers": admin, "year": year}


def test_theFeeNotices_arePublic_withEveryPriceAndItsDates():
    page = httpx.get(f"{API_URL}/api/v1/fee-notices", params={"size": 50}, timeout=30)
    assert page.status_code == 200, page.text
    notices = page.json()["items"]
    assert notices, "the demo catalog lists products"
    for notice in notices:
        history = notice["history"]
        assert history and history[0]["effectiveFrom"] == notice["listedAt"]
        assert history[-1]["unitPriceFen"] == notice["priceRule"]["unitPriceFen"]
        assert all(period["unitPriceFen"] <= period["capFen"] for period in history if notice["priceRule"]["kind"] != "FREE")
        for before, after in zip(history, history[1:]):
            assert before["effectiveUntil"] == after["effectiveFrom"]


def test_theFiguresServed_areTheBytesTheDigestNames(disclosure):
    view, year = disclosure["view"], disclosure["year"]
    figures = httpx.get(f"{API_URL}/api/v1/disclosures/{year}/json", headers=disclosure["headers"], timeout=30)
    assert figures.status_code == 200
    assert hashlib.sha256(figures.content).hexdigest() == view["contentSha256"]
    content = json.loads(figures.content)
    assert content == view["content"]
    assert content["currency"] == "CNY" and content["year"] == year
    assert sum(product["revenueFen"] for product in content["products"]) == content["revenueFen"], "the products sum to the total"
    assert view["due"] == f"{year + 1}-03-31"


def test_thePdf_readByAnotherReader_saysWhatTheFiguresSay(disclosure):
    view, year = disclosure["view"], disclosure["year"]
    response = httpx.get(f"{API_URL}/api/v1/disclosures/{year}/pdf", headers=disclosure["headers"], timeout=60)
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/pdf")
    assert hashlib.sha256(response.content).hexdigest() == view["pdfSha256"]
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    assert f"{year} {TITLE}" in flat
    assert f"Total {yuan(view['content']['revenueFen'])}" in flat
    assert f"Authorizations ({len(view['content']['authorizations'])})" in flat
    assert f"Products and fees ({len(view['content']['products'])})" in flat
    for authorization in view["content"]["authorizations"][:20]:
        assert authorization["organization"] in flat, authorization
    assert f"page 1 of {len(reader.pages)}" in flat
    assert reader.metadata.title.startswith(f"{year} {TITLE}")


def test_aDraft_isNotThePublics(disclosure):
    view, year = disclosure["view"], disclosure["year"]
    anonymous = httpx.get(f"{API_URL}/api/v1/disclosures/{year}", timeout=30)
    listed = [item["year"] for item in httpx.get(f"{API_URL}/api/v1/disclosures", timeout=30).json()["items"]]
    if view["status"] == "DRAFT":
        assert anonymous.status_code == 404 and anonymous.headers["content-type"].startswith("application/problem+json")
        assert year not in listed
        publish = httpx.post(f"{API_URL}/api/v1/disclosures/{year}/publish", headers=disclosure["headers"], timeout=30)
        assert publish.status_code == 409 and "year-not-over" in publish.json()["type"]
    else:
        assert anonymous.status_code == 200 and year in listed
