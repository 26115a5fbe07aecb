"""Fixtures: the mock (the upstream, its public URL not its listening address, defects planted
on demand, drift added per request) and the proxy in front of it, both over real HTTP."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from badgr_fuzz.demands import spec_of
from badgr_fuzz.proxy.judge import Judge
from badgr_fuzz.proxy.recorder import Recorder
from badgr_fuzz.proxy.sdk import sdk_check
from badgr_fuzz.proxy.server import Proxy, ProxySettings
from badgr_mock.app import create_app
from badgr_mock.testing import serve

#: the URL the upstream writes into its links; it listens elsewhere (127.0.0.1:<port>)
PUBLIC = "https://public.badgr.test"
ALICE = "alice@example.com"
PASSWORD = "badgr-demo"
#: the header that asks `drifting` to change one answer
DRIFT = "x-test-drift"
#: how long `slow` holds an answer's body back
SLOW_BODY_SECONDS = 2.0


@dataclass
class Proxied:
    url: str
    log: Path
    recorder: Recorder

    def records(self) -> list[dict[str, Any]]:
        """Every record so far: the exchanges answered are all judged and written first."""
        self.recorder.flush()
        return [json.loads(line) for line in self.log.read_text().splitlines()]


#: non-JSON pages: kind -> (status, media type, body)
PAGES: dict[bytes, tuple[int, bytes, bytes]] = {
    b"html": (200, b"text/html; charset=utf-8", b"<!doctype html><title>Maintenance</title>"),
    b"html503": (503, b"text/html; charset=utf-8", b"<!doctype html><title>Back soon</title>"),
    b"html403": (403, b"text/html; charset=utf-8", b"<!doctype html><title>Blocked</title>"),
    b"plain429": (429, b"text/plain", b"Too many requests, slow down"),
}
#: what `badformat` sends: a timestamp without a zone, a user's URL and e-mail address that
#: tests/proxy/test_suggest.py's stricter spec refuses (a `pattern`, `format: email`)
NO_ZONE = "2026-01-01T10:00:00"
BAD_URL = "www.example.org/alice"
BAD_EMAIL = "alice.at.example.com"


def _drift_json(kind: bytes, document: dict[str, Any]) -> None:
    user = document["result"][0]
    if kind == b"type":
        user["firstName"] = 12345
    elif kind == b"extra":  # an undeclared field, in the envelope and in the user
        document["servedBy"] = "edge-7"
        user["observedOnly"] = {"since": "2026-01-01", "tags": ["a", "b"], "n": 2}
    elif kind == b"null":  # nulls: a boolean, and a field declared by a $ref
        user["hasPasswordSet"] = None
        user["recipient"] = None
    elif kind == b"badformat":
        document["timestamp"] = NO_ZONE
        user["url"] = [BAD_URL]
        user["emails"][0]["email"] = BAD_EMAIL
    else:  # missing: a required field left out
        del user["entityId"]


def _drift(kind: bytes, start: Message, body: bytes) -> tuple[Message, bytes]:
    """One answer made to break the spec: a wrong type, an extra field, nulls, a value off its
    format or pattern, a required field missing, an undeclared status, a page that is not JSON
    (`PAGES`)."""
    headers = [(k, v) for k, v in start["headers"] if k not in (b"content-length",)]
    if kind in (b"type", b"extra", b"null", b"badformat", b"missing"):
        document = json.loads(body)
        _drift_json(kind, document)
        body = json.dumps(document).encode()
    elif kind == b"status":
        start = {**start, "status": 418}
    elif kind in PAGES:
        status, media_type, body = PAGES[kind]
        start = {**start, "status": status}
        headers = [(k, v) for k, v in headers if k != b"content-type"]
        headers.append((b"content-type", media_type))
    headers.append((b"content-length", str(len(body)).encode()))
    return {**start, "headers": headers}, body


def drifting(app: ASGIApp) -> ASGIApp:
    """The app, except that a request with `x-test-drift: KIND` (type, extra, null, badformat,
    missing, status, or one of `PAGES`) gets its answer changed that way."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        kind = dict(scope.get("headers") or []).get(DRIFT.encode())
        if scope["type"] != "http" or not kind:
            return await app(scope, receive, send)
        start: Message = {}
        chunks: list[bytes] = []

        async def held(message: Message) -> None:
            if kind == b"slow":  # the head at once, the body two seconds later
                if not message.get("more_body") and message["type"] == "http.response.body":
                    await anyio.sleep(SLOW_BODY_SECONDS)
                return await send(message)
            if message["type"] == "http.response.start":
                start.update(message)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                changed, body = _drift(kind, start, b"".join(chunks))
                await send(changed)
                await send({"type": "http.response.body", "body": body})

        await app(scope, receive, held)

    return wrapped


@contextmanager
def proxied(
    log: Path,
    server: str = "documented",
    defects: Iterable[str] = (),
    record_dir: Path | None = None,
    **settings: Any,
) -> Iterator[Proxied]:
    """The mock (with `defects`, drift on request) and the proxy in front of it
    (`settings`: more of `ProxySettings`; `record_dir`: a file per exchange there, as
    `--record DIR`)."""
    mock = create_app(server=server, base_url=PUBLIC, defects=defects)
    with serve(drifting(mock)) as upstream:
        recorder = Recorder(Judge(spec_of(server), sdk_check), log, record_dir=record_dir)
        chosen = ProxySettings(upstream, upstream_public_url=PUBLIC, **settings)
        try:
            with serve(Proxy(chosen, recorder).app) as url:  # no lifespan: closed below
                yield Proxied(url, log, recorder)
        finally:
            recorder.close()
