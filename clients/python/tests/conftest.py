"""The client against the real running stack: marketplace-api at PDX_API_URL (./pdx test client: the test stack on
8085; by hand: a `./pdx up` on 8080), Keycloak's realm pdx at PDX_KEYCLOAK_URL.

The tests act as organization B (operator-b, developer-b, service account dev-org-b), so they share nothing with
the README's walk-through (organization A) when both run against one stack; what they need they make in
session fixtures that work on a fresh database and on one that has seen earlier runs.
"""

from __future__ import annotations

import os

import httpx
import pytest

from pdx_client import ClientCredentials, Password, Pdx, PdxProblem

API_URL = os.environ.get("PDX_API_URL", "http://127.0.0.1:8080").rstrip("/")
ISSUER = os.environ.get("PDX_KEYCLOAK_URL", "http://127.0.0.1:8180/realms/pdx").rstrip("/")

ORG_B = "91110000600037341L"
BUS_SWIPES = "公交刷卡记录"          # GENERAL, SANDBOX and DELIVERY
AIR_QUALITY = "空气质量监测小时数据"   # GENERAL, no IDENTIFIER column
BUS_ROUTES = "公交线路信息"           # GENERAL
CLAIMS = "医保结算明细"              # IMPORTANT: two reviewers, differential privacy


def as_user(username: str, **kwargs) -> Pdx:
    return Pdx(API_URL, Password(username, issuer=ISSUER), language="en", **kwargs)


@pytest.fixture(scope="session", autouse=True)
def stack_is_up() -> None:
    try:
        httpx.get(f"{API_URL}/q/health/ready", timeout=10).raise_for_status()
        httpx.get(ISSUER, timeout=10).raise_for_status()
    except httpx.HTTPError as error:
        pytest.exit(f"the stack is not reachable (PDX_API_URL={API_URL}, PDX_KEYCLOAK_URL={ISSUER}): {error}", 2)


@pytest.fixture(scope="session")
def anonymous() -> Pdx:
    return Pdx(API_URL, language="en")


@pytest.fixture(scope="session")
def operator_b() -> Pdx:
    return as_user("operator-b")


@pytest.fixture(scope="session")
def reviewer_1() -> Pdx:
    return as_user("reviewer-1")


@pytest.fixture(scope="session")
def reviewer_2() -> Pdx:
    return as_user("reviewer-2")


@pytest.fixture(scope="session")
def developer_b() -> Pdx:
    """Organization B's developer service account (client credentials)."""
    return Pdx(API_URL, ClientCredentials("dev-org-b", "dev-org-b-dev-secret", issuer=ISSUER), language="en")


@pytest.fixture(scope="session")
def developer_a() -> Pdx:
    """Organization A's developer service account: sees none of organization B's jobs."""
    return Pdx(API_URL, ClientCredentials("dev-org-a", "dev-org-a-dev-secret", issuer=ISSUER), language="en")


@pytest.fixture(scope="session")
def org_b(operator_b: Pdx, reviewer_1: Pdx) -> str:
    """Organization B registered and verified (once per database)."""
    try:
        organization = operator_b.organizations.get(ORG_B)
    except PdxProblem as problem:
        if problem.status != 404:
            raise
        organization = operator_b.organizations.register(
            ORG_B, "京数智能科技有限公司", legal_representative="王芳", contact_name="赵磊",
            contact_phone="010-87654321", contact_email="data@example.cn")
    if str(organization.status) == "UNVERIFIED":
        reviewer_1.organizations.verify(ORG_B)
    return ORG_B


@pytest.fixture(scope="session")
def swipes_license(org_b: str, operator_b: Pdx):
    """An ACTIVE SANDBOX license of organization B for the bus card swipes (秒批, then accepted)."""
    product = operator_b.products.find(BUS_SWIPES)
    license = operator_b.licenses.apply(product, ["route_id", "district_code", "fare_cents", "swipe_time"],
                                        "PUBLIC_GOVERNANCE", "公交线网优化（客户端测试）")
    assert str(license.state) == "APPROVED", license.decision_reasons
    return operator_b.licenses.accept(license)


@pytest.fixture(scope="session")
def claims_license(org_b: str, operator_b: Pdx, reviewer_1: Pdx, reviewer_2: Pdx):
    """An ACTIVE SANDBOX license of organization B for the IMPORTANT claims: two reviewers, then accepted."""
    product = operator_b.products.find(CLAIMS)
    license = operator_b.licenses.apply(product, ["age", "gender", "district_code", "total_amount"],
                                        "PUBLIC_WELFARE", "慢病医保支出分析（客户端测试）")
    assert str(license.state) == "IN_REVIEW"
    reviewer_1.licenses.approve(license)
    reviewer_2.licenses.approve(license)
    return operator_b.licenses.accept(license)


@pytest.fixture(scope="session")
def air_delivery_license(org_b: str, operator_b: Pdx):
    """An ACTIVE DELIVERY license of organization B for four columns of the hourly air quality."""
    product = operator_b.products.find(AIR_QUALITY)
    license = operator_b.licenses.apply(product, ["station_id", "observed_at", "pm25", "aqi"], "PUBLIC_WELFARE",
                                        "空气质量科普（客户端测试）", mode="DELIVERY")
    return operator_b.licenses.accept(license)
