"""Sandbox jobs end to end: submit, wait, download the Arrow stream; refusals and unreleased results raise."""

from __future__ import annotations

import random

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from conftest import BUS_SWIPES
from pdx_client import PdxProblem

# A statement run again by the same organization returns the earlier answer (no new ε, no new review): the tests
# of review steps make theirs new with a bound no earlier run used, so they work on a stack that has seen runs.
FRESH = random.Random().randrange(1, 1_000_000)

BY_DISTRICT = "SELECT district_code, count(*) AS swipes, sum(fare_cents) AS fares FROM bus_card_swipes GROUP BY district_code"


def test_run_generalAggregate_returnsTheReleasedTable(swipes_license, developer_b, anonymous):
    table = developer_b.sandbox.run(swipes_license, BY_DISTRICT)
    assert isinstance(table, pa.Table)
    assert table.column_names == ["district_code", "swipes", "fares"]
    assert table.num_rows > 0
    # exact aggregates for GENERAL data: every swipe is counted once (the districts are far above k)
    rows = anonymous.catalog.dataset(anonymous.catalog.find(BUS_SWIPES).id).row_count
    assert pc.sum(table["swipes"]).as_py() == rows
    metadata = {key.decode(): value.decode() for key, value in table.schema.metadata.items()}
    assert metadata["pdx.grade"] == "GENERAL" and metadata["pdx.noise"] == "NONE"
    assert table.schema.field("district_code").metadata[b"pdx.tag"] == b"QUASI_IDENTIFIER"


def test_result_asParquet_isTheSameTable(swipes_license, developer_b):
    job = developer_b.sandbox.wait(developer_b.sandbox.submit(swipes_license, BY_DISTRICT + " ORDER BY district_code"))
    assert str(job.state) == "RELEASED" and job.result.row_count > 0
    arrow = developer_b.sandbox.result(job)
    parquet = developer_b.sandbox.result(job, format="parquet")
    assert parquet.select(arrow.column_names).to_pylist() == arrow.to_pylist()
    preview = developer_b.sandbox.preview(job)
    assert preview["rows"][0]["district_code"] == arrow["district_code"][0].as_py()


def test_run_template_withParameters(swipes_license, developer_b):
    workspace = developer_b.licenses.workspace(swipes_license)
    template = workspace.templates[0]
    table = developer_b.sandbox.run(swipes_license, template=template.id, params={"district": "350102"})
    assert table.num_rows > 0


@pytest.mark.parametrize("sql, reason", [
    ("SELECT card_id FROM bus_card_swipes", "column_not_licensed"),
    ("SELECT swipe_time FROM bus_card_swipes", "column_use_not_allowed"),
    ("DELETE FROM bus_card_swipes", "select_only"),
    ("SELECT count(*) FROM medical_insurance_claims", "table_not_licensed"),
])
def test_run_refusedStatement_raisesPdxProblemWithTheSandboxsReason(swipes_license, developer_b, sql, reason):
    with pytest.raises(PdxProblem) as raised:
        developer_b.sandbox.run(swipes_license, sql)
    problem = raised.value
    assert problem.status == 422
    assert reason in problem.reason_codes
    assert problem.reasons[0].message_en and problem.reasons[0].message_zh
    assert problem.job is None  # refused before it became a job


def test_run_importantData_waitsForAReviewersRelease_thenTheNoisedResultDownloads(claims_license, developer_b,
                                                                                   reviewer_1):
    sql = ("SELECT gender, count(*) AS claims, avg(total_amount) AS avg_amount FROM medical_insurance_claims "
           f"WHERE total_amount < {1_000_000 + FRESH} GROUP BY gender")
    with pytest.raises(PdxProblem) as raised:
        developer_b.sandbox.run(claims_license, sql, epsilon=0.2)
    problem = raised.value
    assert problem.status == 409 and problem.code == "result-not-released"
    job = problem.job
    assert str(job.state) == "AWAITING_RELEASE" and job.epsilon == pytest.approx(0.2)
    assert "release_requires_review" in [reason.code for reason in job.release_reasons]

    assert str(reviewer_1.sandbox.release(job).state) == "RELEASED"
    table = developer_b.sandbox.result(job)
    metadata = {key.decode(): value.decode() for key, value in table.schema.metadata.items()}
    assert metadata["pdx.grade"] == "IMPORTANT" and metadata["pdx.noise"] == "DISCRETE_LAPLACE"
    assert float(metadata["pdx.epsilon"]) == pytest.approx(0.2)
    assert table.column_names == ["gender", "claims", "avg_amount"]


def test_run_importantData_preApprovedTemplate_isReleasedAtOnce(claims_license, developer_b):
    template = next(t for t in developer_b.licenses.workspace(claims_license).templates if t.auto_release)
    table = developer_b.sandbox.run(claims_license, template=template.id, params={"min_age": 18}, epsilon=1.0)
    assert table.schema.metadata[b"pdx.noise"] == b"DISCRETE_LAPLACE"
    assert table.num_rows > 0  # six districts of thousands of insured persons each pass the DP threshold


def test_run_importantData_epsilonOutsideThePolicysRange_raises(claims_license, developer_b):
    with pytest.raises(PdxProblem) as raised:
        developer_b.sandbox.run(claims_license, "SELECT count(*) AS n FROM medical_insurance_claims", epsilon=50)
    assert 400 <= raised.value.status < 500


def test_run_rejectedResult_raisesWithTheJob(claims_license, developer_b, reviewer_2):
    job = developer_b.sandbox.wait(developer_b.sandbox.submit(
        claims_license, "SELECT district_code, sum(total_amount) AS total FROM medical_insurance_claims "
        f"WHERE total_amount < {1_000_000 + FRESH} GROUP BY district_code", epsilon=0.1))
    assert str(job.state) == "AWAITING_RELEASE"
    assert str(reviewer_2.sandbox.reject(job, "不符合发布要求（测试）").state) == "REJECTED"
    with pytest.raises(PdxProblem) as raised:
        developer_b.sandbox.result(job)
    assert raised.value.code == "result-not-released" and "REJECTED" in raised.value.detail


def test_jobs_listTheOrganizationsJobs_andNoOtherOrganizationSeesThem(swipes_license, developer_b, developer_a):
    job = developer_b.sandbox.wait(developer_b.sandbox.submit(swipes_license, "SELECT count(*) AS n FROM bus_card_swipes"))
    assert str(job.id) in [str(j.id) for j in developer_b.sandbox.jobs(size=100).items]
    with pytest.raises(PdxProblem) as raised:
        developer_a.sandbox.job(job.id)
    assert raised.value.status == 404
    with pytest.raises(PdxProblem):
        developer_a.sandbox.result(job)
