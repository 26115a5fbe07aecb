"""`python -m badgr_mock --recorded DIR`: the answers `badgr proxy serve --record DIR` kept,
served for the operations they cover, over real HTTP and in-process; the rest stays stateful."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from badgr import AsyncClient, Client, errors
from badgr_mock import BadgrMockApp, create_app
from badgr_mock.__main__ import _parser
from badgr_mock.faults import Faults
from badgr_mock.recorded import RecordingError
from badgr_mock.testing import run_subprocess, serve
from tests.proxy.conftest import ALICE, PASSWORD, PUBLIC, proxied

BOB = "bob@example.com"
NAMES = ("Alpha", "Beta", "Gamma")
#: a URL in a recorded body that is not the recorded server's, though its path is one of the
#: API's: it stays as it is (the records name the server they were recorded from)
ELSEWHERE = "https://academy.example/v2/issuers"
#: a value that must never reach a log or an error message
SECRET = "s3cr3t-never-printed"


@dataclass
class Recording:
    """A folder the proxy recorded, and what the SDK got through the proxy (URLs of the
    proxy written as BASE)."""

    folder: Path
    me: dict[str, Any] = field(default_factory=dict)
    created: list[dict[str, Any]] = field(default_factory=list)
    pages: list[list[dict[str, Any]]] = field(default_factory=list)
    one: dict[str, Any] = field(default_factory=dict)


def _plain(value: Any, base: str) -> Any:
    """A model (or list of them) as JSON with `base` written as BASE."""
    data = [v.to_dict() for v in value] if isinstance(value, list) else value.to_dict()
    return json.loads(json.dumps(data).replace(base, "BASE"))


def _record(folder: Path) -> Recording:
    recording = Recording(folder)
    with proxied(folder.parent / "proxy.ndjson", record_dir=folder) as proxy:
        anonymous = httpx.get(f"{proxy.url}/v2/users/self")  # 401: never served
        assert anonymous.status_code == 401
        assert httpx.get(f"{proxy.url}/v2/nowhere").status_code == 404  # no operation
        with Client(base_url=proxy.url, username=ALICE, password=PASSWORD) as client:
            recording.me = _plain(client.users.me(), proxy.url)
            for name in NAMES:
                made = client.issuers.create(name=name, email=ALICE, url=ELSEWHERE)
                recording.created.append(_plain(made, proxy.url))
            pager = client.issuers.list(page_size=2)
            recording.pages = [_plain(page.items, proxy.url) for page in pager.iter_pages()]
            first = recording.created[0]["entityId"]
            recording.one = _plain(client.issuers.get(first), proxy.url)
            with pytest.raises(errors.NotFoundError):
                client.issuers.get("missing")
        proxy.recorder.flush()  # every file written (the recorder writes after answering)
    return recording


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> Recording:
    return _record(tmp_path_factory.mktemp("recorded") / "kept")


def _app(folder: Path) -> BadgrMockApp:
    return create_app(recorded=folder, strict=True)


@pytest.fixture
def served(recording: Recording) -> Iterator[tuple[BadgrMockApp, str]]:
    app = _app(recording.folder)
    with serve(app) as url:
        yield app, url


def test_what_the_recording_holds(recording: Recording) -> None:
    names = sorted(f.name for f in recording.folder.iterdir())
    assert names == [
        "000001-GET-v2-users-self.json",
        "000002-GET-v2-nowhere.json",
        "000003-POST-o-token.json",
        "000004-GET-v2-users-self.json",
        "000005-POST-v2-issuers.json",
        "000006-POST-v2-issuers.json",
        "000007-POST-v2-issuers.json",
        "000008-GET-v2-issuers.json",
        "000009-GET-v2-issuers.json",
        "000010-GET-v2-issuers-idOrEntityId.json",
        "000011-GET-v2-issuers-idOrEntityId.json",
    ]
    assert len(recording.pages) == 2  # the list's pages are joined by a Link


def test_the_sdk_gets_the_recorded_answers_over_http(
    recording: Recording, served: tuple[BadgrMockApp, str]
) -> None:
    app, url = served
    assert app.recordings is not None
    assert app.recordings.covered == {
        "get_self",
        "create_issuer",
        "list_issuers",
        "get_issuer",
    }
    assert PUBLIC in app.recordings.origins
    assert not any("academy" in origin for origin in app.recordings.origins)
    with Client(base_url=url, username=ALICE, password=PASSWORD) as client:  # a real login
        assert _plain(client.users.me(), url) == recording.me
        made = [
            client.issuers.create(name="any", email=ALICE, url="https://y.example")
            for _ in range(len(NAMES) + 1)
        ]
        # in recorded order, one per request, the last one repeated
        assert [_plain(m, url) for m in made] == [*recording.created, recording.created[-1]]
        pager = client.issuers.list(page_size=2)
        assert [_plain(page.items, url) for page in pager.iter_pages()] == recording.pages
        assert _plain(client.issuers.get(recording.created[0]["entityId"]), url) == recording.one
        with pytest.raises(errors.NotFoundError):
            client.issuers.get("missing")
        raw = client.with_raw_response.issuers.list(page_size=2)
    # the recorded Link, pointing at the mock; the recorded date and server are not served
    assert raw.headers["link"].startswith(f"<{url}/v2/issuers?")
    assert raw.headers["content-type"] == "application/json"
    assert len(raw.headers.get_list("date")) == len(raw.headers.get_list("server")) == 1
    assert PUBLIC not in raw.http_response.text
    assert ELSEWHERE in raw.http_response.text
    assert app.strict_violations == []


def test_uncovered_operations_stay_stateful_and_requests_are_still_judged(
    recording: Recording, served: tuple[BadgrMockApp, str]
) -> None:
    _, url = served
    with Client(base_url=url, username=BOB, password=PASSWORD) as client:
        # the recorded answer ignores whose credentials they are: bob gets alice's
        assert _plain(client.users.me(), url) == recording.me
        updated = client.users.update_me(first_name="Robert")  # not recorded: stateful
        assert updated.first_name == "Robert"
        assert client.badgeclasses.list().to_list() == []
        assert client.backpack.assertions.list().to_list() == []
        assert _plain(client.users.me(), url)["firstName"] == "Alice"  # still the recording
    with httpx.Client(base_url=url) as http:
        assert http.get("/v2/users/self").status_code == 401  # recorded 200s need a token
        bearer = {"Authorization": "Bearer not-a-token"}
        assert http.get("/v2/users/self", headers=bearer).status_code == 401
        token = http.post("/o/token", data={"username": ALICE, "password": PASSWORD}).json()
        valid = {"Authorization": f"Bearer {token['access_token']}"}
        refused = http.get("/v2/issuers", params={"num": "abc"}, headers=valid)
        assert refused.status_code == 400  # the mock's own validation, not a recording
        assert "num" in refused.json()["fieldErrors"]


async def test_the_best_match_in_recorded_order_in_process(recording: Recording) -> None:
    app = _app(recording.folder)
    transport = httpx.ASGITransport(app)
    base = "http://testserver"
    first, second = (p[0]["entityId"] for p in recording.pages)
    async with httpx.AsyncClient(base_url=base, transport=transport) as http:
        form = {"username": ALICE, "password": PASSWORD}
        token = (await http.post("/o/token", data=form)).json()["access_token"]
        http.headers["Authorization"] = f"Bearer {token}"
        # the first answer is the recorded 200: the 401 recorded before it answered no token
        me = await http.get("/v2/users/self")
        assert me.status_code == 200
        assert me.json()["result"][0]["entityId"] == recording.me["entityId"]
        # same path, another query: the two recorded pages in order, the last repeated
        pages = [await http.get("/v2/issuers", params={"num": 5}) for _ in range(3)]
        assert [p.json()["result"][0]["entityId"] for p in pages] == [first, second, second]
        assert pages[0].headers["link"].startswith(f"<{base}/v2/issuers?")
    async with AsyncClient(base_url=base, token=token, transport=transport) as client:
        # same operation, another path: the recorded GET issuer answers in order, then the last
        found = [await _get_or_404(client, "another") for _ in range(3)]
        assert found == [recording.one["entityId"], 404, 404]
        # the exact target still has its own record
        assert (await client.issuers.get(recording.created[0]["entityId"])).name == NAMES[0]
        # the walk of the recorded session replays exactly, whatever came before
        names = [i.name async for i in client.issuers.list(page_size=2)]
        assert names == [i["name"] for page in recording.pages for i in page]


async def _get_or_404(client: AsyncClient, issuer: str) -> str | int:
    try:
        return (await client.issuers.get(issuer)).entity_id
    except errors.NotFoundError as error:
        return error.status_code


def test_the_command_line_serves_a_recording(recording: Recording) -> None:
    with (
        run_subprocess(extra_args=["--recorded", str(recording.folder)]) as mock,
        Client(base_url=mock.base_url, username=ALICE, password=PASSWORD) as client,
    ):
        assert _plain(client.users.me(), mock.base_url) == recording.me
        names = [i.name for i in client.issuers.list(page_size=2)]
    assert names == [i["name"] for page in recording.pages for i in page]
    helped = _parser(Faults()).format_help()
    assert "--recorded DIR" in helped
    assert "stateful" in helped


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "badgr_mock", "--db", ":memory:", "--port", "0", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_bad_recordings_are_one_line_at_startup(recording: Recording, tmp_path: Path) -> None:
    missing = _cli("--recorded", str(tmp_path / "nowhere"))
    assert missing.returncode == 2
    assert missing.stderr.strip().splitlines() == [
        f"badgr-mock: --recorded: {tmp_path / 'nowhere'}: no such folder or file"
    ]
    broken = tmp_path / "broken"
    shutil.copytree(recording.folder, broken)
    (broken / "000004-GET-v2-users-self.json").write_text('{"method": "GET", "target": "' + SECRET)
    answer = _cli("--recorded", str(broken))
    assert answer.returncode == 2
    lines = answer.stderr.strip().splitlines()
    assert lines[-1].startswith("badgr-mock: --recorded: 000004-GET-v2-users-self.json: not JSON")
    assert "Traceback" not in answer.stderr
    assert SECRET not in answer.stderr + answer.stdout


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"status": "200"},
            "000004-GET-v2-users-self.json: not a record of `badgr proxy` ('status'",
        ),
        ({"response": {"body": "!", "base64": True}}, "its response body is not base64"),
        (
            {"response": {"headers": {"link": "<x>\r\nSet-Cookie: a=b"}}},
            "the recorded link header cannot be sent",
        ),
    ],
)
def test_malformed_records_name_their_file(
    recording: Recording, tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(recording.folder, broken)
    target = broken / "000004-GET-v2-users-self.json"
    target.write_text(json.dumps({**json.loads(target.read_text()), **change}))
    with pytest.raises(RecordingError) as refused:
        _app(broken)
    assert message in str(refused.value)
    assert "\n" not in str(refused.value)


def test_records_it_cannot_serve_are_warnings_naming_the_file(
    recording: Recording, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="badgr_mock")
    _app(recording.folder)
    said = {r.getMessage().split(":")[0]: r.levelno for r in caplog.records}
    assert said == {
        "000001-GET-v2-users-self.json": logging.WARNING,  # answered no credentials
        "000002-GET-v2-nowhere.json": logging.WARNING,  # no such operation
        "000003-POST-o-token.json": logging.INFO,  # logins are the mock's own
    }
    assert "GET /v2/nowhere is no operation" in caplog.text
    # nothing servable, or nothing at all: an error
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(RecordingError, match="no records in it"):
        _app(empty)
    unservable = tmp_path / "unservable"
    unservable.mkdir()
    for name in ("000001-GET-v2-users-self.json", "000002-GET-v2-nowhere.json"):
        shutil.copy(recording.folder / name, unservable / name)
    with pytest.raises(RecordingError, match="none of its 2 records"):
        _app(unservable)


def test_the_proxy_log_serves_as_well(recording: Recording) -> None:
    app = _app(recording.folder.parent / "proxy.ndjson")
    assert app.recordings is not None
    assert app.recordings.answers[0].source == "proxy.ndjson line 4"
    kept = _app(recording.folder).recordings
    assert kept is not None
    assert app.recordings.covered == kept.covered


def test_a_badgr_server_feed_pages_through_its_body_on_the_mock(tmp_path: Path) -> None:
    """No Link here: the next page's URL is in the body (`pagination.nextResults`), and the
    recorded server's origin is learnt from it."""
    folder, server = tmp_path / "kept", "badgr-server"

    def login(url: str) -> Client:
        return Client(base_url=url, username=ALICE, password=PASSWORD, server="badgr-server")

    with (
        proxied(tmp_path / "proxy.ndjson", server=server, record_dir=folder) as proxy,
        login(proxy.url) as client,
    ):
        for name in NAMES:
            client.issuers.create(name=name, email=ALICE, url=ELSEWHERE)
        walk = client.issuers.changed(page_size=2).iter_pages()
        pages = [[i.name for i in page.items] for page in walk]
        proxy.recorder.flush()
    assert len(pages) == 2
    app = create_app(server=server, recorded=folder, strict=True)
    assert app.recordings is not None
    assert PUBLIC in app.recordings.origins
    assert not any("academy" in origin for origin in app.recordings.origins)
    with serve(app) as url, login(url) as client:
        replayed = client.issuers.changed(page_size=2).iter_pages()
        assert [[i.name for i in p.items] for p in replayed] == pages
