"""The ASGI application: routing from the spec, the request pipeline, strictness, faults."""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route
from starlette.types import Message, Receive, Scope, Send

from .auth import LoginThrottle, authenticate, authorize_redirect, token_endpoint
from .context import DEFECT_NAMES, Context, Reply, Settings
from .docs import DocsSite
from .envelope import (
    MISCELLANEOUS,
    NOT_FOUND,
    ApiError,
    JSONBytesResponse,
    OAuthError,
    dump_json,
    success_body,
)
from .faults import Faults, TokenBucket, retry_after_seconds
from .handlers import HANDLERS
from .handlers.common import DeliberateDefectError
from .public import PublicSite
from .requests import MAX_BODY_BYTES, parse_body, parse_parameters
from .spec import Operation, SpecIndex, load_spec, route_sort_key
from .store import Store

logger = logging.getLogger("badgr_mock")

_SAFE_HOST = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")
_READ_METHODS = frozenset({"GET", "HEAD"})


class StrictModeViolation(AssertionError):
    """A response that does not match the spec (strict mode)."""


class BadgrMockApp(Starlette):
    """Starlette plus the fault layer, which needs the server's own ``send`` (to drop links)."""

    faults: Faults
    bucket: TokenBucket

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        faults = self.faults
        if scope["type"] != "http" or not faults.active:
            await super().__call__(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        if not faults.include_token_endpoint and path.startswith(("/o/token", "/auth/")):
            await super().__call__(scope, receive, send)
            return
        if faults.rate_limit:
            wait = self.bucket.take(faults.rate_limit)
            if wait:
                await _send_fault(send, 429, "too many requests", retry_after_seconds(wait))
                return
        if faults.latency_ms:
            await asyncio.sleep(faults.latency_ms / 1000)
        if faults.roll(faults.fail_rate):
            await _send_fault(send, 503, "service unavailable (injected fault)", "1")
            return
        if faults.roll(faults.drop_rate):
            await self._apply_then_drop(scope, receive, send)
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


FAULT_HEADER = "x-badgr-mock-fault"


async def _send_fault(send: Send, status: int, description: str, retry_after: str) -> None:
    body = dump_json(
        ApiError(status, description).body(
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
                # Lets contract checks tell simulated infrastructure faults from API answers.
                (FAULT_HEADER.encode(), b"injected"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class _Pipeline:
    """Everything one app instance needs to answer an operation."""

    def __init__(
        self,
        spec: SpecIndex,
        store: Store,
        settings: Settings,
        throttle: LoginThrottle,
        strict_violations: list[str],
        answered: Counter[str],
    ) -> None:
        self.spec = spec
        self.store = store
        self.settings = settings
        self.throttle = throttle
        self.strict_violations = strict_violations
        self.answered = answered

    def base_url(self, request: Request) -> str:
        if self.settings.base_url:
            return self.settings.base_url
        host = request.headers.get("host", "")
        if not _SAFE_HOST.match(host):
            server = request.scope.get("server") or ("127.0.0.1", 80)
            host = f"{server[0]}:{server[1]}"
        return f"{request.url.scheme}://{host}"

    def now_text(self) -> str:
        return self.store.now_text()

    # ---- responses -------------------------------------------------------------------------

    def _encode(
        self, operation: Operation | None, status: int, body: Any, headers: dict[str, str]
    ) -> Response:
        if self.settings.strict and operation is not None:
            self._check_response(operation, status, body, headers)
        if operation is not None and self.settings.defects:
            body = self._apply_response_defects(operation, status, body)
        if body is None:
            return Response(status_code=status, headers=headers)
        return JSONBytesResponse(dump_json(body), status_code=status, headers=headers)

    def _apply_response_defects(self, operation: Operation, status: int, body: Any) -> Any:
        if (
            "missing_field" in self.settings.defects
            and operation.operation_id == "get_issuer"
            and status == 200
        ):
            for entity in body.get("result", []):
                entity.pop("entityId", None)
        return body

    def _check_response(
        self, operation: Operation, status: int, body: Any, headers: dict[str, str]
    ) -> None:
        declared = operation.responses.get(str(status))
        problem: str | None = None
        if declared is None:
            problem = f"status {status} is not declared"
        elif declared.validator is None:
            if body is not None:
                problem = "a body was sent where none is declared"
        elif body is None:
            problem = "no body was sent where one is declared"
        else:
            error = next(iter(declared.validator.iter_errors(body)), None)
            if error is not None:
                location = "/".join(str(part) for part in error.absolute_path) or "(root)"
                schema_path = "/".join(str(part) for part in error.absolute_schema_path)
                problem = (
                    f"body at {location} fails schema path {schema_path}: {error.message[:300]}"
                )
        if problem is not None:
            message = (
                f"strict mode: response of {operation.operation_id} "
                f"({operation.method} {operation.path}) violates the spec: {problem}"
            )
            self.strict_violations.append(message)
            logger.error(message)
            raise StrictModeViolation(message)

    def error_response(self, operation: Operation | None, error: ApiError) -> Response:
        if operation is not None and operation.error_schema_is_oauth:
            # The token endpoint answers plain OAuth JSON, also for malformed requests.
            summary = (
                error.validation_errors[:1]
                or [
                    f"{name}: {'; '.join(map(str, messages))}"
                    for name, messages in (
                        error.field_errors.items() if isinstance(error.field_errors, dict) else []
                    )
                ][:1]
            )
            oauth = OAuthError(error.status, "invalid_request", summary[0] if summary else None)
            return self.oauth_response(operation, oauth)
        body = error.body(self.now_text())
        declared = operation is not None and str(error.status) in operation.responses
        return self._encode(operation if declared else None, error.status, body, error.headers)

    def oauth_response(self, operation: Operation | None, error: OAuthError) -> Response:
        return self._encode(operation, error.status, error.body(), error.headers)

    # ---- the pipeline ----------------------------------------------------------------------

    async def read_body(self, request: Request) -> bytes:
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY_BYTES):
            raise ApiError(413, "request body too large", validation_errors=[_too_large()])
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                raise ApiError(413, "request body too large", validation_errors=[_too_large()])
            chunks.append(chunk)
        return b"".join(chunks)

    async def handle(self, request: Request, operation: Operation) -> Response:
        try:
            raw = await self.read_body(request) if operation.body is not None else b""
            reply = self.run(request, operation, raw)
        except ApiError as error:
            return self.error_response(operation, error)
        except OAuthError as error:
            return self.oauth_response(operation, error)
        except DeliberateDefectError as defect:
            failure = ApiError(500, f"server error (defect server_error: {defect})")
            return JSONBytesResponse(dump_json(failure.body(self.now_text())), status_code=500)
        body: dict[str, Any] | None
        if reply.raw is not None:
            body = reply.raw
        elif reply.result is None:
            body = None
        else:
            body = success_body(reply.result, self.now_text(), reply.description)
            body.update(reply.extra)
        response = self._encode(operation, reply.status, body, reply.headers)
        self.answered[operation.operation_id] += 1
        return response

    def run(self, request: Request, operation: Operation, raw: bytes) -> Reply:
        client = request.scope.get("client")
        ctx = Context(
            store=self.store,
            settings=self.settings,
            operation=operation,
            params={},
            body=None,
            base_url=self.base_url(request),
            path=request.url.path,
            query_items=request.query_params.multi_items(),
            client_host=client[0] if client else "unknown",
        )
        db = self.store.connection
        with self.store.lock:
            db.execute("BEGIN" if request.method in _READ_METHODS else "BEGIN IMMEDIATE")
            try:
                is_token = operation.operation_id == "issue_token"
                if not is_token:
                    authenticate(ctx, request.headers.get("authorization"))
                ctx.params = parse_parameters(operation, request.path_params, ctx.query_items)
                ctx.body = parse_body(operation, request.headers.get("content-type"), raw)
                if is_token:
                    reply = token_endpoint(ctx, self.throttle)
                else:
                    reply = HANDLERS[operation.operation_id](ctx)
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        return reply

    def authorize(self, request: Request) -> Response:
        query = dict(request.query_params)
        try:
            with self.store.transaction():
                target = authorize_redirect(self.store, query)
        except OAuthError as error:
            return JSONBytesResponse(dump_json(error.body()), status_code=error.status)
        return RedirectResponse(target, status_code=302)


def _too_large() -> str:
    return f"The request body exceeds {MAX_BODY_BYTES} bytes."


def _make_endpoint(pipeline: _Pipeline, operations: dict[str, Operation]) -> Callable[..., Any]:
    async def endpoint(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        return await pipeline.handle(request, operations[method])

    return endpoint


def create_app(
    db: str = ":memory:",
    *,
    base_url: str | None = None,
    strict: bool = False,
    token_ttl: int = 86400,
    login_backoff: bool = True,
    faults: Faults | None = None,
    defects: Iterable[str] = frozenset(),
    clock: Callable[[], float] | None = None,
    spec_path: str | Path | None = None,
) -> BadgrMockApp:
    """Build the mock as an ASGI app. All state is created here (no lifespan events needed).

    ``clock`` (seconds since the epoch) drives token expiry, login back-off and timestamps;
    tests pass a fake one. ``defects`` are test-only deliberate bugs (see README).
    """
    chosen_defects = frozenset(defects)
    unknown = chosen_defects - DEFECT_NAMES
    if unknown:
        raise ValueError(f"unknown defects {sorted(unknown)}; known: {sorted(DEFECT_NAMES)}")
    if token_ttl <= 0:
        raise ValueError("token_ttl must be positive")
    spec = load_spec(spec_path)
    missing = set(spec.operations) - set(HANDLERS) - {"issue_token"}
    if missing:
        raise RuntimeError(f"operations without a handler: {sorted(missing)}")
    now = clock or time.time
    store = Store(db, now)
    settings = Settings(
        base_url=base_url.rstrip("/") if base_url else None,
        strict=strict,
        token_ttl=token_ttl,
        login_backoff=login_backoff,
        defects=chosen_defects,
    )
    strict_violations: list[str] = []
    # Successful answers per operationId: lets tests prove they covered the whole spec.
    answered: Counter[str] = Counter()
    pipeline = _Pipeline(
        spec, store, settings, LoginThrottle(now, login_backoff), strict_violations, answered
    )

    routes = [
        Route(path, _make_endpoint(pipeline, operations), methods=list(operations))
        for path, operations in sorted(spec.paths.items(), key=lambda item: route_sort_key(item[0]))
    ]

    async def authorize(request: Request) -> Response:
        return pipeline.authorize(request)

    routes.append(Route("/auth/oauth2/authorize", authorize, methods=["GET"]))
    routes.extend(PublicSite(store, pipeline.base_url).routes())
    routes.extend(DocsSite(spec, pipeline.base_url, store.now_text).routes())

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 405:
            error = ApiError(
                405,
                MISCELLANEOUS,
                field_errors=f'Method "{request.method}" not allowed.',
                headers=dict(exc.headers or {}),
            )
        elif exc.status_code == 404:
            error = ApiError(404, NOT_FOUND)
        else:
            error = ApiError(exc.status_code, MISCELLANEOUS, headers=dict(exc.headers or {}))
        return pipeline.error_response(None, error)

    async def unexpected_error(request: Request, exc: Exception) -> Response:
        if isinstance(exc, StrictModeViolation):
            description = str(exc)
        else:
            logger.exception("unhandled error in %s %s", request.method, request.url.path)
            description = f"server error: {type(exc).__name__}"
        body = ApiError(500, description).body(pipeline.now_text())
        return JSONBytesResponse(dump_json(body), status_code=500)

    app = BadgrMockApp(
        routes=routes,
        exception_handlers={HTTPException: http_error, Exception: unexpected_error},
    )
    app.router.redirect_slashes = False
    app.faults = faults if faults is not None else Faults()
    app.bucket = TokenBucket()
    app.state.store = store
    app.state.settings = settings
    app.state.spec = spec
    app.state.strict_violations = strict_violations
    app.state.answered_operations = answered
    app.state.faults = app.faults
    return app
