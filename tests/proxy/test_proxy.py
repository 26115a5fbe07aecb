"""`badgr proxy` over real HTTP in front of the mock: healthy traffic is clean in both kinds of
server (pagination included, through an upstream whose public URL is not its address); planted
defects and drift are each reported once, in their section, with whether the SDK failed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from badgr import Client, Server
from badgr_fuzz.proxy import main
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


def test_planted_defects_and_drift_are_reported_once_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "proxy.ndjson"
    cookie = {"Cookie": "sessionid=s3cr3t-c00kie"}
    with (
        proxied(log, defects=["missing_field", "server_error"]) as proxy,
        httpx.Client(base_url=proxy.url, headers=cookie) as http,
    ):
        token = _drifting_traffic(http)
    records = proxy.records()
    issuer, me = "GET /v2/issuers/{idOrEntityId}", "GET /v2/users/self"
    assert _problems(records, "drift") == [
        (issuer, 200, "body", "/result/0/entityId"),
        (me, 200, "body", "/result/0/firstName"),
        (me, 200, "media type", ""),
        (me, 418, "status", ""),
    ]
    assert _problems(records, "defect") == [("POST /v2/issuers", 500, "server error", "")]
    assert _problems(records, "client") == [("GET /v2/issuers", 400, "parameter", "/num")]
    assert _problems(records, "unknown") == [("GET /v2/nowhere", 404, "operation", "")]
    sdk = {(r["operation"], r["status"]): r["sdk"] for r in records if r["problems"]}
    assert sdk[(issuer, 200)].startswith("fails: KeyError")  # the SDK would have failed
    assert sdk[(me, 200)].startswith("fails")  # the HTML page
    html = tmp_path / "report.html"
    assert main(["report", str(log), "--html", str(html)]) == 1
    shown = capsys.readouterr().out + html.read_text()
    for heading in ("Server defects (1)", "Conformance drift (4)", "Client errors (1)"):
        assert heading in shown
    assert "Unknown operations (1)" in shown
    written = log.read_text() + shown
    for secret in (token, PASSWORD, "s3cr3t-c00kie"):
        assert secret not in written
