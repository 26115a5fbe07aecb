"""Token revocation (RFC 7009) as badgr-server offers it, ``POST /o/revoke_token/``, over real
HTTP; the documented kind of server has no such route."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from badgr_mock.faults import Faults
from badgr_mock.testing import serve

from .conftest import ALICE, strict_app

REVOKE = "/o/revoke_token/"


class Server:
    def __init__(self, http: httpx.Client) -> None:
        self.http = http

    def login(self, **client: str) -> dict[str, Any]:
        form = {"username": ALICE, "password": "badgr-demo", **client}
        response = self.http.post("/o/token", data=form)
        assert response.status_code == 200, response.text
        pair: dict[str, Any] = response.json()
        return pair

    def revoke(self, token: str, **form: str) -> httpx.Response:
        return self.http.post(REVOKE, data={"token": token, "client_id": "public", **form})

    def refresh(self, refresh_token: str) -> int:
        form = {"grant_type": "refresh_token", "refresh_token": refresh_token}
        return self.http.post("/o/token", data=form).status_code

    def works(self, access_token: str) -> bool:
        headers = {"Authorization": f"Bearer {access_token}", "Accept": "application/json"}
        status = self.http.get("/v2/users/self", headers=headers).status_code
        assert status in (200, 401)
        return status == 200


def _serve(server: str) -> Iterator[Server]:
    app = strict_app(server=server)
    with serve(app) as base_url, httpx.Client(base_url=base_url, timeout=10) as http:
        yield Server(http)
    assert app.strict_violations == []


@pytest.fixture
def badgr_server() -> Iterator[Server]:
    yield from _serve("badgr-server")


def revoked(response: httpx.Response) -> None:
    assert response.status_code == 200, response.text
    assert response.content == b""


def test_a_revoked_refresh_token_takes_its_access_token_with_it(badgr_server: Server) -> None:
    pair, other = badgr_server.login(), badgr_server.login()
    revoked(badgr_server.revoke(pair["refresh_token"], token_type_hint="refresh_token"))
    assert not badgr_server.works(pair["access_token"])
    assert badgr_server.refresh(pair["refresh_token"]) == 400
    assert badgr_server.works(other["access_token"])  # another login stays
    revoked(badgr_server.revoke(pair["refresh_token"]))  # again: still 200 (RFC 7009 §2.2)


def test_a_revoked_access_token_leaves_its_refresh_token(badgr_server: Server) -> None:
    pair = badgr_server.login()
    revoked(badgr_server.revoke(pair["access_token"]))
    assert not badgr_server.works(pair["access_token"])
    assert badgr_server.refresh(pair["refresh_token"]) == 200  # as django-oauth-toolkit


def test_unknown_tokens_answer_200_and_refusals_are_oauth_errors(badgr_server: Server) -> None:
    revoked(badgr_server.revoke("not-a-token-of-this-server"))
    pair = badgr_server.login(client_id="demo-app", client_secret="demo-secret")
    other_client = badgr_server.revoke(pair["access_token"])  # as the public client
    assert other_client.status_code == 400, other_client.text
    assert other_client.json()["error"] == "unauthorized_client"
    wrong_secret = badgr_server.revoke(pair["access_token"], client_id="demo-app")
    assert wrong_secret.json() == {"error": "invalid client_secret"}
    assert badgr_server.works(pair["access_token"])
    for refused in (
        badgr_server.http.post(REVOKE, data={"client_id": "public"}),
        badgr_server.http.post(f"{REVOKE}?token={pair['access_token']}", data={"token": "x"}),
    ):
        assert refused.status_code == 400 and refused.json()["error"] == "invalid_request"
        # an RFC 6749 error, as the OAuth library answers it: JSON (§12)
        assert refused.headers["content-type"].startswith("application/json")
    assert badgr_server.works(pair["access_token"])


def test_only_the_slashed_route_revokes_and_nothing_answers_500(badgr_server: Server) -> None:
    pair = badgr_server.login()
    unslashed = badgr_server.http.post("/o/revoke_token", data={"token": pair["access_token"]})
    assert unslashed.status_code == 404 and "text/html" in unslashed.headers["content-type"]
    assert badgr_server.http.get(REVOKE).status_code == 405
    assert badgr_server.works(pair["access_token"])


def test_the_documented_kind_has_no_revocation_route() -> None:
    for documented in _serve("documented"):
        pair = documented.login()
        for path in (REVOKE, REVOKE.rstrip("/")):
            answer = documented.http.post(path, data={"token": pair["access_token"]})
            assert answer.status_code == 404 and answer.json()["status"]["success"] is False
        assert documented.works(pair["access_token"])


def test_faults_spare_revocation_as_they_spare_logins() -> None:
    """A flaky API must not make logging out flaky either: the OAuth endpoints are spared."""
    app = strict_app(server="badgr-server", faults=Faults(fail_rate=1.0))
    with serve(app) as base_url, httpx.Client(base_url=base_url, timeout=10) as http:
        server = Server(http)
        pair = server.login()
        revoked(server.revoke(pair["access_token"]))
        assert http.get("/v2/users/self").status_code == 503  # the API itself fails
