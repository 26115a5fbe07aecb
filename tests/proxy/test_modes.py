"""The proxy's limits and strict mode, over real HTTP; URL rewriting across chunk boundaries."""

from __future__ import annotations

import json
import time
import tracemalloc
from pathlib import Path

import httpx
import pytest
from starlette.types import Receive, Scope, Send

from badgr_fuzz.demands import spec_of
from badgr_fuzz.proxy.judge import Judge
from badgr_fuzz.proxy.recorder import Recorder
from badgr_fuzz.proxy.server import Proxy, ProxySettings
from badgr_mock.rewrite import Rewriter
from badgr_mock.testing import serve
from scripts.hostile_server import MiB, hostile
from tests.proxy.conftest import ALICE, DRIFT, PASSWORD, PUBLIC, proxied


def _login(http: httpx.Client) -> None:
    form = {"username": ALICE, "password": PASSWORD, "scope": "rw:profile rw:issuer"}
    http.headers["Authorization"] = (
        "Bearer " + http.post("/o/token", data=form).json()["access_token"]
    )


def test_strict_mode_answers_a_502_naming_the_violation(tmp_path: Path) -> None:
    log = tmp_path / "proxy.ndjson"
    with (
        proxied(log, defects=["missing_field"], strict=True) as proxy,
        httpx.Client(base_url=proxy.url) as http,
    ):
        _login(http)
        body = {"name": "Strict", "email": ALICE, "url": "https://x.example"}
        made = http.post("/v2/issuers", json=body)
        assert made.status_code == 201
        assert made.json()["result"][0]["openBadgeId"].startswith(proxy.url)  # rewritten
        assert http.head("/v2/users/self").status_code == 200  # no body, as HEAD should
        broken = http.get(f"/v2/issuers/{made.json()['result'][0]['entityId']}")
    assert broken.status_code == 502
    described = broken.json()["status"]["description"]
    assert "GET /v2/issuers/{idOrEntityId}" in described
    assert "'entityId' is a required property at /result/0/entityId" in described


def test_answers_past_the_bound_are_cut_off_and_big_requests_refused(tmp_path: Path) -> None:
    log = tmp_path / "proxy.ndjson"
    with (
        proxied(log, max_response_bytes=300, max_request_bytes=1000) as proxy,
        httpx.Client(base_url=proxy.url) as http,
    ):
        _login(http)  # a token answer is under 300 bytes
        with pytest.raises(httpx.RemoteProtocolError):
            http.get("/v2/users/self")
        refused = http.post("/v2/issuers", json={"name": "x" * 2000})
        assert refused.status_code == 413
        records = proxy.records()
    assert [r["operation"] for r in records] == ["POST /o/token", "GET /v2/users/self"]
    assert records[1]["note"] == "the answer exceeds 300 bytes; cut off"
    assert records[1]["sections"] == ["defect"]


def test_an_answer_the_client_left_before_it_arrived_is_not_judged(tmp_path: Path) -> None:
    """A client that gives up before the body comes had no answer: recorded as such, without
    a finding (judging the short body would blame the server for a body it never sent short)."""
    log = tmp_path / "proxy.ndjson"
    with proxied(log) as proxy:
        with (
            httpx.Client(base_url=proxy.url, timeout=httpx.Timeout(30, read=0.3)) as hurried,
            pytest.raises(httpx.ReadTimeout),
        ):
            hurried.get("/v2/users/self", headers={DRIFT: "slow"})
        with httpx.Client(base_url=proxy.url) as http:
            assert http.get("/v2/users/self").status_code == 401  # a whole answer: judged
        records = proxy.records()
        for _ in range(200):  # the slow answer is recorded once the upstream has sent it
            if len(records) == 2:
                break
            time.sleep(0.05)
            records = proxy.records()
    gone = [r for r in records if r.get("client_gone")]
    assert len(gone) == 1 and gone[0]["problems"] == [] and gone[0]["status"] == 401
    assert gone[0]["sdk"] == "not checked"
    assert next(r for r in records if not r.get("client_gone"))["problems"] == []


def test_urls_are_rewritten_wherever_the_chunks_split_them() -> None:
    rewriter = Rewriter(["http://127.0.0.1:9", PUBLIC], "http://127.0.0.1:8010")
    body = (
        b'{"next": "https://public.badgr.test/v2/x?after=1", "self": "http://127.0.0.1:9",'
        b' "other": "https://public.badgr.test.evil/v2", "text": "HTTPS://PUBLIC.BADGR.TEST#a"}'
    )
    wanted = (
        b'{"next": "http://127.0.0.1:8010/v2/x?after=1", "self": "http://127.0.0.1:8010",'
        b' "other": "https://public.badgr.test.evil/v2", "text": "http://127.0.0.1:8010#a"}'
    )
    for first in range(len(body)):
        for second in (first, first + 7, first + 30):
            stream = rewriter.stream()
            parts = [body[:first], body[first:second], body[second:]]
            assert b"".join(stream.feed(p) for p in parts) + stream.flush() == wanted
    link = '<https://public.badgr.test/v2/x?after=1>; rel="next"'
    assert rewriter.header(link) == '<http://127.0.0.1:8010/v2/x?after=1>; rel="next"'


@pytest.mark.parametrize("path", ["/v2/bomb", "/v2/stacked"])
def test_a_gzip_bomb_from_the_upstream_is_cut_off_as_it_inflates(tmp_path: Path, path: str) -> None:
    """The proxy reads an answer as the SDK does, 1 KiB of compressed input at a time: the
    80 MiB bomb (80 KiB on the wire) is cut off at the bound, never inflated a read at once."""
    log = tmp_path / "proxy.ndjson"
    recorder = Recorder(Judge(spec_of("documented")), log)
    with (
        serve(hostile) as upstream,
        serve(Proxy(ProxySettings(upstream, max_response_bytes=MiB), recorder).app) as url,
    ):
        tracemalloc.start()
        try:
            with httpx.Client(base_url=url) as http, pytest.raises(httpx.RemoteProtocolError):
                http.get(path)
            recorder.flush()
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            recorder.close()
    assert peak < 16 * MiB  # decoded a network read at a time, one read of it is 64 MiB
    (record,) = [json.loads(line) for line in log.read_text().splitlines()]
    assert record["note"] == f"the answer exceeds {MiB} bytes; cut off"


async def _echo_raw_target(scope: Scope, receive: Receive, send: Send) -> None:
    """An upstream that answers with the request target exactly as it arrived."""
    target = scope["raw_path"] + (b"?" + scope["query_string"] if scope["query_string"] else b"")
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": target})


def test_the_target_is_forwarded_byte_for_byte(tmp_path: Path) -> None:
    """A proxy that decoded the path would turn an id's %2F into a separator and %25 into %."""
    recorder = Recorder(Judge(spec_of("documented")), tmp_path / "proxy.ndjson")
    target = "/v2/issuers/a%2Fb%25c%20d?q=%26x%3D1&e=%C3%A9"
    with (
        serve(_echo_raw_target) as upstream,
        serve(Proxy(ProxySettings(upstream), recorder).app) as url,
        httpx.Client(base_url=url) as http,
    ):
        assert http.get(target).text == target
        recorder.flush()
    recorder.close()
    (record,) = [json.loads(line) for line in (tmp_path / "proxy.ndjson").read_text().splitlines()]
    assert record["target"] == target
