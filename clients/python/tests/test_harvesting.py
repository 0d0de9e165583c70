"""A harvestable catalog (issue #25): the public catalog as a DCAT-AP 3 feed, paged with hydra:PagedCollection, in
JSON-LD and Turtle, validated by a real SHACL validator (pySHACL) against the official DCAT-AP 3.0.0 shapes
(tests/shapes/dcat-ap-3.0.0); and the read part of CKAN's action API, read by CKAN's own Python client (ckanapi),
unchanged.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import ckanapi
import httpx
import pytest
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF

from conftest import API_URL, ISSUER

SHAPES = Path(__file__).resolve().parents[3] / "tests" / "shapes" / "dcat-ap-3.0.0" / "dcat-ap-SHACL.ttl"
FEED = f"{API_URL}/api/v1/catalog/dcat"
DCAT = Namespace("http://www.w3.org/ns/dcat#")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


@pytest.fixture(scope="module")
def public() -> list[dict]:
    answer = httpx.get(f"{API_URL}/api/v1/datasets", params={"size": 200}, timeout=30)
    answer.raise_for_status()
    page = answer.json()
    assert page["total"] == len(page["items"]) > 0
    return page["items"]


@pytest.fixture(scope="module")
def hidden_id() -> str:
    """A dataset an operator sees and the public does not (IMPORTANT)."""
    bearer = httpx.post(f"{ISSUER}/protocol/openid-connect/token", data={
        "grant_type": "password", "client_id": "pdx-cli", "username": "operator-b", "password": "pdx-demo"},
        timeout=30).json()["access_token"]
    items = httpx.get(f"{API_URL}/api/v1/datasets", params={"size": 200},
                      headers={"Authorization": f"Bearer {bearer}"}, timeout=30).json()["items"]
    return next(item["id"] for item in items if item["grade"] == "IMPORTANT")


def feed(fmt: str, **params) -> Graph:
    accept = {"json-ld": "application/ld+json", "turtle": "text/turtle"}[fmt]
    answer = httpx.get(FEED, params=params, headers={"Accept": accept}, timeout=60)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith(accept)
    return Graph().parse(data=answer.text, format=fmt, publicID=FEED)


def conforms(data: Graph, shapes: Graph) -> tuple[bool, str]:
    ok, _, text = validate(data, shacl_graph=shapes, inference="none", abort_on_first=False, allow_warnings=True)
    return ok, text


# DCAT-AP

@pytest.mark.parametrize("fmt", ["json-ld", "turtle"])
def test_the_feed_conforms_to_dcat_ap_3(fmt, shapes, public):
    data = feed(fmt)
    ok, report = conforms(data, shapes)
    assert ok, report
    assert len(list(data.subjects(RDF.type, DCAT.Catalog))) == 1
    assert {str(s).rsplit("/", 1)[-1] for s in data.subjects(RDF.type, DCAT.Dataset)} == {item["id"] for item in public}


def test_jsonld_and_turtle_are_the_same_triples():
    from rdflib.compare import isomorphic
    assert isomorphic(feed("json-ld", size=2), feed("turtle", size=2))
    # ?format wins over Accept, for harvesters that cannot set it
    answer = httpx.get(FEED, params={"size": 2, "format": "jsonld"}, headers={"Accept": "text/turtle"}, timeout=60)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/ld+json")
    by_format = Graph().parse(data=answer.text, format="json-ld")
    assert set(by_format.subjects(RDF.type, DCAT.Dataset)) == set(feed("turtle", size=2).subjects(RDF.type, DCAT.Dataset))
    # its page links keep the format
    collection = next(by_format.subjects(RDF.type, HYDRA.PagedCollection))
    assert str(by_format.value(collection, HYDRA.firstPage)).endswith("page=0&size=2&format=jsonld")


def test_shacl_catches_a_dataset_without_a_title(shapes):
    data = feed("json-ld")
    dataset = next(data.subjects(RDF.type, DCAT.Dataset))
    data.remove((dataset, DCTERMS.title, None))
    ok, report = conforms(data, shapes)
    assert not ok and "title" in report


def test_open_data_has_a_download_distribution_per_format(public):
    data = feed("turtle")
    for item in public:
        dataset = URIRef(f"{API_URL}/api/v1/datasets/{item['id']}")
        downloads = {str(url) for d in data.objects(dataset, DCAT.distribution) for url in data.objects(d, DCAT.downloadURL)}
        if item["openness"] == "OPEN":
            assert downloads == {f"{API_URL}/api/v1/open/datasets/{item['id']}/data?format={f}" for f in ("arrow", "parquet", "csv")}
        else:
            assert downloads == set()


def test_pages_follow_hydra_next_page_to_every_dataset(public):
    seen, pages, url = [], 0, f"{FEED}?page=0&size=1"
    while url:
        answer = httpx.get(url, headers={"Accept": "text/turtle"}, timeout=60)
        assert answer.status_code == 200, answer.text
        page = Graph().parse(data=answer.text, format="turtle")
        collection = next(page.subjects(RDF.type, HYDRA.PagedCollection))
        assert page.value(collection, HYDRA.totalItems) == Literal(len(public), datatype=URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger"))
        assert int(page.value(collection, HYDRA.itemsPerPage)) == 1
        seen += [str(s) for s in page.subjects(RDF.type, DCAT.Dataset)]
        pages += 1
        following = page.value(collection, HYDRA.nextPage)
        url = str(following) if following is not None else None
        assert pages <= len(public)
    assert pages == len(public)
    assert sorted(s.rsplit("/", 1)[-1] for s in seen) == sorted(item["id"] for item in public)


def test_bad_paging_is_a_400_problem():
    for params in ({"size": "0"}, {"size": "201"}, {"page": "-1"}, {"format": "rdfxml"}):
        answer = httpx.get(FEED, params=params, timeout=30)
        assert answer.status_code == 400, (params, answer.text)
        assert answer.headers["content-type"].startswith("application/problem+json")


# CKAN's action API, read by ckanapi

@pytest.fixture(scope="module", params=[False, True], ids=["post", "get"])
def ckan(request):
    """ckanapi as CKAN harvesters use it: POST with a JSON body (its default), and GET only."""
    with ckanapi.RemoteCKAN(API_URL, user_agent="pdx-tests", get_only=request.param) as remote:
        yield remote


def test_package_search_finds_the_public_catalog(ckan, public):
    everything = ckan.action.package_search(q="*:*", rows=1000)
    assert everything["count"] == len(public)
    assert {pkg["id"] for pkg in everything["results"]} == {item["id"] for item in public}
    names = [pkg["name"] for pkg in everything["results"]]
    first_two = ckan.action.package_search(rows=2)["results"]
    assert [pkg["name"] for pkg in first_two] == names[:2]
    assert [pkg["name"] for pkg in ckan.action.package_search(rows=1, start=1)["results"]] == names[1:2]
    assert [pkg["name"] for pkg in ckan.action.package_search(rows=2, start=1)["results"]] == names[1:3]


def test_package_search_filters(ckan, public):
    transport = ckan.action.package_search(fq="organization:dept-transport", rows=100)
    assert transport["count"] == sum(1 for item in public if item["provider"] == "dept-transport") > 0
    assert {pkg["owner_org"] for pkg in transport["results"]} == {"dept-transport"}
    with_files = ckan.action.package_search(fq='res_format:"CSV"', rows=100)
    assert {pkg["id"] for pkg in with_files["results"]} == {item["id"] for item in public if item["openness"] == "OPEN"}
    keyword = public[0]["nameZh"]
    assert public[0]["id"] in {pkg["id"] for pkg in ckan.action.package_search(q=keyword)["results"]}


def test_package_show_of_open_data_links_its_downloads(ckan, public):
    item = next(item for item in public if item["openness"] == "OPEN")
    pkg = ckan.action.package_show(id=item["id"])
    assert pkg["title"] == item["nameZh"] and pkg["owner_org"] == item["provider"] and pkg["isopen"] is True
    assert pkg["organization"]["name"] == item["provider"]
    assert [group["name"] for group in pkg["groups"]] == [item["category"]]
    assert [resource["format"] for resource in pkg["resources"]] == ["Arrow", "Parquet", "CSV"]
    csv_url = pkg["resources"][2]["url"]
    answer = httpx.get(csv_url, timeout=60)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    assert {"key": "grade", "value": "GENERAL"} in pkg["extras"]


def test_package_show_of_what_the_public_cannot_see_is_not_found(ckan, hidden_id):
    for missing in (hidden_id, str(uuid.uuid4()), "not-a-dataset"):
        with pytest.raises(ckanapi.NotFound):
            ckan.action.package_show(id=missing)


def test_bad_search_parameters_are_a_validation_error(ckan):
    with pytest.raises(ckanapi.ValidationError) as invalid:
        ckan.action.package_search(rows="many")
    assert "rows" in invalid.value.error_dict
    with pytest.raises(ckanapi.ValidationError):
        ckan.action.package_search(fq="nosuchfield:x")


def test_organizations_are_the_providing_departments(ckan, public):
    providers = sorted({item["provider"] for item in public})
    assert ckan.action.organization_list() == providers
    organizations = ckan.action.organization_list(all_fields=True)
    assert [org["name"] for org in organizations] == providers
    assert sum(org["package_count"] for org in organizations) == len(public)
    assert all(org["is_organization"] and org["title"] for org in organizations)


def test_groups_are_the_categories(ckan, public):
    names = ckan.action.group_list()
    assert {item["category"] for item in public} <= set(names)
    groups = {group["name"]: group for group in ckan.action.group_list(all_fields=True)}
    for category in {item["category"] for item in public}:
        assert groups[category]["package_count"] == sum(1 for item in public if item["category"] == category)


def test_an_unknown_action_is_ckans_400():
    answer = httpx.get(f"{API_URL}/api/3/action/package_create", timeout=30)
    assert answer.status_code == 400
    assert answer.json()["success"] is False
