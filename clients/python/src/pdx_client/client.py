"""The hand-written layer over the generated one: ``Pdx(url, token_provider)`` with a few verbs per area.

Requests are shaped and answers parsed by the code openapi-python-client generated from the API's OpenAPI
document (``pdx_client.generated``: one module per operation, attrs models); this layer sends them through one
httpx client (bearer token from a provider, retry once after a 401), turns every error answer into
``PdxProblem``, and reads Arrow answers into ``pyarrow.Table``. Anything not wrapped here is one call away:
``pdx.call(generated_endpoint_module, ...)``, e.g. ``pdx.call(get_efficiency)``.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import time
from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any
from uuid import UUID

import httpx
import pyarrow as pa
import pyarrow.ipc
import pyarrow.parquet

from .auth import BearerAuth, StaticToken, TokenProvider
from .generated.api.catalog import get_dataset, get_dataset_dcat, search_datasets
from .generated.api.licenses import (accept_license, apply_for_license, approve_license, get_license,
                                     get_license_contract, get_license_workspace, list_licenses, reject_license)
from .generated.api.organizations import get_organization, register_organization, verify_organization
from .generated.api.products import deliver_product, get_product, list_products
from .generated.api.reference import get_reference_data
from .generated.api.sandbox import (cancel_job, get_job, get_job_result, list_jobs, reject_job, release_job,
                                    submit_job)
from .generated.client import AuthenticatedClient
from .generated.models import JobRequest, JobView, LicenseApplication, OrganizationRequest, ReviewNote
from .problem import PdxProblem

if TYPE_CHECKING:  # the answers' models, named for readers and type checkers only
    from .generated.models import (DatasetPage, DatasetSummary, LicenseView, OrganizationView, PageJobView,
                                   PageLicenseView, PageProductView, ProductView, ReferenceData, Workspace)

ARROW_STREAM = "application/vnd.apache.arrow.stream"
PARQUET = "application/vnd.apache.parquet"

# a job in one of these states is still on its way; any other state is where it stays until someone acts
MOVING = frozenset({"QUEUED", "ADMITTED", "RUNNING", "SUCCEEDED"})


class _Wire(str):
    """A plain string where generated code expects an enum member (it sends ``.value``), so callers may pass
    ``"GENERAL"`` as well as ``Grade.GENERAL``."""

    @property
    def value(self) -> str:
        return str(self)


def _enum(value: Any) -> Any:
    if value is None or hasattr(value, "value"):
        return value
    return _Wire(value)


def _id(thing: Any) -> str:
    """The id of a model (``.id`` or ``.license_id``), of a document (``["id"]``: a table) or the id itself."""
    if isinstance(thing, Mapping) and isinstance(thing.get("id"), (str, UUID)):
        return str(thing["id"])
    for attribute in ("id", "license_id"):
        value = getattr(thing, attribute, None)
        if isinstance(value, (str, UUID)):
            return str(value)
    return str(thing)


class _Document(dict):
    """A request document sent as it is (what generated code calls ``to_dict()`` on)."""

    def to_dict(self) -> dict[str, Any]:
        return dict(self)


def _body(model: type, **fields: Any) -> Any:
    """The request body as the generated model (None left out: the server's default applies). What the model
    cannot hold (a missing field, a value outside an enum) goes as it is: judging a request is the server's, whose
    problem names every field that failed (``errors[]``), in the caller's language."""
    document = {name: value for name, value in fields.items() if value is not None}
    try:
        return model.from_dict(document)
    except (KeyError, ValueError, TypeError):
        return _Document(document)


def _a_year_from(start: dt.date) -> dt.date:
    """The last day of a one-year term starting on start."""
    try:
        return start.replace(year=start.year + 1) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        return dt.date(start.year + 1, 2, 28)


def read_arrow_stream(data: bytes) -> pa.Table:
    """An Arrow IPC *stream* (the API's ``application/vnd.apache.arrow.stream``) read into a Table."""
    with pa.ipc.open_stream(pa.py_buffer(data)) as reader:
        return reader.read_all()


class Pdx:
    """A session with the PDX marketplace API.

    >>> pdx = Pdx("http://127.0.0.1:8080", ClientCredentials("dev-org-a", "dev-org-a-dev-secret"))
    >>> pdx.sandbox.run(license_id, "SELECT district_code, count(*) AS swipes FROM bus_card_swipes GROUP BY 1")

    ``token_provider``: a callable returning an access token (``ClientCredentials``, ``StaticToken``…), a token
    string, or None for an anonymous session (the open catalog). ``language``: ``zh`` (the API's default) or
    ``en`` for the messages of ``errors[]``.
    """

    def __init__(self, url: str, token_provider: TokenProvider | str | None = None, *, timeout: float = 60.0,
                 language: str | None = None, transport: httpx.BaseTransport | None = None):
        self.url = url.rstrip("/")
        if isinstance(token_provider, str):
            token_provider = StaticToken(token_provider)
        self.token_provider = token_provider
        headers = {"Accept-Language": language} if language else {}
        self._http = httpx.Client(base_url=self.url, timeout=timeout, headers=headers, transport=transport,
                                  auth=BearerAuth(token_provider) if token_provider else None)
        # the generated client only hands our httpx client to the generated parsers
        self._api = AuthenticatedClient(base_url=self.url, token="").set_httpx_client(self._http)
        self.catalog = Catalog(self)
        self.products = Products(self)
        self.organizations = Organizations(self)
        self.licenses = Licenses(self)
        self.sandbox = Sandbox(self)
        self.tables = Tables(self)

    def upload_table(self, source: Any, alias: str, **kwargs: Any) -> Any:
        """Uploads your own data for clean rooms (``tables.upload``): a ``pyarrow.Table``, a ``pandas.DataFrame`` or a
        path to a ``.csv`` / ``.parquet`` file, streamed; the table with its inferred columns, to ``tables.confirm``."""
        return self.tables.upload(source, alias, **kwargs)

    # ------------------------------------------------------------------ plumbing
    def call(self, endpoint: ModuleType, *args: Any, accept: str | None = None, **kwargs: Any) -> Any:
        """Calls a generated endpoint module (``pdx_client.generated.api.<tag>.<operation>``) and returns its
        parsed answer; an error answer raises ``PdxProblem``."""
        return endpoint._parse_response(client=self._api, response=self.send(endpoint, *args, accept=accept, **kwargs))

    def send(self, endpoint: ModuleType, *args: Any, accept: str | None = None, **kwargs: Any) -> httpx.Response:
        """Sends the request a generated endpoint module shapes and returns the raw answer (checked for errors)."""
        # an argument left None takes the operation's default (generated code reads .value of what it is given)
        request = endpoint._get_kwargs(*args, **{name: value for name, value in kwargs.items() if value is not None})
        if accept:
            request["headers"] = {**request.get("headers", {}), "Accept": accept}
        response = self._http.request(**request)
        if response.status_code >= 400:
            raise PdxProblem.from_response(response)
        return response

    def reference(self) -> ReferenceData:
        """Purposes (with their risk), license modes and grades, the category taxonomy."""
        return self.call(get_reference_data)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Pdx:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Pdx({self.url!r}, {self.token_provider!r})"


class _Area:
    def __init__(self, pdx: Pdx):
        self._pdx = pdx


class Tables(_Area):
    """Your organization's own tables (自有数据) for clean rooms: stored inside the domain, never served back as rows;
    joined in sandbox jobs with licensed public data (``sandbox.submit(..., tables=[...])``)."""

    def upload(self, source: Any, alias: str, *, format: str | None = None) -> dict:
        """Streams ``source`` as a new table named ``alias``: a path (``.csv`` with a header row, or ``.parquet``), a
        ``pyarrow.Table`` or a ``pandas.DataFrame`` (written to Parquet in a temporary file first, never held twice).
        Answers the table (a dict) with its inferred columns; ``PdxProblem`` names what was wrong (nothing is kept)."""
        import os
        import tempfile
        if isinstance(source, (str, os.PathLike)):
            path = os.fspath(source)
            fmt = format or ("parquet" if path.endswith(".parquet") else "csv")
            with open(path, "rb") as body:
                return self._send(body, alias, fmt)
        table = source if isinstance(source, pa.Table) else pa.Table.from_pandas(source, preserve_index=False)
        with tempfile.TemporaryFile() as spool:
            pyarrow.parquet.write_table(table, spool)
            spool.seek(0)
            return self._send(spool, alias, "parquet")

    def _send(self, body: Any, alias: str, fmt: str) -> dict:
        content_type = "application/vnd.apache.parquet" if fmt == "parquet" else "text/csv"
        size = os.fstat(body.fileno()).st_size if hasattr(body, "fileno") else None
        headers = {"Content-Type": content_type, **({"Content-Length": str(size)} if size is not None else {})}
        response = self._pdx._http.post("/api/v1/tables", params={"alias": alias, "format": fmt}, content=_chunks(body),
                                        headers=headers, timeout=None)
        if response.status_code >= 400:
            raise PdxProblem.from_response(response)
        return response.json()

    def confirm(self, table: Any, columns: Sequence[Mapping[str, Any]]) -> dict:
        """Confirms every inferred column with its tag (and bounds, join key): the table becomes joinable."""
        return self._json("POST", f"/api/v1/tables/{_id(table)}/confirm", {"columns": [dict(column) for column in columns]})

    def get(self, table: Any) -> dict:
        return self._json("GET", f"/api/v1/tables/{_id(table)}")

    def list(self) -> list:
        return self._json("GET", "/api/v1/tables")["items"]

    def delete(self, table: Any) -> dict:
        """Deletes the table and every result derived from it; the answer carries the deletion receipt."""
        return self._json("DELETE", f"/api/v1/tables/{_id(table)}")

    def _json(self, method: str, path: str, body: Any = None) -> Any:
        response = self._pdx._http.request(method, path, json=body) if body is not None else self._pdx._http.request(method, path)
        if response.status_code >= 400:
            raise PdxProblem.from_response(response)
        return response.json()


def _chunks(body: Any, size: int = 1 << 20):
    """A file read in 1 MiB pieces: the upload streams, it is never read into memory whole."""
    while True:
        piece = body.read(size)
        if not piece:
            return
        yield piece


class Catalog(_Area):
    """The data catalog: what the caller may see (anonymous callers: GENERAL entries only)."""

    def search(self, q: str | None = None, *, category: str | None = None, grade: Any = None,
               provider: str | None = None, openness: Any = None, status: Any = None, sort: Any = None,
               page: int = 0, size: int = 20) -> DatasetPage:
        """Keyword and filters; ``items``, ``total`` and ``facets`` (counts per grade, category, provider…)."""
        return self._pdx.call(search_datasets, q=q, category=category, grade=_enum(grade), provider=provider,
                              openness=_enum(openness), status=_enum(status), sort=_enum(sort), page=page, size=size)

    def dataset(self, dataset_id: Any) -> Any:
        return self._pdx.call(get_dataset, _id(dataset_id))

    def dcat(self, dataset_id: Any) -> dict[str, Any]:
        """The dataset as DCAT-AP 3 JSON-LD."""
        return self._pdx.send(get_dataset_dcat, _id(dataset_id)).json()

    def find(self, name_zh: str) -> DatasetSummary:
        """The dataset of this Chinese name (exactly), among those the caller may see."""
        for dataset in self.search(name_zh, size=100).items:
            if dataset.name_zh == name_zh:
                return dataset
        raise LookupError(f"no dataset named {name_zh!r} is visible")


class Products(_Area):
    """Listed data products and the deliveries of DELIVERY licenses."""

    def list(self, *, dataset_id: Any = None, page: int = 0, size: int = 50) -> PageProductView:
        return self._pdx.call(list_products, dataset_id=_id(dataset_id) if dataset_id else None, page=page, size=size)

    def get(self, product_id: Any) -> ProductView:
        return self._pdx.call(get_product, _id(product_id))

    def find(self, name_zh: str) -> ProductView:
        """The product of this Chinese name (exactly)."""
        page, size = 0, 100
        while True:
            listing = self.list(page=page, size=size)
            for product in listing.items:
                if product.name_zh == name_zh:
                    return product
            if (page + 1) * size >= (listing.total or 0):
                raise LookupError(f"no product named {name_zh!r}")
            page += 1

    def delivery(self, product_id: Any, *, limit: int | None = None) -> pa.Table:
        """The licensed columns of a product (a DELIVERY license of the caller's organization) as a Table."""
        answer = self._pdx.send(deliver_product, _id(product_id), format_=_enum("arrow"), limit=limit,
                                accept=ARROW_STREAM)
        return read_arrow_stream(answer.content)


class Organizations(_Area):
    def register(self, uscc: str, name: str, *, legal_representative: str, contact_name: str, contact_phone: str,
                 contact_email: str) -> OrganizationView:
        """Registers an enterprise by its 统一社会信用代码 (checked); the bureau verifies it."""
        body = _body(OrganizationRequest, uscc=uscc, name=name, legalRepresentative=legal_representative,
                     contactName=contact_name, contactPhone=contact_phone, contactEmail=contact_email)
        return self._pdx.call(register_organization, body=body)

    def get(self, uscc: str) -> OrganizationView:
        return self._pdx.call(get_organization, uscc)

    def verify(self, uscc: str) -> OrganizationView:
        """A bureau reviewer verifies a registered organization."""
        return self._pdx.call(verify_organization, uscc)


class Licenses(_Area):
    """Applications, review, the agreement and what a license lets you query."""

    def apply(self, product: Any, columns: Sequence[str], purpose: str, purpose_text: str, *,
              mode: str = "SANDBOX", term_start: dt.date | None = None, term_end: dt.date | None = None,
              expected_volume: int | None = None) -> LicenseView:
        """Applies for a license; OPA decides at once (秒批 APPROVED, IN_REVIEW or DENIED with reasons).

        The term runs from today for a year unless given."""
        start = term_start or dt.date.today()
        end = term_end or _a_year_from(start)
        body = _body(LicenseApplication, productId=_id(product), purposeCategory=purpose, purposeText=purpose_text,
                     columns=list(columns), mode=mode, termStart=start.isoformat(), termEnd=end.isoformat(),
                     expectedVolume=expected_volume)
        return self._pdx.call(apply_for_license, body=body)

    def get(self, license_id: Any) -> LicenseView:
        return self._pdx.call(get_license, _id(license_id))

    def list(self, *, state: Any = None, page: int = 0, size: int = 50) -> PageLicenseView:
        return self._pdx.call(list_licenses, state=_enum(state), page=page, size=size)

    def approve(self, license_id: Any) -> LicenseView:
        """A bureau reviewer approves (IMPORTANT data needs two different reviewers)."""
        return self._pdx.call(approve_license, _id(license_id))

    def reject(self, license_id: Any, reason: str) -> LicenseView:
        return self._pdx.call(reject_license, _id(license_id), body=_body(ReviewNote, reason=reason))

    def accept(self, license_id: Any) -> LicenseView:
        """The operator accepts the agreement of an APPROVED license: it becomes ACTIVE."""
        return self._pdx.call(accept_license, _id(license_id))

    def contract(self, license_id: Any) -> Any:
        return self._pdx.call(get_license_contract, _id(license_id))

    def workspace(self, license_id: Any) -> Workspace:
        """What the license lets you query: the alias, each column with its uses, templates, ε range and budget."""
        return self._pdx.call(get_license_workspace, _id(license_id))


class Sandbox(_Area):
    """Sandbox jobs: SQL runs where the data is; released results come back as Arrow."""

    def submit(self, license: Any, sql: str | None = None, *, epsilon: float | None = None,
               template: str | None = None, params: Mapping[str, Any] | None = None,
               wait: str | None = None, join: Sequence[Any] = (), tables: Sequence[Any] = ()) -> JobView:
        """Submits a statement (or a template with parameters); the job as it stands after ``wait`` (e.g.
        ``"PT10S"``, at most ``"PT30S"``). ``join``: a clean room, further licenses of your organization whose
        datasets the statement joins on their declared keys (``workspace(license).combinable`` lists them).
        A statement the sandbox refuses, or OPA does not admit, raises."""
        body = _body(JobRequest, licenseId=_id(license), sql=sql, templateId=template,
                     params={name: str(value) for name, value in params.items()} if params else None, epsilon=epsilon,
                     joinLicenseIds=[_id(other) for other in join] if join else None,
                     tableIds=[_id(table) for table in tables] if tables else None)
        return self._pdx.call(submit_job, body=body, wait=wait)

    def job(self, job_id: Any, *, wait: str | None = None) -> JobView:
        return self._pdx.call(get_job, _id(job_id), wait=wait)

    def jobs(self, *, state: Any = None, page: int = 0, size: int = 50) -> PageJobView:
        """The caller's organization's jobs (a reviewer: every job), newest first."""
        return self._pdx.call(list_jobs, state=_enum(state), page=page, size=size)

    def wait(self, job: Any, *, timeout: float = 120.0) -> JobView:
        """Waits until the job stops moving (RELEASED, AWAITING_RELEASE, REJECTED, FAILED or CANCELLED)."""
        if not isinstance(job, JobView):
            job = self.job(job)
        deadline = time.monotonic() + timeout
        while str(job.state) in MOVING:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"sandbox job {job.id} is still {job.state} after {timeout:g}s")
            job = self.job(job.id, wait=f"PT{min(30, max(1, math.ceil(left)))}S")
        return job

    def result(self, job: Any, *, format: str = "arrow", wait: str | None = None) -> pa.Table:
        """The released result as a Table, downloaded as an Arrow IPC stream (or ``format="parquet"``).
        A result that is not released raises ``PdxProblem`` (code ``result-not-released``)."""
        accept = ARROW_STREAM if format == "arrow" else PARQUET if format == "parquet" else None
        if accept is None:
            raise ValueError(f"format {format!r}: arrow or parquet (preview() gives the JSON preview)")
        answer = self._pdx.send(get_job_result, _id(job), format_=_enum(format), wait=wait, accept=accept)
        if format == "parquet":
            return pa.parquet.read_table(io.BytesIO(answer.content))
        return read_arrow_stream(answer.content)

    def preview(self, job: Any) -> Any:
        """The JSON preview of a released result (the first rows)."""
        return self._pdx.send(get_job_result, _id(job), format_=_enum("json"), accept="application/json").json()

    def run(self, license: Any, sql: str | None = None, epsilon: float | None = None, *, template: str | None = None,
            params: Mapping[str, Any] | None = None, timeout: float = 120.0, join: Sequence[Any] = (),
            tables: Sequence[Any] = ()) -> pa.Table:
        """Submits, waits, and downloads the released result as a Table.

        Raises ``PdxProblem`` when the job is refused or not admitted (at submission), fails (the job's own
        problem), or ends without a released result (awaiting a reviewer, rejected, cancelled: the problem of the
        result's download, with ``.job`` set so a caller can come back for it after a release)."""
        job = self.wait(self.submit(license, sql, epsilon=epsilon, template=template, params=params, wait="PT30S",
                                    join=join, tables=tables), timeout=timeout)
        if str(job.state) == "FAILED" and job.failure:
            raise PdxProblem(job.failure, job=job)
        try:
            return self.result(job)
        except PdxProblem as problem:
            problem.job = job
            raise

    def release(self, job: Any) -> JobView:
        """A bureau reviewer releases a result AWAITING_RELEASE."""
        return self._pdx.call(release_job, _id(job))

    def reject(self, job: Any, reason: str) -> JobView:
        return self._pdx.call(reject_job, _id(job), body=_body(ReviewNote, reason=reason))

    def cancel(self, job: Any) -> JobView:
        return self._pdx.call(cancel_job, _id(job))
