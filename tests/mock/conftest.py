"""Shared fixtures for the mock server's tests: strict apps, clients and logged-in users."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from badgr_mock import BadgrMockApp, create_app
from badgr_mock.testing import PNG_DATA_URI, password_token, serve

ALICE = "alice@example.com"
BOB = "bob@example.com"


class Api:
    """A client plus per-user bearer headers; every answer is checked to be JSON or empty."""

    def __init__(self, client: httpx.Client, app: BadgrMockApp) -> None:
        self.client = client
        self.app = app
        self._tokens: dict[str, str] = {}

    def token(self, user: str = ALICE) -> str:
        if user not in self._tokens:
            self._tokens[user] = password_token(self.client, user)
        return self._tokens[user]

    def auth(self, user: str = ALICE) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(user)}"}

    def call(self, method: str, path: str, user: str | None = ALICE, **kwargs: Any) -> Any:
        headers = dict(kwargs.pop("headers", {}))
        if user is not None:
            headers.update(self.auth(user))
        response = self.client.request(method, path, headers=headers, **kwargs)
        assert response.status_code < 500, response.text
        if response.status_code != 204 and method != "HEAD":
            assert response.headers["content-type"].startswith("application/json"), response.text
        return response

    def ok(self, method: str, path: str, status: int = 200, **kwargs: Any) -> Any:
        """Call and assert ``status``; returns the parsed envelope (or None for 204)."""
        response = self.call(method, path, **kwargs)
        assert response.status_code == status, (method, path, response.status_code, response.text)
        if status == 204:
            assert response.content == b""
            return None
        body = response.json()
        if path != "/o/token":
            assert body["status"]["success"] is True
        return body

    def create_issuer(self, user: str = ALICE, name: str = "Test Academy") -> dict[str, Any]:
        body = self.ok(
            "POST",
            "/v2/issuers",
            201,
            user=user,
            json={"name": name, "email": user, "url": "https://academy.example.com"},
        )
        issuer: dict[str, Any] = body["result"][0]
        return issuer

    def create_badgeclass(self, issuer_id: str, user: str = ALICE, name: str = "Python") -> Any:
        body = self.ok(
            "POST",
            f"/v2/issuers/{issuer_id}/badgeclasses",
            201,
            user=user,
            json={
                "name": name,
                "image": PNG_DATA_URI,
                "description": "Knows Python",
                "criteriaNarrative": "Pass the course",
            },
        )
        return body["result"][0]

    def award(self, badgeclass_id: str, email: str, user: str = ALICE, **extra: Any) -> Any:
        body = self.ok(
            "POST",
            f"/v2/badgeclasses/{badgeclass_id}/assertions",
            201,
            user=user,
            json={"recipient": {"identity": email, "type": "email"}, **extra},
        )
        return body["result"][0]


def strict_app(**options: Any) -> BadgrMockApp:
    options.setdefault("strict", True)
    options.setdefault("login_backoff", False)
    return create_app(**options)


@pytest.fixture
def app() -> BadgrMockApp:
    return strict_app()


@pytest.fixture
def api(app: BadgrMockApp) -> Iterator[Api]:
    """In-process: Starlette's TestClient re-raises server errors, so nothing slips through."""
    with warnings.catch_warnings():
        # Starlette's TestClient still works with httpx; its deprecation notice is noise here.
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

        client = TestClient(app, base_url="http://testserver")
    with client:
        yield Api(client, app)
    assert app.strict_violations == []


@pytest.fixture
def http_api(app: BadgrMockApp) -> Iterator[Api]:
    """Over real HTTP: uvicorn on a free port in a background thread."""
    with serve(app) as base_url, httpx.Client(base_url=base_url, timeout=30) as client:
        yield Api(client, app)
    assert app.strict_violations == []


@pytest.fixture(params=["asgi", "http"])
def any_api(request: pytest.FixtureRequest, app: BadgrMockApp) -> Iterator[Api]:
    if request.param == "asgi":
        yield request.getfixturevalue("api")
    else:
        yield request.getfixturevalue("http_api")
