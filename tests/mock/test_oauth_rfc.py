"""OAuth as the RFCs say, in both kinds of server, over real HTTP: the code exchange repeats the
``redirect_uri`` (RFC 6749 §4.1.3), a replayed code revokes what it produced (§4.1.2), a
replayed refresh token revokes its family (OAuth 2.0 Security BCP) and refresh tokens expire.
Time is the app's clock, never the wall's."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from badgr_mock import BadgrMockApp
from badgr_mock.__main__ import _parser
from badgr_mock.faults import Faults
from badgr_mock.testing import serve

from .conftest import ALICE, BOB, strict_app
from .test_auth import FakeClock

SERVERS = ["documented", "badgr-server"]
REDIRECT_URI = "http://127.0.0.1/callback"
DEMO_APP = {"client_id": "demo-app", "client_secret": "demo-secret"}
DAY = 86400.0
#: a database written by the mock before token families existed (0.2.0), with one login of
#: alice's whose pair is below (a throwaway token of a throwaway database)
PREVIOUS_DATABASE = Path(__file__).parent / "data" / "store-0.2-tokens.sql"
PREVIOUS_ACCESS = "f4m00SMeV8FIIxQAjNVJtkYVJSxXx6qvGoK4ssqO"
PREVIOUS_REFRESH = "sZi7g8tG3NJ82EwVGZO9ZcH60ygZ2tuzeL5TO_i8"
PREVIOUS_EXPIRES_AT = 1796684945.7144041


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


class OAuthClient:
    """One mock over HTTP, with the few OAuth requests these tests make."""

    def __init__(self, http: httpx.Client, app: BadgrMockApp) -> None:
        self.http = http
        self.app = app

    def token(self, **form: str) -> httpx.Response:
        return self.http.post("/o/token", data=form)

    def login(self, user: str = ALICE) -> dict[str, Any]:
        response = self.token(username=user, password="badgr-demo")
        assert response.status_code == 200, response.text
        pair: dict[str, Any] = response.json()
        return pair

    def refresh(self, refresh_token: str, **client: str) -> httpx.Response:
        return self.token(grant_type="refresh_token", refresh_token=refresh_token, **client)

    def code(self, user: str = BOB) -> str:
        """A code from the test-only login route (the server is on loopback)."""
        response = self.http.get(
            "/auth/oauth2/authorize",
            params={"client_id": "demo-app", "redirect_uri": REDIRECT_URI, "username": user},
        )
        assert response.status_code == 302, response.text
        return parse_qs(urlsplit(response.headers["location"]).query)["code"][0]

    def exchange(self, code: str, **redirect: str) -> httpx.Response:
        return self.token(grant_type="authorization_code", code=code, **DEMO_APP, **redirect)

    def works(self, access_token: str) -> bool:
        response = self.http.get(
            "/v2/users/self",
            headers={"Authorization": f"Bearer {access_token}", "Accept": "application/json"},
        )
        assert response.status_code in (200, 401), response.text
        return response.status_code == 200


def refused(response: httpx.Response, server: str) -> None:
    """``invalid_grant``, as the OAuth library answers it in both kinds: JSON (§12)."""
    assert response.status_code == 400, response.text
    assert response.json()["error"] == "invalid_grant"
    assert response.headers["content-type"].startswith("application/json"), server


@pytest.fixture(params=SERVERS)
def server(request: pytest.FixtureRequest) -> str:
    kind: str = request.param
    return kind


def _over_http(app: BadgrMockApp) -> Iterator[OAuthClient]:
    with serve(app) as base_url, httpx.Client(base_url=base_url, timeout=10) as http:
        yield OAuthClient(http, app)
    assert app.strict_violations == []


@pytest.fixture
def oauth(server: str, clock: FakeClock) -> Iterator[OAuthClient]:
    yield from _over_http(strict_app(server=server, clock=clock, test_login_route=True))


def test_the_code_exchange_repeats_the_redirect_uri_exactly(
    oauth: OAuthClient, server: str
) -> None:
    code = oauth.code()
    refused(oauth.exchange(code), server)  # sent at authorize, so required here
    refused(oauth.exchange(code, redirect_uri=REDIRECT_URI + "/"), server)
    refused(oauth.exchange(code, redirect_uri=REDIRECT_URI.upper()), server)
    exchanged = oauth.exchange(code, redirect_uri=REDIRECT_URI)
    assert exchanged.status_code == 200, exchanged.text  # the refusals did not use it up


def test_a_replayed_code_is_refused_and_revokes_what_it_produced(
    oauth: OAuthClient, server: str
) -> None:
    other = oauth.login(BOB)  # the same user's other login is another family
    code = oauth.code(BOB)
    first = oauth.exchange(code, redirect_uri=REDIRECT_URI).json()
    rotated = oauth.refresh(first["refresh_token"], **DEMO_APP)
    second = rotated.json()
    assert rotated.status_code == 200 and oauth.works(second["access_token"])

    refused(oauth.exchange(code, redirect_uri=REDIRECT_URI), server)
    assert not oauth.works(second["access_token"])
    refused(oauth.refresh(second["refresh_token"], **DEMO_APP), server)
    assert oauth.works(other["access_token"])
    assert oauth.refresh(other["refresh_token"]).status_code == 200


def test_a_replayed_refresh_token_is_refused_and_revokes_its_family(
    oauth: OAuthClient, server: str
) -> None:
    other = oauth.login()
    first = oauth.login()
    second = oauth.refresh(first["refresh_token"]).json()
    third = oauth.refresh(second["refresh_token"]).json()  # rotation goes on working
    assert oauth.works(third["access_token"]) and not oauth.works(second["access_token"])

    refused(oauth.refresh(second["refresh_token"]), server)  # the one rotated away
    assert not oauth.works(third["access_token"])
    refused(oauth.refresh(third["refresh_token"]), server)
    assert oauth.works(other["access_token"])  # another login of alice's is untouched


def test_refresh_tokens_expire_on_the_apps_clock(server: str, clock: FakeClock) -> None:
    app = strict_app(server=server, clock=clock, token_ttl=60, refresh_token_ttl=int(10 * DAY))
    for oauth in _over_http(app):
        pair = oauth.login()
        clock.now += 10 * DAY - 1
        renewed = oauth.refresh(pair["refresh_token"])
        assert renewed.status_code == 200, renewed.text
        clock.now += 10 * DAY - 1  # the new refresh token's lifetime starts at its issue
        pair = oauth.refresh(renewed.json()["refresh_token"]).json()
        clock.now += 10 * DAY
        refused(oauth.refresh(pair["refresh_token"]), server)


def test_the_refresh_token_lifetime_is_a_setting_of_30_days_by_default() -> None:
    assert strict_app().settings.refresh_token_ttl == 30 * DAY
    parser = _parser(Faults())
    assert parser.parse_args([]).refresh_token_ttl == 30 * DAY
    assert parser.parse_args(["--refresh-token-ttl", "3600"]).refresh_token_ttl == 3600
    with pytest.raises(ValueError, match="refresh_token_ttl"):
        strict_app(refresh_token_ttl=0)


def test_a_database_of_the_previous_version_opens_and_keeps_its_tokens(tmp_path: Path) -> None:
    db = tmp_path / "previous.sqlite3"
    with sqlite3.connect(db) as connection:
        connection.executescript(PREVIOUS_DATABASE.read_text(encoding="utf-8"))
    connection.close()
    clock = FakeClock()
    clock.now = PREVIOUS_EXPIRES_AT - 60
    for oauth in _over_http(strict_app(db=str(db), clock=clock)):
        assert oauth.works(PREVIOUS_ACCESS)
        renewed = oauth.refresh(PREVIOUS_REFRESH)
        assert renewed.status_code == 200, renewed.text
        refused(oauth.refresh(PREVIOUS_REFRESH), "documented")  # a replay, as for new pairs
        assert not oauth.works(renewed.json()["access_token"])
        oauth.app.store.close()
    # opened again: the migration has nothing left to do
    for oauth in _over_http(strict_app(db=str(db), clock=clock)):
        assert oauth.works(oauth.login()["access_token"])
        oauth.app.store.close()
