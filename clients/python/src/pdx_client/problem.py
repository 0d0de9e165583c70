"""PdxProblem: the one exception the client raises for an answer of the API that is not a success.

Every error of marketplace-api is an RFC 9457 ``application/problem+json`` document with a stable ``code``; the
exception carries it as the generated ``Problem`` model (``problem.errors`` name the fields that failed,
``problem.reasons`` the policy's or the sandbox's reasons). An answer that is not a problem document (a proxy's
HTML page, an empty 400 of the HTTP layer, a token endpoint's OAuth error) is turned into one, so callers have
one thing to catch and one shape to read.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from .generated.models import FieldError, Problem, Reason

if TYPE_CHECKING:
    from .generated.models import JobView


def _reason_phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


class PdxProblem(Exception):
    """An answer of the API that is not a success, as its RFC 9457 problem.

    ``problem`` is the generated ``Problem`` model; ``status``, ``code``, ``title``, ``detail``, ``errors`` and
    ``reasons`` are read from it. ``job`` is the sandbox job concerned when the problem is about one (a job that
    failed or whose result is not released).
    """

    def __init__(self, problem: Problem, *, response: httpx.Response | None = None, job: JobView | None = None):
        self.problem = problem
        self.response = response
        self.job = job
        super().__init__(self._message())

    # ------------------------------------------------------------------ reading the problem
    @property
    def status(self) -> int:
        return int(self.problem.status)

    @property
    def code(self) -> str:
        return str(self.problem.code)

    @property
    def title(self) -> str:
        return str(self.problem.title)

    @property
    def type(self) -> str:
        return str(self.problem.type_)

    @property
    def detail(self) -> str | None:
        return self.problem.detail or None

    @property
    def errors(self) -> list:
        """The fields that failed validation (``field``, ``message``)."""
        return [error for error in self.problem.errors or [] if isinstance(error, FieldError)]

    @property
    def reasons(self) -> list:
        """The reasons of a policy decision or a sandbox refusal (``code``, ``message_zh``, ``message_en``)."""
        return [reason for reason in self.problem.reasons or [] if isinstance(reason, Reason)]

    @property
    def reason_codes(self) -> list[str]:
        return [reason.code for reason in self.reasons]

    def _message(self) -> str:
        text = f"{self.status} {self.code}: {self.title}"
        if self.detail:
            text += f" — {self.detail}"
        for error in self.errors:
            text += f"\n  {error.field}: {error.message}"
        for reason in self.reasons:
            text += f"\n  [{reason.code}] {reason.message_en or reason.message_zh or ''}".rstrip()
        return text

    # ------------------------------------------------------------------ making one
    @classmethod
    def from_document(cls, document: dict[str, Any], status: int, **kwargs: Any) -> PdxProblem:
        """A problem from a JSON document, the required members filled in when the server left one out."""
        document = dict(document)
        document.setdefault("status", status)
        document.setdefault("title", _reason_phrase(status))
        document.setdefault("type", "about:blank")
        document.setdefault("code", str(document["type"]).rstrip("/").rsplit("/", 1)[-1] or f"http-{status}")
        try:
            problem = Problem.from_dict(document)
        except (KeyError, ValueError, TypeError, AttributeError):  # a member not as documented
            problem = Problem.from_dict({key: document[key] for key in ("type", "code", "title", "status", "detail")
                                         if key in document})
        return cls(problem, **kwargs)

    @classmethod
    def of(cls, status: int, code: str, title: str, detail: str | None = None, **kwargs: Any) -> PdxProblem:
        return cls.from_document({"type": "about:blank", "code": code, "title": title, "detail": detail}, status, **kwargs)

    @classmethod
    def from_response(cls, response: httpx.Response, **kwargs: Any) -> PdxProblem:
        """The problem of an error answer, whatever its body."""
        status = response.status_code
        document: Any = None
        try:
            document = json.loads(response.content) if response.content else None
        except ValueError:
            pass
        if isinstance(document, dict) and ("title" in document or "type" in document or "code" in document):
            return cls.from_document(document, status, response=response, **kwargs)
        if isinstance(document, dict) and "error" in document:  # OAuth 2 error of a token endpoint
            return cls.of(status, str(document["error"]), "Token request refused / 令牌申请被拒绝",
                          document.get("error_description"), response=response, **kwargs)
        text = response.text.strip()[:300] if response.content else None
        return cls.of(status, f"http-{status}", _reason_phrase(status),
                      text or f"{response.request.method} {response.request.url.path} answered {status} without a problem document",
                      response=response, **kwargs)
