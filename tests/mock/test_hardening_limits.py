"""Nobody can stall or exhaust the mock: checked on a real ``python -m badgr_mock`` process.

These tests assert on memory, counts and whether a request is answered, never on durations.
Short limits are set through the CLI flags so the whole module runs in well under a minute; the
generous deadlines below only stop a broken server from hanging the suite.
"""

from __future__ import annotations

import logging
import resource
import selectors
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from urllib.parse import urlsplit

import httpx
import pytest

from badgr_mock.testing import MockProcess, password_token, run_subprocess, serve

from .conftest import strict_app

HEADER_TIMEOUT = "2"
QUICK = ["--header-timeout", HEADER_TIMEOUT, "--timeout-keep-alive", "1", "--body-timeout", "2"]
MiB = 1024 * 1024
#: Only for a broken server: how long to wait before a test gives up.
GIVE_UP_SECONDS = 60.0


def _rss_bytes(mock: MockProcess) -> int:
    with open(f"/proc/{mock.process.pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


def _address(mock: MockProcess) -> tuple[str, int]:
    parts = urlsplit(mock.base_url)
    assert parts.hostname and parts.port
    return parts.hostname, parts.port


def _connect(mock: MockProcess) -> socket.socket:
    return socket.create_connection(_address(mock), timeout=GIVE_UP_SECONDS)


def _head(method: str, path: str, length: int, token: str | None = None, **extra: str) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json"]
    lines.append(f"Content-Length: {length}")
    if token:
        lines.append(f"Authorization: Bearer {token}")
    lines.extend(f"{name}: {value}" for name, value in extra.items())
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _status_line(sock: socket.socket) -> str:
    received = b""
    while b"\r\n" not in received:
        chunk = sock.recv(4096)
        if not chunk:
            break
        received += chunk
    return received.split(b"\r\n", 1)[0].decode()


def _answers(mock: MockProcess, token: str) -> bool:
    """A normal request on a new connection gets its 200."""
    response = httpx.get(
        f"{mock.base_url}/v2/users/self",
        headers={"Authorization": f"Bearer {token}"},
        timeout=GIVE_UP_SECONDS,
    )
    return response.status_code == 200


def _token(mock: MockProcess) -> str:
    with httpx.Client(base_url=mock.base_url, timeout=GIVE_UP_SECONDS) as client:
        return password_token(client)


def _closed_by_server(sockets: list[socket.socket]) -> int:
    """Wait until the server has closed each socket (EOF or reset); returns how many it did."""
    selector = selectors.DefaultSelector()
    for sock in sockets:
        sock.setblocking(False)
        selector.register(sock, selectors.EVENT_READ, data=sock)
    closed = 0
    deadline = time.monotonic() + GIVE_UP_SECONDS
    while closed < len(sockets) and time.monotonic() < deadline:
        for key, _ in selector.select(timeout=1.0):
            sock = key.data
            try:
                data = sock.recv(4096)
            except ConnectionError:
                data = b""
            if not data:
                selector.unregister(sock)
                closed += 1
    selector.close()
    return closed


@contextmanager
def _own_file_limit(wanted: int) -> Iterator[None]:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < wanted:
        pytest.skip(f"needs {wanted} open files, the hard limit is {hard}")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, wanted), hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_stalled_anonymous_uploads_leave_memory_alone() -> None:
    with _own_file_limit(1024), run_subprocess(extra_args=QUICK) as mock:
        token = _token(mock)
        before = _rss_bytes(mock)
        uploads = []
        for index in range(200):
            # Secured routes refuse before reading; the token endpoint caps anonymous bodies.
            path = "/o/token" if index % 4 == 0 else "/v2/issuers"
            sock = _connect(mock)
            # The server may answer and hang up before all is sent: also fine.
            with suppress(ConnectionError):
                sock.sendall(_head("POST", path, 4 * MiB) + b"x" * (4 * MiB - 1024))
            uploads.append(sock)
        assert _answers(mock, token)
        during = _rss_bytes(mock)
        for sock in uploads:
            sock.close()
        assert _answers(mock, token)
        after = _rss_bytes(mock)
    assert during - before < 100 * MiB
    assert after - before < 100 * MiB


def test_idle_connections_are_closed_and_service_goes_on_under_ulimit_1024() -> None:
    with (
        _own_file_limit(1200),
        run_subprocess(extra_args=QUICK, file_limit=1024) as mock,
    ):
        token = _token(mock)
        idle: list[socket.socket] = []
        unanswered = 0
        for index in range(1000):
            idle.append(_connect(mock))
            if index % 100 == 99 and not _answers(mock, token):
                unanswered += 1
        assert unanswered == 0
        assert _closed_by_server(idle) == 1000
        assert _answers(mock, token)
        for sock in idle:
            sock.close()


