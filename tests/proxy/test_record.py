"""`badgr proxy serve --record DIR`: each redacted exchange kept as a file of its own, over real
HTTP through the proxy in front of the mock; `check` and `suggest` read the folder."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from badgr_fuzz.demands import spec_of
from badgr_fuzz.proxy.cli import _parser, main
from badgr_fuzz.proxy.exchange import Exchange, to_record
from badgr_fuzz.proxy.har import read_traffic
from badgr_fuzz.proxy.judge import Judge, Problem, Verdict
from badgr_fuzz.proxy.recorder import Recorder
from badgr_fuzz.proxy.summary import findings_of
from tests.proxy.conftest import ALICE, PASSWORD, proxied

COOKIE = "s3cr3t-c00kie"


def _traffic(url: str) -> str:
    with httpx.Client(base_url=url, headers={"Cookie": f"sessionid={COOKIE}"}) as http:
        form = {"username": ALICE, "password": PASSWORD, "scope": "rw:profile rw:issuer"}
        token: str = http.post("/o/token", data=form).json()["access_token"]
        http.headers["Authorization"] = f"Bearer {token}"
        http.get("/v2/users/self")
        http.get("/v2/nowhere")
    return token


def test_each_exchange_kept_redacted_in_a_file_of_its_own(tmp_path: Path) -> None:
    kept, log = tmp_path / "kept", tmp_path / "proxy.ndjson"
    with proxied(log, record_dir=kept) as proxy:
        token = _traffic(proxy.url)
    names = sorted(f.name for f in kept.iterdir())
    assert names == [
        "000001-POST-o-token.json",
        "000002-GET-v2-users-self.json",
        "000003-GET-v2-nowhere.json",
    ]
    # the same records as the log, one line of JSON each, and no secret in any
    assert [(kept / n).read_text() for n in names] == log.read_text().splitlines(keepends=True)
    for name in names:
        text = (kept / name).read_text()
        for secret in (token, PASSWORD, COOKIE):
            assert secret not in text
    for source in (log, kept):
        out = tmp_path / f"{source.name}.checked.ndjson"
        assert main(["check", str(source), "--output", str(out)]) == 1  # the unknown operation
        assert [json.loads(line)["sections"] for line in out.open()] == [[], [], ["unknown"]]

    # a proxy started again on the same folder goes on after the last file
    with proxied(tmp_path / "again.ndjson", record_dir=kept) as proxy:
        httpx.get(f"{proxy.url}/v2/nowhere")
    assert sorted(f.name for f in kept.iterdir())[-1] == "000004-GET-v2-nowhere.json"


def test_the_record_option() -> None:
    args = _parser().parse_args(["serve", "https://api.example", "--record", "kept"])
    assert args.record == Path("kept")
    assert _parser().parse_args(["serve", "https://api.example"]).record is None


def test_a_credential_the_exchange_carries_is_scrubbed_wherever_it_is_quoted() -> None:
    """A schema error quotes the value it refused, and a server may echo a token in a field
    no pattern names: the exchange's own credentials are scrubbed from every written string."""
    token, cookie = "tok-9f8e7d6c5b4a", "c00kie-value-77"
    exchange = Exchange(
        "GET",
        f"/v2/users/self?echo={token}",
        {"authorization": f"Bearer {token}", "cookie": f"sessionid={cookie}"},
        b"",
        200,
        {"content-type": "application/json"},
        json.dumps({"result": [{"firstName": token, "note": cookie}]}).encode(),
    )
    exchange.upstream = ("https://proxy-user:pw-in-the-url@up.example",)
    verdict = Verdict("GET /v2/users/self", "get_self", sdk=f"fails: ValueError: {token}")
    verdict.problems.append(Problem("drift", "body", "/result/0", f"'{cookie}' is not valid"))
    record = to_record(exchange, verdict.to_json())
    written = json.dumps(record)
    assert token not in written and cookie not in written and "pw-in-the-url" not in written
    assert record["upstream"] == ["https://up.example"]
    assert written.count("[REDACTED]") >= 6


def test_records_read_back_whole_whatever_their_text_holds(tmp_path: Path) -> None:
    """A record is one line of JSON written with its characters as they are: a U+2028 in a
    body is not a line break, in a log or in a folder (read in numbered order)."""
    body = json.dumps({"result": [{"name": "one\u2028two"}]}, ensure_ascii=False).encode()
    exchanges = [Exchange("GET", f"/v2/issuers/i{n}", {}, b"", 200, {}, body) for n in range(1, 4)]
    recorder = Recorder(Judge(spec_of("documented")), tmp_path / "log.ndjson")
    recorder.record_dir = tmp_path / "kept"
    (tmp_path / "kept").mkdir()
    for exchange in exchanges:
        recorder.record(exchange)
    recorder.close()
    for source in (tmp_path / "log.ndjson", tmp_path / "kept"):
        read = list(read_traffic(source))
        assert [(e.target, e.response_body) for e in read] == [
            (e.target, e.response_body) for e in exchanges
        ]


def test_a_finding_comes_with_the_curl_that_sends_its_request_again() -> None:
    body = b'{"name": "Issuer one"}'
    exchange = Exchange(
        "POST", "/v2/issuers?x=1", {"content-type": "application/json"}, body, 500, {}, b""
    )
    verdict = Verdict("POST /v2/issuers", "create_issuer")
    verdict.problems.append(Problem("defect", "server error", "", "HTTP 500"))
    (finding,) = findings_of(to_record(exchange, verdict.to_json()))
    assert finding.reproduction == (
        "curl -X POST -H 'content-type: application/json'"
        """ -d '{"name": "Issuer one"}' '/v2/issuers?x=1'"""
    )
