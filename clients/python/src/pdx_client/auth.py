"""Token providers: where the client's bearer tokens come from.

A token provider is any callable returning an access token; the client asks it before every request, and once
more after a 401 when it has ``invalidate()`` (a token revoked or expired early). Two come with the client:

* ``StaticToken(token)`` — a token you already have (it cannot renew itself).
* ``ClientCredentials(client_id, client_secret)`` — a Keycloak service account (OAuth 2 client credentials),
  e.g. an organization's developer account ``dev-org-a``; it fetches a token, keeps it, and fetches a new one
  shortly before it expires.

``Password(username, password)`` is the development realm's password grant (client ``pdx-cli``) for the demo
users; it refreshes the same way. Never use it outside development.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Generator
from typing import Protocol, runtime_checkable

import httpx

from .problem import PdxProblem

DEFAULT_ISSUER = "http://127.0.0.1:8180/realms/pdx"


@runtime_checkable
class TokenProvider(Protocol):
    def __call__(self) -> str: ...


class StaticToken:
    """A token you already have."""

    def __init__(self, token: str):
        if not token:
            raise ValueError("an empty token")
        self._token = token

    def __call__(self) -> str:
        return self._token

    def __repr__(self) -> str:
        return "StaticToken(…)"


class KeycloakToken:
    """A token from a Keycloak realm's token endpoint, kept until ``leeway`` seconds before it expires.

    ``clock`` (seconds, monotonic) can be replaced, e.g. by a test that lets time pass.
    """

    def __init__(self, form: dict[str, str], *, issuer: str = DEFAULT_ISSUER, leeway: float = 30.0,
                 clock: Callable[[], float] = time.monotonic, timeout: float = 10.0,
                 transport: httpx.BaseTransport | None = None):
        self.token_url = issuer.rstrip("/") + "/protocol/openid-connect/token"
        self._form = form
        self._leeway = leeway
        self._clock = clock
        self._http = httpx.Client(timeout=timeout, transport=transport)
        self._lock = threading.Lock()
        self._token: str | None = None
        self._expires_at = 0.0
        self.fetched = 0  # how many tokens were fetched (for the curious and for tests)

    def __call__(self) -> str:
        with self._lock:
            if self._token is None or self._clock() >= self._expires_at - self._leeway:
                self._fetch()
            assert self._token is not None
            return self._token

    def invalidate(self) -> None:
        """Forgets the token: the next call fetches a new one."""
        with self._lock:
            self._token = None

    def close(self) -> None:
        self._http.close()

    def _fetch(self) -> None:
        asked = self._clock()
        answer = self._http.post(self.token_url, data=self._form)
        if answer.status_code != 200:
            raise PdxProblem.from_response(answer)
        body = answer.json()
        self._token = body["access_token"]
        self._expires_at = asked + float(body.get("expires_in", 60))
        self.fetched += 1


class ClientCredentials(KeycloakToken):
    """A Keycloak service account (OAuth 2 client credentials grant), e.g. ``ClientCredentials("dev-org-a",
    "dev-org-a-dev-secret")`` for organization A's developer account in the development realm."""

    def __init__(self, client_id: str, client_secret: str, **kwargs):
        super().__init__({"grant_type": "client_credentials", "client_id": client_id, "client_secret": client_secret},
                         **kwargs)
        self.client_id = client_id

    def __repr__(self) -> str:
        return f"ClientCredentials({self.client_id!r}, …, token_url={self.token_url!r})"


class Password(KeycloakToken):
    """A demo user's token through the development realm's password grant (client ``pdx-cli``). Development only."""

    def __init__(self, username: str, password: str = "pdx-demo", *, client_id: str = "pdx-cli", **kwargs):
        super().__init__({"grant_type": "password", "client_id": client_id, "username": username, "password": password},
                         **kwargs)
        self.username = username

    def __repr__(self) -> str:
        return f"Password({self.username!r}, …, token_url={self.token_url!r})"


class BearerAuth(httpx.Auth):
    """httpx authentication: the provider's token on every request; after a 401, one retry with a new token."""

    def __init__(self, provider: Callable[[], str]):
        self.provider = provider

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.provider()}"
        response = yield request
        invalidate = getattr(self.provider, "invalidate", None)
        if response.status_code == 401 and callable(invalidate):
            invalidate()
            request.headers["Authorization"] = f"Bearer {self.provider()}"
            yield request
