"""Catalog, reference data and products as the client sees them."""

from __future__ import annotations

import pytest

from conftest import BUS_SWIPES, CLAIMS
from pdx_client import PdxProblem, models


def test_reference_namesPurposesModesAndGrades(anonymous):
    reference = anonymous.reference()
    purposes = {purpose.code: purpose for purpose in reference.purposes}
    assert purposes["PUBLIC_GOVERNANCE"].low_risk is True
    assert {mode.code for mode in reference.license_modes} == {"DELIVERY", "SANDBOX"}
    assert [grade.code for grade in reference.grades] == ["GENERAL", "IMPORTANT", "CORE"]


def test_search_chineseKeyword_findsTheBusDatasetsWithFacets(anonymous):
    page = anonymous.catalog.search("公交", category="交通", sort="-rowCount", size=20)
    assert isinstance(page, models.DatasetPage)
    names = [dataset.name_zh for dataset in page.items]
    assert BUS_SWIPES in names
    assert page.total == len(page.items) and page.page == 0 and page.size == 20
    assert page.facets is not None


def test_search_anonymous_seesGeneralEntriesOnly(anonymous):
    page = anonymous.catalog.search(size=100)
    assert page.total > 0
    assert {str(dataset.grade) for dataset in page.items} == {"GENERAL"}
    assert CLAIMS not in [dataset.name_zh for dataset in page.items]


def test_search_operator_seesImportantEntries(operator_b):
    page = operator_b.catalog.search(grade="IMPORTANT", size=100)
    assert CLAIMS in [dataset.name_zh for dataset in page.items]


def test_dataset_andDcat_ofAVisibleDataset(anonymous):
    summary = anonymous.catalog.find(BUS_SWIPES)
    dataset = anonymous.catalog.dataset(summary.id)
    assert dataset.name_zh == BUS_SWIPES
    dcat = anonymous.catalog.dcat(summary.id)
    assert "@context" in dcat


def test_dataset_importantOne_isNotFoundForAnonymous(operator_b, anonymous):
    claims = operator_b.catalog.find(CLAIMS)
    with pytest.raises(PdxProblem) as raised:
        anonymous.catalog.dataset(claims.id)
    assert raised.value.status == 404


def test_products_listedWithTheirModes(anonymous):
    product = anonymous.products.find(BUS_SWIPES)
    assert {str(mode) for mode in product.modes} == {"DELIVERY", "SANDBOX"}
    assert anonymous.products.get(product.id).name_zh == BUS_SWIPES
