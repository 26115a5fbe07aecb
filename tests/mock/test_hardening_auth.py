"""Logins an attacker can't abuse: the authorize page wants a password, the test-only login route
stays on loopback, failed logins cost the same for unknown users, and a stranger's wrong
passwords don't lock a user out."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from badgr_mock import BadgrMockApp, auth
from badgr_mock.__main__ import main
from badgr_mock.store import DEMO_PASSWORD, check_password

from .conftest import ALICE, strict_app

AUTHORIZE = "/auth/oauth2/authorize"
OAUTH_QUERY = {
    "client_id": "demo-app",
    "redirect_uri": "http://127.0.0.1/callback",
    "scope": "r:profile",
    "state": "s1",
}


@asynccontextmanager
async def _client(
    app: BadgrMockApp, *, host: str = "127.0.0.1", client_ip: str = "127.0.0.1"
) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=(client_ip, 40000))
    async with httpx.AsyncClient(transport=transport, base_url=f"http://{host}") as client:
        yield client


def _code(response: httpx.Response) -> str:
    assert response.status_code == 302, response.text
    query = parse_qs(urlsplit(response.headers["location"]).query)
    assert query["state"] == ["s1"]
    return query["code"][0]


async def _exchange(client: httpx.AsyncClient, code: str) -> httpx.Response:
    return await client.post(
        "/o/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": OAUTH_QUERY["redirect_uri"],
            "client_id": "demo-app",
            "client_secret": "demo-secret",
        },
    )


async def test_authorize_asks_for_the_password_by_default() -> None:
    app = strict_app()
    async with _client(app) as client:
        page = await client.get(AUTHORIZE, params={**OAUTH_QUERY, "username": ALICE})
        assert page.status_code == 200 and "location" not in page.headers
        assert page.headers["content-type"].startswith("text/html")
        assert 'type="password"' in page.text and 'value="demo-app"' in page.text
        assert app.store.connection.execute("SELECT count(*) FROM auth_codes").fetchone()[0] == 0

        missing = await client.post(AUTHORIZE, data={**OAUTH_QUERY, "username": ALICE})
        assert missing.status_code == 400 and missing.json()["error"] == "invalid_request"
        wrong = await client.post(
            AUTHORIZE, data={**OAUTH_QUERY, "username": ALICE, "password": "wrong"}
        )
        assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_grant"

        form = {**OAUTH_QUERY, "username": ALICE, "password": DEMO_PASSWORD}
        token = await _exchange(client, _code(await client.post(AUTHORIZE, data=form)))
        assert token.status_code == 200 and token.json()["scope"] == "r:profile"


async def test_the_test_login_route_needs_its_flag_and_a_loopback_address() -> None:
    app = strict_app(test_login_route=True)
    query = {**OAUTH_QUERY, "username": ALICE}
    async with _client(app) as local:
        token = await _exchange(local, _code(await local.get(AUTHORIZE, params=query)))
        assert token.status_code == 200
    async with _client(app, host="203.0.113.7", client_ip="198.51.100.9") as remote:
        page = await remote.get(AUTHORIZE, params=query)
        assert page.status_code == 200 and 'type="password"' in page.text


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "::"])
def test_cli_refuses_the_test_login_route_on_a_reachable_bind(host: str) -> None:
    with pytest.raises(SystemExit) as refused:
        main(["--host", host, "--db", ":memory:", "--test-login-route"])
    assert "loopback" in str(refused.value.code)


async def _login(client: httpx.AsyncClient, username: str, password: str) -> httpx.Response:
    return await client.post("/o/token", data={"username": username, "password": password})


async def test_a_strangers_failed_logins_do_not_lock_out_the_user() -> None:
    app = strict_app(login_backoff=True)
    async with (
        _client(app, client_ip="198.51.100.9") as stranger,
        _client(app, client_ip="192.0.2.20") as user,
    ):
        assert (await _login(stranger, ALICE, "guess")).status_code == 400
        assert (await _login(stranger, ALICE, "guess")).status_code == 429
        assert (await _login(user, ALICE, DEMO_PASSWORD)).status_code == 200


async def test_per_username_back_off_reproduces_badgr_server() -> None:
    app = strict_app(login_backoff=True, login_backoff_per_username=True)
    async with (
        _client(app, client_ip="198.51.100.9") as stranger,
        _client(app, client_ip="192.0.2.20") as user,
    ):
        assert (await _login(stranger, ALICE, "guess")).status_code == 400
        throttled = await _login(user, ALICE, DEMO_PASSWORD)
        assert throttled.status_code == 429 and throttled.headers["retry-after"] == "2"


async def test_failed_logins_check_a_password_hash_for_unknown_users_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    checked: list[str] = []

    def counting_check(password: str, stored: str) -> bool:
        checked.append(stored)
        return check_password(password, stored)

    monkeypatch.setattr(auth, "check_password", counting_check)
    async with _client(strict_app()) as client:
        for username in (ALICE, "nobody@example.com"):
            answer = await _login(client, username, "wrong")
            assert answer.json()["error_description"] == "Invalid credentials given."
    assert len(checked) == 2
    # Both hashes use the same algorithm and work factor.
    assert checked[0].split("$")[:2] == checked[1].split("$")[:2]


def test_throttle_memory_is_bounded() -> None:
    now = [0.0]
    throttle = auth.LoginThrottle(lambda: now[0], True)
    for index in range(auth.LoginThrottle.MAX_KEYS + 50):
        throttle.failed(throttle.key(f"user{index}@example.com", "198.51.100.9"))
    assert len(throttle) <= auth.LoginThrottle.MAX_KEYS
