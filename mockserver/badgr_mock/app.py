"""The ASGI application: the request pipeline behind a fault layer, built by ``create_app``."""

from __future__ import annotations

import asyncio
import functools
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import httpx
from starlette.applications import Starlette
from starlette.types import Message, Receive, Scope, Send

from .auth import LoginThrottle, token_endpoint
from .context import DEFAULT_REFRESH_TOKEN_TTL, Handler, MockSettings
from .defects import DefectAnswer, plant_defects, send_defect_answer
from .docs import DocsSite
from .envelope import ErrorReply, dump_json
from .faults import Faults, TokenBucket, retry_after_header
from .handlers import HANDLERS
from .limits import Limits
from .pipeline import Pipeline
from .profiles import DOCUMENTED, profile_named
from .public import PublicSite
from .recorded import Recordings, ServedRecording, load_recordings, send_recorded
from .spec import SpecIndex, default_spec_path, load_spec
from .store import Store
from .strict import StrictModeViolation

__all__ = ["FAULT_HEADER", "BadgrMockApp", "StrictModeViolation", "create_app"]

# Lets contract checks tell simulated infrastructure faults from API answers.
FAULT_HEADER = "x-badgr-mock-fault"


class BadgrMockApp(Starlette):
    """Starlette routing to one ``Pipeline``, behind the fault layer (which needs the server's
    own ``send`` to drop connections). Its state: ``faults`` (changeable at run time),
    ``store``, ``spec``, ``settings``, ``strict_violations``, ``answered_operations``,
    ``recordings``."""

    def __init__(
        self,
        pipeline: Pipeline,
        faults: Faults,
        clock: Callable[[], float] = time.monotonic,
        recordings: Recordings | None = None,
    ) -> None:
        # The sandbox's non-API pages: Open Badges documents and the API docs.
        sandbox_routes = [
            *PublicSite(pipeline.store, pipeline.base_url).routes(),
            *DocsSite(pipeline.spec, pipeline.base_url, pipeline.store.now_text).routes(),
        ]
        super().__init__(
            routes=[*pipeline.routes(), *sandbox_routes],
            exception_handlers={
                **pipeline.exception_handlers(),
                DefectAnswer: send_defect_answer,
                ServedRecording: send_recorded,
            },
        )
        self.router.redirect_slashes = False
        self.pipeline = pipeline
        self.faults = faults
        self.bucket = TokenBucket(clock)
        #: the recorded answers served (``create_app(recorded=…)``), or None
        self.recordings = recordings

    @property
    def store(self) -> Store:
        return self.pipeline.store

    @property
    def spec(self) -> SpecIndex:
        return self.pipeline.spec

    @property
    def settings(self) -> MockSettings:
        return self.pipeline.settings

    @property
    def strict_violations(self) -> list[str]:
        """Strict-mode failures so far (each also raised, or answered as a 500)."""
        return self.pipeline.strict_violations

    @property
    def answered_operations(self) -> Counter[str]:
        """Successful answers per operationId."""
        return self.pipeline.answered

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        connection, send = send, _with_safety_headers(send)
        faults = self.faults
        if not faults.active:
            await super().__call__(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        # the OAuth endpoints (token, revocation) and the login pages: logins and logouts stay
        # reliable on a flaky API
        if not faults.include_token_endpoint and path.startswith(("/o/", "/auth/")):
            await super().__call__(scope, receive, send)
            return
        if faults.rate_limit:
            wait = self.bucket.take(faults.rate_limit)
            if wait:
                await _send_fault(send, 429, "too many requests", retry_after_header(wait))
                return
        if faults.latency_ms:
            await asyncio.sleep(faults.latency_ms / 1000)
        if faults.roll(faults.fail_rate):
            await _send_fault(send, 503, "service unavailable (injected fault)", "1")
            return
        if faults.roll(faults.drop_rate):  # the server's own send: it knows the connection
            await self._apply_then_drop(scope, receive, connection)
            return
        await super().__call__(scope, receive, send)

    async def _apply_then_drop(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the request to completion, then close the connection without answering."""

        async def discard(message: Message) -> None:
            del message

        await super().__call__(scope, receive, discard)
        transport = getattr(getattr(send, "__self__", None), "transport", None)
        if transport is not None and hasattr(transport, "abort"):
            transport.abort()
            # Let the server notice the lost connection before this call returns, so it does
            # not try to answer on it.
            for _ in range(3):
                await asyncio.sleep(0)
            return
        # In-process transports have no connection to drop: fail like a network error.
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.")


#: what an HTML page of the mock may load when it says nothing itself: no script at all,
#: its own inline style, images from anywhere (a badge image may live elsewhere), forms to itself
HTML_POLICY = (
    b"default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https: http:; "
    b"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
#: a served image (an uploaded SVG may hold script): nothing runs, nothing loads
IMAGE_POLICY = b"default-src 'none'; style-src 'unsafe-inline'; sandbox"


def _with_safety_headers(send: Send) -> Send:
    """``send`` that adds ``X-Content-Type-Options: nosniff`` to every answer, and a
    Content-Security-Policy to HTML pages and images that do not set their own, so no user
    data the mock serves (names, URLs, an uploaded SVG) runs as script in a browser."""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            names = {name.lower() for name, _ in headers}
            added = (
                []
                if b"x-content-type-options" in names
                else [(b"x-content-type-options", b"nosniff")]
            )
            if b"content-security-policy" not in names:
                kind = next((v for n, v in headers if n.lower() == b"content-type"), b"")
                if kind.startswith(b"text/html"):
                    added.append((b"content-security-policy", HTML_POLICY))
                elif kind.startswith(b"image/"):
                    added.append((b"content-security-policy", IMAGE_POLICY))
            message = {**message, "headers": headers + added}
        await send(message)

    return sending


async def _send_fault(send: Send, status: int, description: str, retry_after: str) -> None:
    body = dump_json(
        ErrorReply(status, description).body(
            time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime())
        )
    )
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"retry-after", retry_after.encode()),
                (FAULT_HEADER.encode(), b"injected"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def create_app(
    db: str = ":memory:",
    *,
    base_url: str | None = None,
    strict: bool = False,
    token_ttl: int = 86400,
    refresh_token_ttl: int = DEFAULT_REFRESH_TOKEN_TTL,
    login_backoff: bool = True,
    login_backoff_per_username: bool = False,
    test_login_route: bool = False,
    badgr_domain: str | None = "localhost:4200",
    latest_terms_version: int = 1,
    limits: Limits | None = None,
    faults: Faults | None = None,
    defects: Iterable[str] = frozenset(),
    clock: Callable[[], float] | None = None,
    spec_path: str | Path | None = None,
    server: str = DOCUMENTED,
    profile: str | None = None,
    recorded: str | Path | None = None,
) -> BadgrMockApp:
    """Build the mock as an ASGI app. All state is created here (no lifespan events needed).

    ``server`` is the kind of server to be: ``documented`` (the hosted API) or
    ``badgr-server`` (the self-hosted open-source server); it names the spec routed from.
    ``profile`` is its old name (deprecated: a ``DeprecationWarning``).

    ``token_ttl`` and ``refresh_token_ttl`` are the lifetimes (seconds) of access and refresh
    tokens. ``clock`` (seconds since the epoch) drives token expiry, login back-off, timestamps and
    the ``rate_limit`` fault's token bucket;
    tests pass a fake one. ``defects`` are test-only deliberate bugs (see README).
    ``test_login_route`` (test only) lets the authorize page log in a username without a
    password, for connections on a loopback address. ``limits`` bound request bodies here and
    connections in ``badgr_mock.limits.uvicorn_options`` (see README, "Limits").
    ``badgr_domain`` is the ``badgrDomain`` a badgr-server's users and issuers carry;
    ``latest_terms_version`` the terms the seeded users (who agreed to version 1) are asked
    to agree to. ``recorded`` (a folder `badgr proxy serve --record` wrote, or its NDJSON log)
    answers the operations its records cover with the recorded answers, once the request is
    accepted; every other operation, the token endpoints always, stays stateful. A recording
    that cannot be served raises ``badgr_mock.recorded.RecordingError`` (a ``ValueError``).
    """
    if token_ttl <= 0 or refresh_token_ttl <= 0:
        raise ValueError("token_ttl and refresh_token_ttl must be positive")
    now = clock or time.time
    throttle = LoginThrottle(now, login_backoff, per_username=login_backoff_per_username)
    handlers: dict[str, Handler] = {
        **HANDLERS,
        "issue_token": functools.partial(token_endpoint, throttle=throttle),
    }
    if profile is not None:
        warnings.warn("create_app(profile=...) is deprecated: use server=", DeprecationWarning, 2)
        server = profile
    chosen = profile_named(server)
    spec = load_spec(spec_path or default_spec_path(chosen.spec_file))
    spec, handlers = plant_defects(spec, handlers, defects)
    recordings = load_recordings(recorded, spec) if recorded is not None else None
    if recordings is not None:
        handlers = recordings.plant(handlers)
    settings = MockSettings(
        base_url=base_url.rstrip("/") if base_url else None,
        strict=strict,
        token_ttl=token_ttl,
        refresh_token_ttl=refresh_token_ttl,
        profile=chosen,
        limits=limits or Limits(),
        test_login_route=test_login_route,
        badgr_domain=badgr_domain,
        latest_terms_version=latest_terms_version,
    )
    pipeline = Pipeline(spec, handlers, Store(db, now), settings, throttle)
    return BadgrMockApp(
        pipeline, faults if faults is not None else Faults(), clock or time.monotonic, recordings
    )
