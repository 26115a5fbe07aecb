"""Auth flow against the mock: password grant, refresh, single flight, no retried logins,
authorization code, foreign origins."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from badgr import AsyncClient, Client, Token, errors
from badgr_mock.app import create_app
from badgr_mock.faults import Faults
from badgr_mock.testing import serve

from .conftest import ALICE, FAST, PASSWORD, both_profiles


def test_password_grant_runs_once_across_threads(base_url: str) -> None:
    grants: list[Token] = []
    client = Client(
        base_url=base_url, username=ALICE, password=PASSWORD, token_updated=grants.append
    )
    barrier = threading.Barrier(8)
    found: list[str] = []

    def worker() -> None:
        barrier.wait()
        found.append(client.users.me().entity_id)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    client.close()
    assert len(found) == 8 and len(set(found)) == 1
    assert len(grants) == 1


async def test_password_grant_runs_once_across_tasks(app: Any) -> None:
    grants: list[Token] = []
    async with AsyncClient(
        base_url="http://testserver",
        username=ALICE,
        password=PASSWORD,
        token_updated=grants.append,
        transport=httpx.ASGITransport(app),
    ) as client:
        users = await asyncio.gather(*(client.users.me() for _ in range(10)))
    assert len({u.entity_id for u in users}) == 1
    assert len(grants) == 1


def test_award_many_shares_the_sync_clients_token(base_url: str) -> None:
    grants: list[Token] = []
    with Client(
        base_url=base_url, username=ALICE, password=PASSWORD, token_updated=grants.append
    ) as client:
        issuer = client.issuers.create(name="A", email=ALICE, url="https://a.example")
        assert len(grants) == 1
        from .conftest import PNG

        badge = client.badgeclasses.create(
            issuer=issuer.entity_id, name="B", description="d", image=PNG, criteria_narrative="c"
        )
        results = client.assertions.award_many(
            badge.entity_id, [f"t{i}@x.org" for i in range(10)], concurrency=5
        )
    assert all(r.ok for r in results)
    assert len(grants) == 1


def test_refresh_shortly_before_expiry(client: Client) -> None:
    updates: list[Token] = []
    client.users.me()
    first = client.token
    assert first is not None and first.refresh_token
    client.auth.token_updated = updates.append
    # pretend the token is about to expire: the next call refreshes it first
    client.auth.set_token(
        Token(
            first.access_token, first.refresh_token, expires_at=time.time() + 5, refresh_margin=30
        )
    )
    updates.clear()
    client.users.me()
    assert len(updates) == 1
    assert updates[0].access_token != first.access_token
    assert client.token is updates[0]


def test_refresh_once_after_a_401() -> None:
    now = [time.time()]
    app = create_app(token_ttl=3600, clock=lambda: now[0])
    with serve(app) as url:
        updates: list[Token] = []
        with Client(
            base_url=url, username=ALICE, password=PASSWORD, token_updated=updates.append
        ) as client:
            client.users.me()
            now[0] += 7200  # the server's clock moves on: it now answers 401 to the old token
            client.users.me()
    assert len(updates) == 2  # the login, then one renewal after the 401


def test_static_token_that_is_refused(base_url: str) -> None:
    client = Client(base_url=base_url, token="not-a-valid-token")
    with client, pytest.raises(errors.AuthenticationError) as info:
        client.users.me()
    assert info.value.status_code == 401
    assert "not-a-valid-token" not in str(info.value)


def test_refused_password_grant_is_never_retried(
    base_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG", logger="badgr")
    with Client(
        base_url=base_url, username=ALICE, password="wrong-password", retry_policy=FAST
    ) as c:
        with pytest.raises(errors.AuthenticationError) as first:
            c.users.me()
        with pytest.raises(errors.AuthenticationError) as second:
            c.issuers.list().to_list()
    assert first.value.status_code in (400, 401)
    assert "not retried automatically" in str(second.value)
    token_requests = [r for r in caplog.records if "request POST" in r.getMessage()]
    assert len(token_requests) == 1
    assert "wrong-password" not in caplog.text


def test_no_credentials_is_an_authentication_error() -> None:
    with Client(base_url="http://127.0.0.1:9", token=None, username=None, password=None) as c:
        c.auth._token = None
        with pytest.raises(errors.AuthenticationError, match="no credentials"):
            c.users.me()


def test_authorization_code_flow(base_url: str) -> None:
    with Client(base_url=base_url, client_id="demo-app", client_secret="demo-secret") as client:
        url, state = client.oauth.authorize_url("http://127.0.0.1/callback")
        assert url.startswith(f"{base_url}/auth/oauth2/authorize?")
        assert f"state={state}" in url and "client_id=demo-app" in url
        # the mock's authorize page logs in the given username and redirects with a code
        redirect = httpx.get(url + f"&username={ALICE}", follow_redirects=False)
        assert redirect.status_code in (302, 303, 307)
        query = parse_qs(urlsplit(redirect.headers["location"]).query)
        assert query["state"] == [state]
        token = client.oauth.exchange_code(
            query["code"][0], redirect_uri="http://127.0.0.1/callback"
        )
        assert client.token is token
        assert client.users.me().entity_id


@both_profiles
def test_explicit_login(client: Client) -> None:
    token = client.oauth.login()
    assert token.access_token and client.token is token
    assert "***" in repr(token) and token.access_token not in repr(token)


def test_a_stalled_token_endpoint_times_out_like_any_request() -> None:
    """The token request (an explicit login, or a renewal made on behalf of a call) carries
    the client's timeout: without it, httpx would wait for the token endpoint forever."""
    app = create_app(faults=Faults(latency_ms=3000, include_token_endpoint=True))
    with serve(app) as url:
        options: dict[str, Any] = {"base_url": url, "username": ALICE, "password": PASSWORD}
        with Client(timeout=0.2, max_retries=0, **options) as client:
            with pytest.raises(errors.APITimeoutError, match=r"POST .*/o/token"):
                client.oauth.login()
            # the token is fetched on the call's behalf (the call itself would time out too)
            with pytest.raises(errors.APITimeoutError, match=r"POST .*/o/token"):
                client.users.me()


def test_refresh_renews_now_and_reports_the_rotated_pair(base_url: str) -> None:
    seen: list[Token] = []
    with Client(
        base_url=base_url, username=ALICE, password=PASSWORD, token_updated=seen.append
    ) as client:
        first = client.oauth.login()
        renewed = client.oauth.refresh()
        assert renewed.access_token != first.access_token
        assert renewed.refresh_token and renewed.refresh_token != first.refresh_token
        assert client.token == renewed and seen == [first, renewed]
        assert client.users.me().emails  # the new pair works
    with (
        Client(base_url=base_url, token="static-token-only") as static,
        pytest.raises(errors.AuthenticationError, match="nothing to renew"),
    ):
        static.oauth.refresh()
