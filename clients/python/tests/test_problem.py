"""Error mapping without a server (httpx.MockTransport): whatever an error answer looks like, it is a PdxProblem."""

from __future__ import annotations

import json

import httpx
import pytest

from pdx_client import Pdx, PdxProblem, StaticToken

LICENSE = "1b7c6f52-8a53-4b2f-9c8e-0d6e3d1f2a11"


def pdx_answering(*answers: httpx.Response, seen: list | None = None) -> Pdx:
    queue = list(answers)

    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return queue.pop(0)

    return Pdx("http://pdx.test", StaticToken("t"), transport=httpx.MockTransport(handler))


def test_problemJson_carriesCodeTitleDetailErrorsAndReasons():
    problem = {"type": "https://pdx.example/problems/sandbox/column-not-licensed", "code": "column-not-licensed",
               "title": "Sandbox job refused / 沙箱作业被拒绝", "status": 422, "detail": "card_id is not licensed",
               "instance": "/api/v1/sandbox/jobs", "errors": [{"field": "sql", "message": "列未授权"}],
               "reasons": [{"code": "column_not_licensed", "message_zh": "列未授权", "message_en": "not licensed"}]}
    pdx = pdx_answering(httpx.Response(422, json=problem, headers={"Content-Type": "application/problem+json"}))
    with pytest.raises(PdxProblem) as raised:
        pdx.sandbox.submit(LICENSE, "SELECT card_id FROM bus_card_swipes")
    error = raised.value
    assert (error.status, error.code, error.title, error.detail) == (422, "column-not-licensed", problem["title"],
                                                                     "card_id is not licensed")
    assert error.type == problem["type"]
    assert [(e.field, e.message) for e in error.errors] == [("sql", "列未授权")]
    assert error.reason_codes == ["column_not_licensed"]
    assert str(error).startswith("422 column-not-licensed: Sandbox job refused") and "sql: 列未授权" in str(error)
    assert error.problem.instance == "/api/v1/sandbox/jobs"


def test_problemWithoutCode_takesItFromTheType():
    pdx = pdx_answering(httpx.Response(404, json={"type": "https://pdx.example/problems/license-not-found",
                                                  "title": "License not found", "status": 404}))
    with pytest.raises(PdxProblem) as raised:
        pdx.licenses.get(LICENSE)
    assert raised.value.code == "license-not-found"


def test_problemWithMalformedErrors_keepsWhatItCan():
    pdx = pdx_answering(httpx.Response(400, json={"type": "https://pdx.example/problems/invalid-request",
                                                  "code": "invalid-request", "title": "Invalid request", "status": 400,
                                                  "errors": [{"no-field": 1}]}))
    with pytest.raises(PdxProblem) as raised:
        pdx.licenses.get(LICENSE)
    assert raised.value.code == "invalid-request" and raised.value.errors == []


@pytest.mark.parametrize("answer, code", [
    (httpx.Response(502, text="<html>Bad gateway</html>", headers={"Content-Type": "text/html"}), "http-502"),
    (httpx.Response(400), "http-400"),  # the HTTP layer's refusal of a malformed request has no body
    (httpx.Response(503, text="not json {"), "http-503"),
])
def test_answerThatIsNotAProblem_becomesOne(answer, code):
    with pytest.raises(PdxProblem) as raised:
        pdx_answering(answer).sandbox.jobs()
    assert raised.value.status == answer.status_code and raised.value.code == code
    assert raised.value.title  # the reason phrase at least


def test_arrowDownload_errorAnswer_isAProblemNotAnArrowError():
    problem = {"type": "https://pdx.example/problems/sandbox/result-not-released", "code": "result-not-released",
               "title": "Result not released", "status": 409, "detail": "the job is AWAITING_RELEASE"}
    with pytest.raises(PdxProblem) as raised:
        pdx_answering(httpx.Response(409, json=problem)).sandbox.result(LICENSE)
    assert raised.value.code == "result-not-released"


def test_unauthorized_withAProviderThatCannotRenew_isNotRetried():
    seen: list = []
    pdx = pdx_answering(httpx.Response(401, json={"type": "about:blank", "code": "unauthorized", "title": "Unauthorized",
                                                  "status": 401}), seen=seen)
    with pytest.raises(PdxProblem):
        pdx.sandbox.jobs()
    assert len(seen) == 1 and seen[0].headers["Authorization"] == "Bearer t"


def test_submit_sendsTheJobRequestDocument():
    seen: list = []
    job = {"id": "0e9a4bde-8a65-4c8f-8f0e-5f3b8d0b6a01", "licenseId": LICENSE, "state": "QUEUED", "actions": ["cancel"],
           "joinedLicenseIds": [], "tableIds": []}
    pdx = pdx_answering(httpx.Response(202, json=job), seen=seen)
    answer = pdx.sandbox.submit(LICENSE, template="tpl-x", params={"min_age": 60}, epsilon=0.5)
    assert str(answer.state) == "QUEUED"
    assert list(answer.actions) == ["cancel"]
    assert json.loads(seen[0].content) == {"licenseId": LICENSE, "templateId": "tpl-x", "params": {"min_age": "60"},
                                           "epsilon": 0.5}
