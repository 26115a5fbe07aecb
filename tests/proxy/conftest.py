"""Fixtures: the mock (the upstream, its public URL not its listening address, defects planted
on demand, drift added per request) and the proxy in front of it, both over real HTTP."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from badgr_fuzz.demands import spec_of
from badgr_fuzz.proxy.judge import Judge
from badgr_fuzz.proxy.recorder import Recorder
from badgr_fuzz.proxy.sdk import sdk_check
from badgr_fuzz.proxy.server import Proxy, ProxySettings
from badgr_mock.app import create_app
from badgr_mock.faults import Faults
from badgr_mock.testing import serve

#: the URL the upstream writes into its links; it listens elsewhere (127.0.0.1:<port>)
PUBLIC = "https://public.badgr.test"
ALICE = "alice@example.com"
PASSWORD = "badgr-demo"
#: the header that asks `drifting` to change one answer
DRIFT = "x-test-drift"


@dataclass
class Proxied:
    url: str
    log: Path
    recorder: Recorder

    def records(self) -> list[dict[str, Any]]:
        """Every record so far: the exchanges answered are all judged and written first."""
        self.recorder.flush()
        return [json.loads(line) for line in self.log.read_text().splitlines()]


def _drift(kind: bytes, start: Message, body: bytes) -> tuple[Message, bytes]:
    """One answer made to break the spec: a wrong type, an extra field, nulls, an undeclared
    status, an HTML page."""
    headers = [(k, v) for k, v in start["headers"] if k not in (b"content-length",)]
    if kind in (b"type", b"extra", b"null"):
        document = json.loads(body)
        user = document["result"][0]
        if kind == b"type":
            user["firstName"] = 12345
        elif kind == b"extra":  # an undeclared field, in the envelope and in the user
            document["servedBy"] = "edge-7"
            user["observedOnly"] = {"since": "2026-01-01", "tags": ["a", "b"], "n": 2}
        else:  # nulls: a boolean, and a field declared by a $ref
            user["hasPasswordSet"] = None
            user["recipient"] = None
        body = json.dumps(document).encode()
    elif kind == b"status":
        start = {**start, "status": 418}
    elif kind == b"html":
        headers = [(k, v) for k, v in headers if k != b"content-type"]
        headers.append((b"content-type", b"text/html; charset=utf-8"))
        body = b"<!doctype html><title>Maintenance</title>"
    headers.append((b"content-length", str(len(body)).encode()))
    return {**start, "headers": headers}, body


def drifting(app: ASGIApp) -> ASGIApp:
    """The app, except that a request with `x-test-drift: type|extra|null|status|html` gets
    its answer changed that way."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        kind = dict(scope.get("headers") or []).get(DRIFT.encode())
        if scope["type"] != "http" or not kind:
            return await app(scope, receive, send)
        start: Message = {}
        chunks: list[bytes] = []

        async def held(message: Message) -> None:
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
    faults: Faults | None = None,
    **settings: Any,
) -> Iterator[Proxied]:
    """The mock (with `defects` and `faults`, drift on request) and the proxy in front of it
    (`settings`: more of `ProxySettings`; `record_dir`: a file per exchange there, as
    `--record DIR`)."""
    mock = create_app(server=server, base_url=PUBLIC, defects=defects, faults=faults)
    with serve(drifting(mock)) as upstream:
        recorder = Recorder(Judge(spec_of(server), sdk_check), log, record_dir=record_dir)
        chosen = ProxySettings(upstream, upstream_public_url=PUBLIC, **settings)
        try:
            with serve(Proxy(chosen, recorder).app) as url:  # no lifespan: closed below
                yield Proxied(url, log, recorder)
        finally:
            recorder.close()