def test_past_the_cap_of_busy_connections_new_ones_get_503_with_retry_after() -> None:
    extra = [*QUICK, "--max-connections", "3", "--body-timeout", "30"]
    with run_subprocess(extra_args=extra) as mock:
        token = _token(mock)
        busy = []
        for _ in range(3):
            sock = _connect(mock)
            # The server says "100 Continue" once the app waits for the body: the slot is busy.
            sock.sendall(_head("POST", "/v2/issuers", 100, token, Expect="100-continue"))
            assert _status_line(sock) == "HTTP/1.1 100 Continue"
            busy.append(sock)
        refused = httpx.get(f"{mock.base_url}/v2/users/self", timeout=GIVE_UP_SECONDS)
        assert refused.status_code == 503
        assert refused.headers["retry-after"] == "1"
        assert refused.json()["status"]["success"] is False
        for sock in busy:
            sock.close()

        # Idle connections make room: the oldest is closed for a newcomer.
        deadline = time.monotonic() + GIVE_UP_SECONDS
        while not _answers(mock, token):
            assert time.monotonic() < deadline
            time.sleep(0.1)
        idle = [_connect(mock) for _ in range(3)]
        assert _answers(mock, token)
        assert _closed_by_server(idle[:1]) == 1
        for sock in idle:
            sock.close()


def test_stalled_uploads_with_a_token_share_a_bounded_budget() -> None:
    # The demo passwords are published, so a token is no reason to hold unbounded memory.
    extra = [*QUICK, "--body-timeout", "30", "--body-bytes-in-flight", str(8 * MiB)]
    with run_subprocess(extra_args=extra) as mock:
        token = _token(mock)
        stalled = []
        for _ in range(2):
            sock = _connect(mock)
            sock.sendall(_head("POST", "/v2/issuers", 4 * MiB, token, Expect="100-continue"))
            assert _status_line(sock) == "HTTP/1.1 100 Continue"
            stalled.append(sock)
        refused = httpx.post(
            f"{mock.base_url}/v2/issuers",
            json={"name": "A", "email": "alice@example.com", "url": "https://a.example"},
            headers={"Authorization": f"Bearer {token}"},
            timeout=GIVE_UP_SECONDS,
        )
        assert refused.status_code == 503 and refused.headers["retry-after"] == "1"
        assert refused.json()["status"]["success"] is False
        assert _answers(mock, token)
        for sock in stalled:
            sock.close()
        deadline = time.monotonic() + GIVE_UP_SECONDS
        while True:
            created = httpx.post(
                f"{mock.base_url}/v2/issuers",
                json={"name": "A", "email": "alice@example.com", "url": "https://a.example"},
                headers={"Authorization": f"Bearer {token}"},
                timeout=GIVE_UP_SECONDS,
            )
            if created.status_code == 201:
                break
            assert created.status_code == 503 and time.monotonic() < deadline
            time.sleep(0.1)


def test_a_promised_body_that_never_comes_is_answered_408() -> None:
    with run_subprocess(extra_args=QUICK) as mock:
        token = _token(mock)
        for path, auth in (("/v2/issuers", token), ("/o/token", None)):
            sock = _connect(mock)
            sock.sendall(_head("POST", path, 100, auth) + b'{"name":')
            assert _status_line(sock) == "HTTP/1.1 408 Request Timeout"
            sock.close()
        assert _answers(mock, token)


def test_a_million_item_revoke_is_refused_while_others_are_served() -> None:
    public_url = "https://badges.example.org"
    with run_subprocess(extra_args=[*QUICK, "--public-url", public_url]) as mock:
        token = _token(mock)
        auth = {"Authorization": f"Bearer {token}"}
        huge = b"[" + b",".join([b"{}"] * 1_000_000) + b"]"
        answers: list[httpx.Response] = []

        def revoke() -> None:
            answers.append(
                httpx.post(
                    f"{mock.base_url}/v2/assertions/revoke",
                    content=huge,
                    headers={**auth, "Content-Type": "application/json"},
                    timeout=GIVE_UP_SECONDS,
                )
            )

        sender = threading.Thread(target=revoke)
        sender.start()
        assert _answers(mock, token)
        sender.join(GIVE_UP_SECONDS)
        assert answers and answers[0].status_code == 400
        assert len(answers[0].content) < 1024

        # --public-url: links name the public host, whatever Host the request carried.
        created = httpx.post(
            f"{mock.base_url}/v2/issuers",
            json={"name": "A", "email": "alice@example.com", "url": "https://a.example"},
            headers={**auth, "Host": "attacker.example"},
            timeout=GIVE_UP_SECONDS,
        )
        assert created.json()["result"][0]["openBadgeId"].startswith(f"{public_url}/public/")


def test_a_dropped_upload_is_one_info_line(caplog: pytest.LogCaptureFixture) -> None:
    app = strict_app()
    with serve(app) as base_url, httpx.Client(base_url=base_url) as client:
        token = password_token(client)
        caplog.set_level(logging.INFO)
        parts = urlsplit(base_url)
        assert parts.hostname and parts.port
        sock = socket.create_connection((parts.hostname, parts.port))
        sock.sendall(_head("POST", "/v2/issuers", 1000, token) + b'{"name": "half')
        time.sleep(0.2)  # let the app start reading the body
        sock.close()
        deadline = time.monotonic() + GIVE_UP_SECONDS
        while not [r for r in caplog.records if "disconnected" in r.getMessage()]:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        after = client.get("/v2/users/self", headers={"Authorization": f"Bearer {token}"})
        assert after.status_code == 200  # the server still answers
    mentions = [r for r in caplog.records if "disconnected" in r.getMessage()]
    assert [r.levelno for r in mentions] == [logging.INFO]
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info]
