"""Token providers against the real Keycloak, and the client's use of them against the real API."""

from __future__ import annotations

import pytest

from conftest import API_URL, ISSUER
from pdx_client import ClientCredentials, Password, Pdx, PdxProblem, StaticToken


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_clientCredentials_keepsTheTokenUntilItNearsExpiry_thenFetchesANewOne():
    clock = Clock()
    provider = ClientCredentials("dev-org-a", "dev-org-a-dev-secret", issuer=ISSUER, leeway=30, clock=clock)
    first = provider()
    clock.now += 60
    assert provider() == first and provider.fetched == 1
    clock.now += 900 - 60 - 30  # Keycloak's tokens of the realm live 900 s: now within the leeway of expiry
    renewed = provider()
    assert provider.fetched == 2 and renewed != first
    # the renewed token works
    assert Pdx(API_URL, provider).sandbox.jobs(size=1).page == 0


def test_clientCredentials_wrongSecret_raisesPdxProblemWithTheTokenEndpointsError():
    provider = ClientCredentials("dev-org-a", "not-the-secret", issuer=ISSUER)
    with pytest.raises(PdxProblem) as raised:
        Pdx(API_URL, provider).sandbox.jobs()
    assert raised.value.status == 401
    assert raised.value.code in ("unauthorized_client", "invalid_client")


def test_staticToken_isSentAsIs(developer_b):
    token = ClientCredentials("dev-org-b", "dev-org-b-dev-secret", issuer=ISSUER)()
    assert Pdx(API_URL, StaticToken(token)).sandbox.jobs(size=1).size == 1
    assert Pdx(API_URL, token).sandbox.jobs(size=1).size == 1  # a string is a static token


def test_staticToken_notAToken_raisesUnauthorizedProblem():
    with pytest.raises(PdxProblem) as raised:
        Pdx(API_URL, StaticToken("not-a-jwt")).sandbox.jobs()
    assert raised.value.status == 401


def test_providerWithInvalidate_after401_getsOneRetryWithANewToken():
    class Revoked(Password):
        """Hands out a useless token first, as if the one it kept had been revoked."""
        calls = 0

        def __call__(self) -> str:
            self.calls += 1
            return "revoked" if self.calls == 1 else super().__call__()

    provider = Revoked("operator-b", issuer=ISSUER)
    assert Pdx(API_URL, provider).licenses.list(size=1).size == 1
    assert provider.calls == 2


def test_password_unknownUser_raisesPdxProblem():
    with pytest.raises(PdxProblem) as raised:
        Password("nobody", "wrong", issuer=ISSUER)()
    assert raised.value.status == 401
    assert raised.value.code == "invalid_grant"
