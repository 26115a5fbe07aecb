"""`badgr proxy` over real HTTP in front of the mock: healthy traffic is clean in both kinds of
server (pagination included, through an upstream whose public URL is not its address); planted
defects and drift are each reported once, in their section, with whether the SDK failed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from badgr import Client, Server
from badgr_fuzz.demands import spec_of
from badgr_fuzz.proxy import main
from badgr_fuzz.proxy.exchange import Exchange
from badgr_fuzz.proxy.judge import Judge, Verdict
from tests.proxy.conftest import ALICE, DRIFT, PASSWORD, PUBLIC, proxied
from tests.sdk_seed import make_badge


@pytest.mark.parametrize("server", ["documented", "badgr-server"])
def test_the_sdk_through_the_proxy_finds_nothing(tmp_path: Path, server: Server) -> None:
    with (
        proxied(tmp_path / "proxy.ndjson", server) as proxy,
        Client(base_url=proxy.url, username=ALICE, password=PASSWORD, server=server) as client,
    ):
        issuer, badge = make_badge(client)
        for name in ("Rust", "Go"):
            make_badge(client, name)
        listed = [b.entity_id for b in client.badgeclasses.list(page_size=2)]
        assert badge in listed and len(listed) >= 3
        assert client.issuers.get(issuer).entity_id == issuer
    records = proxy.records()
    pages = [r for r in records if r["operation"] == "GET /v2/badgeclasses"]
    assert len(pages) >= 2  # the SDK followed the rewritten Link to the proxy, not to PUBLIC
    assert PUBLIC in pages[0]["response"]["headers"]["link"]
    assert [r for r in records if r["problems"]] == []
    assert {r["sdk"] for r in records if r["status"] < 300} == {"ok"}
    assert main(["report", str(proxy.log), "--server", server]) == 0


def _token(http: httpx.Client) -> str:
    form = {"username": ALICE, "password": PASSWORD, "scope": "rw:profile rw:issuer"}
    token: str = http.post("/o/token", data=form).json()["access_token"]
    return token


def _drifting_traffic(http: httpx.Client) -> str:
    """One exchange per planted case; returns the token used (it must appear nowhere)."""
    token = _token(http)
    http.headers["Authorization"] = f"Bearer {token}"
    body = {"name": "Drift", "email": ALICE, "url": "https://x.example"}
    made = http.post("/v2/issuers", json=body).json()["result"][0]["entityId"]
    http.get(f"/v2/issuers/{made}")  # missing_field: no entityId
    http.post("/v2/issuers", json={**body, "name": "bad\x00name"})  # server_error: a 500
    http.get("/v2/issuers", params={"num": "many"})  # the client breaks the spec
    http.get("/v2/nowhere")  # no such operation
    for kind in ("type", "status", "html"):
        http.get("/v2/users/self", headers={DRIFT: kind})
    return token


def _problems(records: list[dict[str, Any]], section: str) -> list[tuple[Any, ...]]:
    return sorted(
        (r["operation"], r["status"], p["part"], p["pointer"])
        for r in records
        for p in r["problems"]
        if p["section"] == section
    )


@dataclass
class Planted:
    log: Path
    token: str


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Planted:
    """One exchange per planted case, through the proxy, recorded once for this module."""
    log = tmp_path_factory.mktemp("planted") / "proxy.ndjson"
    cookie = {"Cookie": "sessionid=s3cr3t-c00kie"}
    with (
        proxied(log, defects=["missing_field", "server_error"]) as proxy,
        httpx.Client(base_url=proxy.url, headers=cookie) as http,
    ):
        return Planted(log, _drifting_traffic(http))


ISSUER, ME = "GET /v2/issuers/{idOrEntityId}", "GET /v2/users/self"
EXPECTED = {
    "drift": [
        (ISSUER, 200, "body", "/result/0/entityId"),
        (ME, 200, "body", "/result/0/firstName"),
        (ME, 200, "media type", ""),
        (ME, 418, "status", ""),
    ],
    "defect": [("POST /v2/issuers", 500, "server error", "")],
    "client": [("GET /v2/issuers", 400, "parameter", "/num")],
    "unknown": [("GET /v2/nowhere", 404, "operation", "")],
}


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_planted_defects_and_drift_are_reported_once_each(
    planted: Planted, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = _read(planted.log)
    assert {section: _problems(records, section) for section in EXPECTED} == EXPECTED
    sdk = {(r["operation"], r["status"]): r["sdk"] for r in records if r["problems"]}
    assert sdk[(ISSUER, 200)].startswith("fails: KeyError")  # the SDK would have failed
    assert sdk[(ME, 200)].startswith("fails")  # the HTML page
    html = tmp_path / "report.html"
    assert main(["report", str(planted.log), "--html", str(html)]) == 1
    shown = capsys.readouterr().out + html.read_text()
    for heading in ("Server defects (1)", "Conformance drift (4)", "Client errors (1)"):
        assert heading in shown
    assert "Unknown operations (1)" in shown
    coverage = "<td>GET /v2/users/self</td><td>3</td><td>200 x2, 418 x1</td><td>400, 401, 404, 429"
    assert coverage in shown  # seen, and declared but not seen
    written = planted.log.read_text() + shown
    for secret in (planted.token, PASSWORD, "s3cr3t-c00kie"):
        assert secret not in written


def _har(records: list[dict[str, Any]]) -> dict[str, Any]:
    """The recorded exchanges as a browser would export them (HAR 1.2)."""

    def headers(message: dict[str, Any]) -> list[dict[str, str]]:
        return [{"name": k, "value": v} for k, v in message["headers"].items()]

    entries = [
        {
            "request": {
                "method": r["method"],
                "url": f"https://proxy.example{r['target']}",
                "headers": headers(r["request"]),
                **({"postData": {"text": r["request"]["body"]}} if r["request"]["body"] else {}),
            },
            "response": {
                "status": r["status"],
                "headers": headers(r["response"]),
                "content": {"text": r["response"]["body"] or ""},
            },
        }
        for r in records
    ]
    return {"log": {"version": "1.2", "entries": entries}}


def test_recorded_traffic_is_checked_again_offline(planted: Planted, tmp_path: Path) -> None:
    har = tmp_path / "session.har"
    har.write_text(json.dumps(_har(_read(planted.log))))
    for recorded in (planted.log, har):
        output = tmp_path / f"{recorded.name}.checked.ndjson"
        assert main(["check", str(recorded), "--output", str(output)]) == 1
        checked = _read(output)
        assert {section: _problems(checked, section) for section in EXPECTED} == EXPECTED


@pytest.mark.parametrize("server", ["documented", "badgr-server"])
def test_the_oauth_authorization_page_is_known_not_judged(server: str) -> None:
    """The security scheme names it (`authorizationUrl`): a browser's page, not an operation."""
    judge = Judge(spec_of(server))

    def verdict(target: str) -> Verdict:
        return judge.judge(Exchange("GET", target, {}, b"", 302, {"location": "/x"}, b""))

    page = verdict("/auth/oauth2/authorize?client_id=c&response_type=code")
    assert page.problems == [] and page.operation.endswith("(OAuth authorization)")
    assert [p.section for p in verdict("/auth/oauth2/elsewhere").problems] == ["unknown"]


def test_a_page_served_as_text_is_judged_as_text() -> None:
    """badgr-server's routing 404 is an HTML page (`type: string`); one that reads as JSON
    ("42") is still a string, not the number JSON would make of it."""
    judge = Judge(spec_of("badgr-server"))
    page = Exchange("GET", "/v2/issuers/x", {}, b"", 404, {"content-type": "text/html"}, b"42")
    assert judge.judge(page).problems == []
