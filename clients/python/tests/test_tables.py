"""Own tables for clean rooms: upload (a DataFrame, a pyarrow Table, a CSV path), confirm, join, delete with a receipt."""

from __future__ import annotations

import uuid

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from pdx_client import PdxProblem


def depots() -> pd.DataFrame:
    return pd.DataFrame({"route_id": [f"L{route:03d}" for route in range(1, 121)],
                         "kind": ["电动" if route % 2 == 0 else "混动" for route in range(1, 121)]})


def alias() -> str:
    return "depots_" + uuid.uuid4().hex[:8]


def confirm(developer, table) -> dict:
    return developer.tables.confirm(table, [{"name": "route_id", "tag": "ATTRIBUTE", "joinKey": "bus_route"},
                                            {"name": "kind", "tag": "ATTRIBUTE"}])


def test_aDataFrame_isUploaded_confirmed_joinedWithSwipes_andDeletedWithAReceipt(developer_b, swipes_license):
    name = alias()
    table = developer_b.upload_table(depots(), name)
    assert table["state"] == "UPLOADED" and table["rowCount"] == 120
    assert [column["name"] for column in table["columns"]] == ["route_id", "kind"]
    assert confirm(developer_b, table)["state"] == "CONFIRMED"
    result = developer_b.sandbox.run(swipes_license, f"SELECT d.kind, count(*) AS swipes FROM bus_card_swipes s JOIN {name} d"
                                                     f" ON s.route_id = d.route_id GROUP BY d.kind", tables=[table])
    assert isinstance(result, pa.Table) and result.num_rows == 2
    assert pc.sum(result["swipes"]).as_py() > 0
    deleted = developer_b.tables.delete(table)
    assert deleted["state"] == "DELETED" and len(deleted["receipt"]["sha256"]) == 64
    assert all(item["id"] != table["id"] for item in developer_b.tables.list())


def test_aPyarrowTable_andACsvFile_areUploadedToo(developer_b, tmp_path):
    from_arrow = developer_b.upload_table(pa.Table.from_pandas(depots(), preserve_index=False), alias())
    assert from_arrow["format"] == "parquet" and from_arrow["rowCount"] == 120
    path = tmp_path / "depots.csv"
    depots().to_csv(path, index=False)
    from_csv = developer_b.upload_table(path, alias())
    assert from_csv["format"] == "csv" and from_csv["rowCount"] == 120
    for table in (from_arrow, from_csv):
        developer_b.tables.delete(table)


def test_aMalformedFile_isAProblem_andAnotherOrganizationSeesNothing(developer_b, developer_a, tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text("a,b\n1,2\n3,4,5,6\n\"unclosed,7\n", encoding="utf-8")
    with pytest.raises(PdxProblem) as refused:
        developer_b.upload_table(path, alias())
    assert refused.value.status == 422
    table = developer_b.upload_table(depots(), alias())
    with pytest.raises(PdxProblem) as hidden:
        developer_a.tables.get(table)
    assert hidden.value.status == 404
    developer_b.tables.delete(table)
