"""OAuth2 grants, token expiry and refresh rotation, scopes, and the login back-off."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from badgr_mock import BadgrMockApp

from .conftest import ALICE, BOB, strict_app


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def _client(app: BadgrMockApp) -> Iterator[httpx.Client]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

        client = TestClient(app, base_url="http://testserver", follow_redirects=False)
    with client:
        yield client
    assert app.strict_violations == []


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _login(
    client: httpx.Client, user: str = ALICE, password: str = "badgr-demo", **form: str
) -> httpx.Response:
    return client.post("/o/token", data={"username": user, "password": password, **form})


def _self(client: httpx.Client, token: str) -> httpx.Response:
    return client.get("/v2/users/self", headers={"Authorization": f"Bearer {token}"})


def _assert_401(response: httpx.Response) -> None:
    assert response.status_code == 401
    assert response.json()["status"] == {
        "success": False,
        "description": "no valid auth token found",
    }
    assert "www-authenticate" not in response.headers


def test_password_grant_defaults_and_expiry(clock: FakeClock) -> None:
    for client in _client(strict_app(clock=clock, token_ttl=60)):
        response = _login(client)
        assert response.status_code == 200
        token = response.json()
        assert token["expires_in"] == 60 and token["token_type"] == "Bearer"
        assert set(token["scope"].split()) == {
            "rw:profile", "rw:issuer", "rw:backpack", "r:profile",
            "r:issuer", "r:backpack", "r:org", "rw:org",
        }  # fmt: skip
        assert _self(client, token["access_token"]).status_code == 200
        clock.now += 61
        _assert_401(_self(client, token["access_token"]))
        _assert_401(client.get("/v2/users/self"))
        _assert_401(_self(client, "not-a-token"))


def test_refresh_rotates_and_revokes_the_old_pair(clock: FakeClock) -> None:
    for client in _client(strict_app(clock=clock)):
        first = _login(client).json()
        refreshed = client.post(
            "/o/token",
            data={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]},
        )
        assert refreshed.status_code == 200
        second = refreshed.json()
        assert second["access_token"] != first["access_token"]
        assert second["refresh_token"] != first["refresh_token"]
        _assert_401(_self(client, first["access_token"]))
        assert _self(client, second["access_token"]).status_code == 200
        again = client.post(
            "/o/token",
            data={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]},
        )
        assert again.status_code == 400 and again.json()["error"] == "invalid_grant"


def test_authorization_code_grant_is_single_use() -> None:
    for client in _client(strict_app(test_login_route=True)):
        response = client.get(
            "/auth/oauth2/authorize",
            params={
                "client_id": "demo-app",
                "redirect_uri": "http://127.0.0.1/callback",
                "scope": "r:profile",
                "state": "xyz",
                "username": BOB,
            },
        )
        assert response.status_code == 302
        target = urlsplit(response.headers["location"])
        query = parse_qs(target.query)
        assert f"{target.scheme}://{target.netloc}{target.path}" == "http://127.0.0.1/callback"
        assert query["state"] == ["xyz"]
        form = {
            "grant_type": "authorization_code",
            "code": query["code"][0],
            "redirect_uri": "http://127.0.0.1/callback",
            "client_id": "demo-app",
            "client_secret": "demo-secret",
        }
        token = client.post("/o/token", data=form)
        assert token.status_code == 200 and token.json()["scope"] == "r:profile"
        access = token.json()["access_token"]
        assert _self(client, access).json()["result"][0]["emails"][0]["email"] == BOB
        # The token only carries r:profile: issuer routes look missing.
        issuers = client.get("/v2/issuers", headers={"Authorization": f"Bearer {access}"})
        assert issuers.status_code == 404
        reused = client.post("/o/token", data=form)
        assert reused.status_code == 400 and reused.json()["error"] == "invalid_grant"

        wrong_redirect = client.get(
            "/auth/oauth2/authorize",
            params={"client_id": "demo-app", "redirect_uri": "http://evil/", "username": BOB},
        )
        assert wrong_redirect.status_code == 400
        no_secret = client.post("/o/token", data={**form, "client_secret": "wrong"})
        assert no_secret.status_code == 400 and no_secret.json()["error"] == "invalid_client"


def test_token_endpoint_errors() -> None:
    for client in _client(strict_app()):
        in_query = client.post("/o/token?username=a&password=b", data={"username": ALICE})
        assert in_query.status_code == 400
        assert "post body" in in_query.json()["error_description"]
        assert _login(client, password="wrong").json() == {
            "error": "invalid_grant",
            "error_description": "Invalid credentials given.",
        }
        assert _login(client, client_id="nope").json()["error"] == "invalid_client"
        assert _login(client, scope="rw:everything").json()["error"] == "invalid_scope"
        as_json = client.post("/o/token", json={"username": ALICE, "password": "badgr-demo"})
        assert as_json.status_code == 200
        bad_grant = client.post("/o/token", data={"grant_type": "client_credentials"})
        assert bad_grant.status_code == 400 and "error" in bad_grant.json()


def test_login_backoff_doubles_and_can_be_switched_off(clock: FakeClock) -> None:
    for client in _client(strict_app(clock=clock, login_backoff=True)):
        assert _login(client, password="wrong").status_code == 400
        throttled = _login(client)
        assert throttled.status_code == 429
        assert throttled.headers["retry-after"] == "2"
        assert throttled.json()["error"] == "login attempts throttled"
        assert throttled.json()["expires"] == 2
        clock.now += 2.5
        assert _login(client, password="wrong").status_code == 400
        assert _login(client).headers["retry-after"] == "4"
        # Other users are not affected.
        assert _login(client, BOB).status_code == 200
        clock.now += 4.5
        assert _login(client).status_code == 200
        assert _login(client).status_code == 200  # success resets the count
    for client in _client(strict_app(clock=clock, login_backoff=False)):
        assert _login(client, password="wrong").status_code == 400
        assert _login(client, password="wrong").status_code == 400
        assert _login(client).status_code == 200


@pytest.mark.parametrize(
    ("scope", "allowed", "hidden"),
    [
        (
            "r:issuer",
            [("GET", "/v2/issuers")],
            [("POST", "/v2/issuers"), ("GET", "/v2/users/self")],
        ),
        (
            "rw:profile",
            [("GET", "/v2/users/self")],
            [("GET", "/v2/issuers"), ("GET", "/v2/badgeclasses")],
        ),
        (
            "r:backpack",
            [("GET", "/v2/backpack/assertions")],
            [("POST", "/v2/backpack/collections")],
        ),
        ("r:org", [("GET", "/v2/organizations")], [("GET", "/v2/backpack/collections")]),
    ],
)
def test_scope_matrix(
    scope: str, allowed: list[tuple[str, str]], hidden: list[tuple[str, str]]
) -> None:
    for client in _client(strict_app()):
        token = _login(client, scope=scope).json()
        assert token["scope"] == scope
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        for method, path in allowed:
            assert client.request(method, path, headers=headers).status_code == 200, path
        for method, path in hidden:
            response = client.request(method, path, headers=headers, json={"name": "x"})
            assert response.status_code == 404, (method, path)
            assert response.json()["status"]["description"] == (
                "entity not found or insufficient privileges"
            )
