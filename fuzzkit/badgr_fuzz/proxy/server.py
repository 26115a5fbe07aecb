"""The proxy: forwards every request to the upstream and returns its answer, judged on the way.

Requests are read within the mock's limits (`badgr_mock.limits.read_body`: size, time, bytes in
flight) and sent on one `httpx.AsyncClient` (TLS verified, no redirects followed). Answers stream
back chunk by chunk, decoded, with the upstream's URLs rewritten (`badgr_mock.rewrite`) and a
copy kept (at most `max_response_bytes`; past it the answer is cut off) that the recorder's
worker judges once the answer has left. In strict mode the answer is held until judged, and one
that breaks the API description becomes a 502 naming the violation.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

import anyio
import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from badgr import aiter_decoded
from badgr_fuzz.proxy.exchange import HOP_BY_HOP, Exchange
from badgr_fuzz.proxy.judge import CLIENT, Verdict
from badgr_fuzz.proxy.recorder import Recorder
from badgr_mock.envelope import ErrorReply, dump_json
from badgr_mock.limits import BodyBudget, ClientGone, Limits, read_body
from badgr_mock.requests import MAX_BODY_BYTES
from badgr_mock.rewrite import REWRITTEN_HEADERS, Rewriter, rewrites_body

#: The SDK's own bound on an answer (`max_response_bytes`).
MAX_RESPONSE_BYTES = 16 * 1024 * 1024
METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
_SAFE_HOST = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")


@dataclass(frozen=True)
class ProxySettings:
    upstream: str
    #: the URL the upstream writes into its own links, when not `upstream`
    upstream_public_url: str | None = None
    strict: bool = False
    max_request_bytes: int = MAX_BODY_BYTES
    max_response_bytes: int = MAX_RESPONSE_BYTES
    limits: Limits = field(default_factory=Limits)
    timeout: float = 60.0
    #: seconds an idle upstream connection is kept for reuse: below the idle timeouts servers
    #: close at (uvicorn and the mock 5 s, gunicorn 2 s), or a request sent on a connection as
    #: the server closes it fails and reads as the server's defect
    keepalive_expiry: float = 1.5


def _problem(status: int, description: str) -> Response:
    body = {"status": {"success": False, "description": description}, "result": []}
    return Response(dump_json(body), status_code=status, media_type="application/json")


def _headers(headers: httpx.Headers, rewriter: Rewriter) -> list[tuple[bytes, bytes]]:
    """The answer's headers for the client: no hop-by-hop ones, the upstream's URLs rewritten
    (every `Set-Cookie` kept)."""
    return [
        (
            name.encode("latin-1"),
            (rewriter.header(value) if name in REWRITTEN_HEADERS else value).encode("latin-1"),
        )
        for name, value in headers.multi_items()
        if name not in HOP_BY_HOP
    ]


class _Relayed(StreamingResponse):
    """The upstream's answer streamed to the client; once it has left, or the client has gone,
    the upstream answer is closed and the exchange handed on to be judged (an answer the
    client left before it had whole is marked so: judging it would find a short body)."""

    def __init__(
        self,
        chunks: AsyncIterator[bytes],
        raw_headers: list[tuple[bytes, bytes]],
        answer: httpx.Response,
        exchange: Exchange,
        submit: Callable[[Exchange], Awaitable[None]],
    ) -> None:
        super().__init__(chunks, status_code=answer.status_code)
        self.raw_headers = raw_headers
        self._answer, self._exchange, self._submit = answer, exchange, submit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            await self._answer.aclose()
            if not self._exchange.relayed and not self._exchange.note:
                self._exchange.client_gone = True
            await self._submit(self._exchange)


class Proxy:
    """The ASGI app (`app`) over one upstream client; `aclose` when done."""

    def __init__(self, settings: ProxySettings, recorder: Recorder) -> None:
        self.settings = settings
        self.recorder = recorder
        self.upstream = settings.upstream.rstrip("/")
        public = (settings.upstream_public_url or "").rstrip("/")
        self.upstream_origins = tuple(dict.fromkeys(u for u in (self.upstream, public) if u))
        self.http = httpx.AsyncClient(
            verify=True,
            follow_redirects=False,
            timeout=settings.timeout,
            trust_env=False,
            limits=httpx.Limits(keepalive_expiry=settings.keepalive_expiry),
        )
        self.budget = BodyBudget(settings.limits.body_bytes_in_flight)
        routes = [Route("/{path:path}", self.forward, methods=METHODS)]
        self.app = Starlette(routes=routes, lifespan=self._lifespan)

    @contextlib.asynccontextmanager
    async def _lifespan(self, app: Starlette) -> AsyncIterator[None]:
        yield
        await self.aclose()

    async def aclose(self) -> None:
        await self.http.aclose()
        await anyio.to_thread.run_sync(self.recorder.close)

    def origin(self, request: Request) -> str:
        """The proxy's origin as the client addressed it."""
        host = request.headers.get("host", "")
        if not _SAFE_HOST.match(host):
            server = request.scope.get("server") or ("127.0.0.1", 80)
            host = f"{server[0]}:{server[1]}"
        return f"{request.url.scheme}://{host}"

    async def forward(self, request: Request) -> Response:
        # as the client sent it: a decoded path would turn an id's %2F into a separator
        raw_path = request.scope.get("raw_path") or request.url.path.encode()
        query = request.scope.get("query_string", b"")
        target = (raw_path + (b"?" + query if query else b"")).decode("latin-1")
        headers = {k: v for k, v in request.headers.items() if k not in HOP_BY_HOP}
        try:
            body = await read_body(
                request,
                max_bytes=self.settings.max_request_bytes,
                timeout=self.settings.limits.body_timeout,
                budget=self.budget,
            )
        except ErrorReply as refusal:
            return _problem(refusal.status, f"badgr proxy: {refusal.description}")
        except ClientGone:
            return Response(status_code=400)
        exchange = Exchange(request.method, target, headers, body, 0, {}, b"")
        exchange.upstream = self.upstream_origins
        outgoing = self.http.build_request(
            request.method, self.upstream + target, headers=headers, content=body
        )
        try:
            answer = await self.http.send(outgoing, stream=True)
        except httpx.HTTPError as error:
            exchange.status, exchange.note = 502, f"upstream unreachable: {type(error).__name__}"
            await self._submit(exchange)
            return _problem(502, f"badgr proxy: {exchange.note}")
        exchange.status = answer.status_code
        exchange.response_headers = {k: v for k, v in answer.headers.items() if k not in HOP_BY_HOP}
        rewriter = Rewriter(self.upstream_origins, self.origin(request))
        raw_headers = _headers(answer.headers, rewriter)
        is_json = rewrites_body(answer.headers.get("content-type", ""))
        if self.settings.strict:
            return await self._strict(answer, exchange, raw_headers, rewriter if is_json else None)
        return _Relayed(
            self._relay(answer, exchange, rewriter if is_json else None),
            raw_headers,
            answer,
            exchange,
            self._submit,
        )

    async def _read(
        self, answer: httpx.Response, exchange: Exchange
    ) -> AsyncGenerator[bytes, None]:
        """The answer's decoded chunks, a copy kept in `exchange`, cut at the size bound."""
        kept: list[bytes] = []
        size = 0
        try:
            async for chunk in aiter_decoded(answer):  # a bomb is counted as it inflates
                size += len(chunk)
                if size > self.settings.max_response_bytes:
                    exchange.note = (
                        f"the answer exceeds {self.settings.max_response_bytes} bytes; cut off"
                    )
                    break
                kept.append(chunk)
                yield chunk
        except httpx.HTTPError as error:
            exchange.note = f"the answer broke off: {type(error).__name__}"
        finally:
            exchange.response_body = b"".join(kept)  # first: a cancelled close stops at an await
            await answer.aclose()

    async def _relay(
        self, answer: httpx.Response, exchange: Exchange, rewriter: Rewriter | None
    ) -> AsyncIterator[bytes]:
        body = rewriter.stream() if rewriter else None
        async with contextlib.aclosing(self._read(answer, exchange)) as chunks:
            async for chunk in chunks:
                yield body.feed(chunk) if body else chunk
        if body:
            yield body.flush()
        if exchange.note:
            raise ConnectionAbortedError(exchange.note)  # the client must not take it as whole
        exchange.relayed = True

    async def _strict(
        self,
        answer: httpx.Response,
        exchange: Exchange,
        raw_headers: list[tuple[bytes, bytes]],
        rewriter: Rewriter | None,
    ) -> Response:
        chunks = [chunk async for chunk in self._read(answer, exchange)]
        verdict = await anyio.to_thread.run_sync(self.recorder.judge.judge, exchange)
        await self._submit(exchange, verdict)
        broken = [p for p in verdict.problems if p.section != CLIENT]
        if broken:
            first = broken[0]
            where = f" at {first.pointer}" if first.pointer else ""
            return _problem(502, f"badgr proxy: {verdict.operation}: {first.message}{where}")
        content = b"".join(chunks)
        if rewriter is not None:
            content = rewriter.body(content)
        answered = Response(content, status_code=answer.status_code)
        answered.raw_headers = [
            *raw_headers,
            (b"content-length", str(len(content)).encode("ascii")),
        ]
        return answered

    async def _submit(self, exchange: Exchange, verdict: Verdict | None = None) -> None:
        """Hand the exchange to the recorder's worker; waits (in a thread) only when its queue
        is full."""
        if self.recorder.full():
            await anyio.to_thread.run_sync(self.recorder.submit, exchange, verdict)
        else:
            self.recorder.submit(exchange, verdict)
