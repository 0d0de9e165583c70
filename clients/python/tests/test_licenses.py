"""Applying for licenses, the review, the agreement and the workspace."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import BUS_ROUTES, CLAIMS
from pdx_client import PdxProblem


def test_apply_generalDataLowRiskPurpose_isApprovedAtOnce_andAcceptingMakesItActive(swipes_license):
    assert str(swipes_license.state) == "ACTIVE"
    assert str(swipes_license.decision_outcome) == "AUTO_APPROVE"


def test_apply_importantData_needsTwoDifferentReviewers(org_b, operator_b, reviewer_1, reviewer_2):
    product = operator_b.products.find(CLAIMS)
    license = operator_b.licenses.apply(product, ["age", "total_amount"], "PUBLIC_WELFARE", "医保支出研究（评审测试）")
    assert str(license.state) == "IN_REVIEW" and license.reviewers_required == 2
    assert "grade_requires_review" in [reason.code for reason in license.decision_reasons]
    assert str(reviewer_1.licenses.approve(license).state) == "IN_REVIEW"
    with pytest.raises(PdxProblem) as raised:
        reviewer_1.licenses.approve(license)
    assert raised.value.status == 409 and raised.value.code == "already-approved"
    approved = reviewer_2.licenses.approve(license)
    assert str(approved.state) == "APPROVED" and sorted(approved.approved_by) == ["reviewer-1", "reviewer-2"]
    contract = operator_b.licenses.contract(license)
    assert "授权运营协议" in contract and "91110000600037341L" in contract
    assert str(operator_b.licenses.accept(license).state) == "ACTIVE"


def test_apply_invalidApplication_raisesProblemNamingEachField(org_b, operator_b):
    product = operator_b.products.find(BUS_ROUTES)
    with pytest.raises(PdxProblem) as raised:
        operator_b.licenses.apply(product, [], "NO_SUCH_PURPOSE", "", term_start=dt.date(2027, 1, 1),
                                  term_end=dt.date(2026, 1, 1))
    problem = raised.value
    assert problem.status == 400 and problem.code == "invalid-request"
    assert {"purposeCategory", "purposeText", "columns", "termEnd"} <= {error.field for error in problem.errors}
    assert "termEnd" in str(problem)  # the message lists the fields


def test_apply_asDeveloper_isRefusedWithThePolicysReason(developer_b):
    product = developer_b.products.find(BUS_ROUTES)
    with pytest.raises(PdxProblem) as raised:
        developer_b.licenses.apply(product, ["route_id"], "PUBLIC_GOVERNANCE", "线网规划")
    assert raised.value.status == 403
    assert "role_not_permitted" in raised.value.reason_codes


def test_workspace_namesAliasColumnUsesAndTemplates(swipes_license, developer_b):
    workspace = developer_b.licenses.workspace(swipes_license.id)
    assert workspace.alias == "bus_card_swipes"
    uses = {column.name: column.uses for column in workspace.columns}
    assert set(uses) == {"route_id", "district_code", "fare_cents", "swipe_time"}
    assert "GROUP_BY" in uses["district_code"]
    assert workspace.templates and workspace.templates[0].id


def test_workspace_importantData_givesTheEpsilonRangeAndBudget(claims_license, developer_b):
    privacy = developer_b.licenses.workspace(claims_license.id).privacy
    assert 0 < privacy.epsilon_min <= privacy.epsilon_default <= privacy.epsilon_max
    assert privacy.budget.epsilon_left <= privacy.budget.epsilon_budget


def test_licenses_list_ofTheOrganization(swipes_license, operator_b):
    page = operator_b.licenses.list(state="ACTIVE", size=100)
    assert str(swipes_license.id) in [str(license.id) for license in page.items]
