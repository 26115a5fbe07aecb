"""Injected faults, the test-only defects, and strict response validation."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from badgr_mock import (
    BadgrMockApp,
    Faults,
    StrictModeViolation,
    create_app,
    defects_from_env,
    faults_from_env,
)
from badgr_mock.context import Reply
from badgr_mock.envelope import ErrorReply
from badgr_mock.handlers import HANDLERS
from badgr_mock.spec import default_spec_path, load_spec
from badgr_mock.strict import response_problems
from badgr_mock.testing import serve

from .conftest import ALICE, Api, strict_app


def _in_process(app: BadgrMockApp, *, raise_server_exceptions: bool = True) -> Iterator[Api]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

        client = TestClient(
            app,
            base_url="http://testserver",
            raise_server_exceptions=raise_server_exceptions,
            headers={"Accept": "application/json"},  # the badgr-server profile's default is LD
        )
    with client:
        yield Api(client, app)


# ---- faults -------------------------------------------------------------------------------------


def test_fail_rate_answers_503_with_retry_after_and_spares_logins() -> None:
    app = strict_app(faults=Faults(fail_rate=1.0))
    for api in _in_process(app):
        token = api.token()  # the token endpoint is spared by default
        response = api.client.get("/v2/issuers", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 503
        assert response.headers["retry-after"] == "1"
        assert response.json()["status"]["success"] is False
        app.faults.fail_rate = 0.0  # faults can be changed at run time
        assert api.call("GET", "/v2/issuers").status_code == 200


def test_rate_limit_answers_429_with_retry_after() -> None:
    app = strict_app(faults=Faults(rate_limit=0.5))
    for api in _in_process(app):
        token = api.token()
        statuses = [
            api.client.get("/v2/users/self", headers={"Authorization": f"Bearer {token}"})
            for _ in range(3)
        ]
        assert [response.status_code for response in statuses] == [200, 429, 429]
        assert statuses[1].headers["retry-after"] == "2"


def test_latency_is_added(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr("badgr_mock.app.asyncio.sleep", fake_sleep)
    app = strict_app(faults=Faults(latency_ms=250))
    for api in _in_process(app):
        api.ok("GET", "/v2/users/self")
    assert 0.25 in slept


@pytest.mark.timeout(60)
def test_dropped_connection_applies_the_request_but_loses_the_answer() -> None:
    app = strict_app(faults=Faults(drop_rate=1.0))
    with serve(app) as base_url, httpx.Client(base_url=base_url, timeout=10) as client:
        api = Api(client, app)
        headers = api.auth()
        with pytest.raises(httpx.TransportError):
            client.post(
                "/v2/issuers",
                headers=headers,
                json={"name": "Lost", "email": ALICE, "url": "https://lost.example"},
            )
        app.faults.drop_rate = 0.0
        names = [item["name"] for item in api.ok("GET", "/v2/issuers")["result"]]
        assert names == ["Lost"]


def test_dropped_connection_in_process_raises_a_transport_error() -> None:
    app = strict_app(faults=Faults(drop_rate=1.0))
    for api in _in_process(app):
        with pytest.raises(httpx.RemoteProtocolError):
            api.client.get("/v2/users/self", headers={"Authorization": f"Bearer {api.token()}"})


def test_faults_and_defects_from_env() -> None:
    faults = faults_from_env(
        {
            "BADGR_MOCK_LATENCY_MS": "5",
            "BADGR_MOCK_FAIL_RATE": "0.25",
            "BADGR_MOCK_RATE_LIMIT": "10",
            "BADGR_MOCK_DROP_RATE": "0.1",
        }
    )
    assert (faults.latency_ms, faults.fail_rate, faults.rate_limit, faults.drop_rate) == (
        5.0,
        0.25,
        10.0,
        0.1,
    )
    assert not faults_from_env({}).active
    env = {"BADGR_MOCK_DEFECTS": "ignore_auth, missing_field"}
    assert defects_from_env(env) == {"ignore_auth", "missing_field"}
    with pytest.raises(ValueError, match="fail_rate"):
        Faults(fail_rate=2)
    with pytest.raises(ValueError, match="unknown defects"):
        strict_app(defects={"no_such_defect"})


# ---- defects ------------------------------------------------------------------------------------


PROFILES = pytest.mark.parametrize("profile", ["documented", "badgr-server"])


def _defective(name: str, profile: str) -> Iterator[Api]:
    app = strict_app(defects={name}, server=profile)
    yield from _in_process(app, raise_server_exceptions=False)


def test_defects_are_off_by_default(api: Api) -> None:
    assert api.call("GET", "/v2/issuers", user=None).status_code == 401
    issuer = api.create_issuer()
    assert "entityId" in api.ok("GET", f"/v2/issuers/{issuer['entityId']}")["result"][0]
    assert api.call("GET", "/v2/issuers/missingIssuer0").status_code == 404


@PROFILES
def test_defect_server_error(profile: str) -> None:
    for api in _defective("server_error", profile):
        response = api.client.get("/v2/badgeclasses", params={"num": 501}, headers=api.auth())
        assert response.status_code == 500
        named = api.client.post(
            "/v2/issuers",
            headers=api.auth(),
            json={"name": "a\x00b", "email": ALICE, "url": "https://a.example"},
        )
        assert named.status_code == 500


@PROFILES
def test_defect_missing_field(profile: str) -> None:
    for api in _defective("missing_field", profile):
        issuer = api.create_issuer()
        body = api.ok("GET", f"/v2/issuers/{issuer['entityId']}")
        assert "entityId" not in body["result"][0]
        assert api.app.strict_violations == []  # defects are applied after validation


@PROFILES
def test_defect_delete_keeps_row(profile: str) -> None:
    for api in _defective("delete_keeps_row", profile):
        issuer = api.create_issuer()
        api.ok("DELETE", f"/v2/issuers/{issuer['entityId']}", 204)
        api.ok("GET", f"/v2/issuers/{issuer['entityId']}")


@PROFILES
def test_defect_ignore_auth(profile: str) -> None:
    for api in _defective("ignore_auth", profile):
        assert api.call("GET", "/v2/issuers", user=None).status_code == 200


@PROFILES
def test_defect_not_found_as_empty(profile: str) -> None:
    for api in _defective("not_found_as_empty", profile):
        body = api.ok("GET", "/v2/issuers/missingIssuer0")
        assert body["result"] == []


# ---- strict mode --------------------------------------------------------------------------------


def _broken_get_issuer(ctx: Any) -> Reply:
    return Reply(result=[{"entityType": "Issuer", "name": 42}])


def test_strict_mode_catches_a_wrong_response(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(HANDLERS, "get_issuer", _broken_get_issuer)
    app = strict_app()
    for api in _in_process(app):
        with pytest.raises(StrictModeViolation, match=r"get_issuer .*schema path"):
            api.client.get("/v2/issuers/anything", headers=api.auth())
    assert app.strict_violations
    for api in _in_process(strict_app(), raise_server_exceptions=False):
        response = api.client.get("/v2/issuers/anything", headers=api.auth())
        assert response.status_code == 500
        assert "get_issuer" in response.json()["status"]["description"]
    # Without strict mode the same response goes out unchecked.
    for api in _in_process(strict_app(strict=False)):
        assert api.call("GET", "/v2/issuers/anything").status_code == 200


def _list_with_link(link: str) -> Any:
    def handler(ctx: Any) -> Reply:
        return Reply(result=[], headers={"Link": link})

    return handler


@pytest.mark.parametrize(
    ("link", "accepted"),
    [
        ('<http://testserver/v2/issuers?num=1&after=X>; rel="next"', True),
        ('<http://a/x?after=1>; rel="next", <http://a/x?before=2>; rel="prev"', True),
        ("http://testserver/v2/issuers?after=X", False),
        ('<http://testserver/v2/issuers>; rel="last"', False),
    ],
)
def test_strict_mode_checks_declared_headers(
    monkeypatch: pytest.MonkeyPatch, link: str, accepted: bool
) -> None:
    monkeypatch.setitem(HANDLERS, "list_issuers", _list_with_link(link))
    app = strict_app()
    for api in _in_process(app, raise_server_exceptions=False):
        response = api.client.get("/v2/issuers", headers=api.auth())
        assert (response.status_code == 200) is accepted
    assert bool(app.strict_violations) is not accepted
    if not accepted:
        assert "header Link is malformed" in app.strict_violations[0]


def test_strict_mode_requires_retry_after_on_429(monkeypatch: pytest.MonkeyPatch) -> None:
    def throttled(ctx: Any) -> Reply:
        raise ErrorReply(429, "too many requests")

    monkeypatch.setitem(HANDLERS, "get_self", throttled)
    app = strict_app()
    for api in _in_process(app, raise_server_exceptions=False):
        assert api.client.get("/v2/users/self", headers=api.auth()).status_code == 500
    assert "header Retry-After is missing" in app.strict_violations[0]


def test_create_app_profile_is_the_deprecated_spelling_of_server() -> None:
    with pytest.warns(DeprecationWarning, match="use server="):
        app = create_app(":memory:", profile="badgr-server")
    assert app.settings.profile.name == "badgr-server"


def test_strict_mode_judges_a_page_by_the_schema_of_its_own_media_type() -> None:
    """badgr-server's 404 is also Django's HTML page (`text/html`: a string); JSON labelled
    text/html (its OAuth refusals) is judged by that media type's schema too."""
    spec = load_spec(default_spec_path("badgr-server.yaml"))
    issuer = spec.paths["/v2/issuers/{idOrEntityId}"]["GET"]
    page = "<!doctype html><title>Not Found</title>"
    assert response_problems(issuer, 404, page, {}, "text/html") == []
    assert response_problems(issuer, 404, {"error": "x"}, {}, "text/html") != []
    assert response_problems(issuer, 404, page, {}, "application/json") != []
    token = spec.paths["/o/token"]["POST"]
    refusal = {"error": "invalid client_id"}
    assert response_problems(token, 400, refusal, {}, "text/html") == []
    assert response_problems(token, 400, "<p>no</p>", {}, "text/html") != []
