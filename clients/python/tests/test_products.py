"""Deliveries of DELIVERY licenses as Arrow."""

from __future__ import annotations

import pytest

from conftest import AIR_QUALITY, BUS_ROUTES
from pdx_client import PdxProblem


def test_delivery_streamsTheLicensedColumnsOnly(air_delivery_license, developer_b):
    table = developer_b.products.delivery(air_delivery_license.product_id)
    assert table.column_names == ["station_id", "observed_at", "pm25", "aqi"]
    rows = developer_b.catalog.dataset(developer_b.catalog.find(AIR_QUALITY).id).row_count
    assert table.num_rows == rows


def test_delivery_limit(air_delivery_license, developer_b):
    assert developer_b.products.delivery(air_delivery_license.product_id, limit=5).num_rows <= 5


def test_delivery_withoutALicense_raisesTheProblem(org_b, developer_b):
    product = developer_b.products.find(BUS_ROUTES)
    with pytest.raises(PdxProblem) as raised:
        developer_b.products.delivery(product)
    assert raised.value.status == 403 and raised.value.code == "no-delivery-license"


def test_delivery_anonymous_isUnauthorized(anonymous):
    product = anonymous.products.find(AIR_QUALITY)
    with pytest.raises(PdxProblem) as raised:
        anonymous.products.delivery(product)
    assert raised.value.status == 401
