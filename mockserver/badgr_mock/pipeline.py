"""The request pipeline: spec routes, one transaction per request, envelopes, strict mode."""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Coroutine
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from .auth import AUTHORIZE_PATH, LoginThrottle, arrived_on_loopback, authenticate, authorize
from .context import Context, Handler, MockSettings, Reply
from .envelope import (
    MISCELLANEOUS,
    NOT_FOUND,
    ErrorReply,
    JSONBytesResponse,
    OAuthError,
    dump_json,
    success_body,
)
from .limits import BodyBudget, ClientGone, read_body
from .requests import MAX_BODY_BYTES, parse_body, parse_form, parse_parameters
from .spec import Operation, SpecIndex
from .store import Store
from .strict import StrictModeViolation, response_problem

logger = logging.getLogger("badgr_mock")

_SAFE_HOST = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")
_READ_METHODS = frozenset({"GET", "HEAD"})

JSON = "application/json"
LINKED_DATA = "application/ld+json"
_NOT_FOUND_PAGE = "<!doctype html><title>Not Found</title><h1>Not Found</h1>"
_SERVER_ERROR_PAGE = "<!doctype html><title>Server Error (500)</title><h1>Server Error (500)</h1>"

ExceptionHandler = Callable[[Request, Exception], Coroutine[Any, Any, Response]]


class Pipeline:
    """Everything one app instance needs to answer an operation."""

    def __init__(
        self,
        spec: SpecIndex,
        handlers: dict[str, Handler],
        store: Store,
        settings: MockSettings,
        throttle: LoginThrottle,
    ) -> None:
        missing = set(spec.operations) - set(handlers)
        if missing:
            raise RuntimeError(f"operations without a handler: {sorted(missing)}")
        self.spec = spec
        self.handlers = handlers
        self.store = store
        self.settings = settings
        self.throttle = throttle
        self.body_budget = BodyBudget(settings.limits.body_bytes_in_flight)
        self.strict_violations: list[str] = []
        # Successful answers per operationId: lets tests prove they covered the whole spec.
        self.answered: Counter[str] = Counter()

    def routes(self) -> list[Route]:
        routes = [
            Route(path, self._endpoint(operations), methods=[*operations, "OPTIONS"])
            for path, operations in self.spec.routing_order()
        ]
        routes.append(Route(AUTHORIZE_PATH, self.authorize, methods=["GET", "POST"]))
        return routes

    def exception_handlers(self) -> dict[Any, ExceptionHandler]:
        return {HTTPException: self.http_error, Exception: self.unexpected_error}

    def _endpoint(self, operations: dict[str, Operation]) -> Callable[..., Any]:
        allowed = ", ".join([*operations, *(["HEAD"] if "GET" in operations else []), "OPTIONS"])

        metadata = dump_json(_drf_metadata(operations))

        async def endpoint(request: Request) -> Response:
            if request.method == "OPTIONS":  # as the real server's metadata view: 200 + Allow
                return JSONBytesResponse(metadata, status_code=200, headers={"Allow": allowed})
            method = "GET" if request.method == "HEAD" else request.method
            return await self.handle(request, operations[method])

        return endpoint

    def base_url(self, request: Request) -> str:
        if self.settings.base_url:
            return self.settings.base_url
        host = request.headers.get("host", "")
        if not _SAFE_HOST.match(host):
            server = request.scope.get("server") or ("127.0.0.1", 80)
            host = f"{server[0]}:{server[1]}"
        return f"{request.url.scheme}://{host}"

    # ---- responses -------------------------------------------------------------------------

    def media_type(self, request: Request, *, oauth: bool = False) -> str:
        """The content type of an answer: the profile's, or JSON when the request asks for it."""
        profile = self.settings.profile
        if oauth:
            return profile.oauth_error_media_type
        if profile.linked_data_by_default and "application/json" not in request.headers.get(
            "accept", ""
        ):
            return LINKED_DATA
        return JSON

    def _encode(
        self,
        operation: Operation | None,
        status: int,
        body: Any,
        headers: dict[str, str],
        media_type: str = "application/json",
    ) -> Response:
        if self.settings.strict and operation is not None:
            problem = response_problem(operation, status, body, headers, media_type)
            if problem is not None:
                message = (
                    f"strict mode: response of {operation.operation_id} "
                    f"({operation.method} {operation.path}) violates the spec: {problem}"
                )
                self.strict_violations.append(message)
                logger.error(message)
                raise StrictModeViolation(message)
        if body is None:
            return Response(status_code=status, headers=headers)
        return Response(dump_json(body), status, headers, media_type=media_type)

    def error_response(
        self, request: Request, operation: Operation | None, error: ErrorReply
    ) -> Response:
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
            return self.oauth_response(request, operation, oauth)
        body = error.body(self.envelope_timestamp())
        declared = operation is not None and str(error.status) in operation.responses
        return self._encode(
            operation if declared else None,
            error.status,
            body,
            error.headers,
            self.media_type(request),
        )

    def oauth_response(
        self, request: Request, operation: Operation | None, error: OAuthError
    ) -> Response:
        media_type = JSON if error.standard else self.media_type(request, oauth=True)
        return self._encode(operation, error.status, error.body(), error.headers, media_type)

    def envelope_timestamp(self) -> str | None:
        """The envelope's ``timestamp``: none in profiles whose server sends none."""
        return self.store.now_text() if self.settings.profile.envelope_extras else None

    async def http_error(self, request: Request, exc: Exception) -> Response:
        """Starlette's own 404 (unknown path) and 405 (method) as envelopes."""
        assert isinstance(exc, HTTPException)
        if exc.status_code == 405:
            error = ErrorReply(
                405,
                MISCELLANEOUS,
                field_errors=f'Method "{request.method}" not allowed.',
                headers=dict(exc.headers or {}),
            )
        elif exc.status_code == 404:
            if self.settings.profile.html_not_found:
                return HTMLResponse(_NOT_FOUND_PAGE, status_code=404)
            error = ErrorReply(404, NOT_FOUND)
        else:
            error = ErrorReply(exc.status_code, MISCELLANEOUS, headers=dict(exc.headers or {}))
        return self.error_response(request, None, error)

    async def unexpected_error(self, request: Request, exc: Exception) -> Response:
        if isinstance(exc, StrictModeViolation):
            description = str(exc)
        else:
            logger.exception("unhandled error in %s %s", request.method, request.url.path)
            description = f"server error: {type(exc).__name__}"
            if self.settings.profile.html_not_found:  # Django's own error page, no envelope
                return HTMLResponse(_SERVER_ERROR_PAGE, status_code=500)
        body = ErrorReply(500, description).body(self.envelope_timestamp())
        return JSONBytesResponse(dump_json(body), status_code=500)

    # ---- the pipeline ----------------------------------------------------------------------

    async def handle(self, request: Request, operation: Operation) -> Response:
        ctx = self.context(request, operation)
        try:
            raw = b""
            if operation.body is not None:
                if operation.security:
                    # The token is checked before a byte of the body is read: an anonymous
                    # upload costs nothing, and its bytes are dropped unread.
                    with self.store.transaction(write=False):
                        authenticate(ctx, request.headers.get("authorization"))
                raw = await self.read_body(request, anonymous=not operation.security)
            reply = self.run(ctx, request, raw)
        except ErrorReply as error:
            return self.error_response(request, operation, error)
        except OAuthError as error:
            return self.oauth_response(request, operation, error)
        except ClientGone:
            return self.client_gone(request)
        body: dict[str, Any] | None
        if reply.raw is not None:
            body = reply.raw
        elif reply.result is None:
            body = None
        else:
            body = success_body(reply.result, self.envelope_timestamp(), reply.description)
            body.update(reply.extra)
        media_type = JSON if reply.raw is not None else self.media_type(request)
        response = self._encode(operation, reply.status, body, reply.headers, media_type)
        self.answered[operation.operation_id] += 1
        return response

    async def read_body(self, request: Request, *, anonymous: bool) -> bytes:
        limits = self.settings.limits
        return await read_body(
            request,
            max_bytes=limits.anonymous_body_bytes if anonymous else MAX_BODY_BYTES,
            timeout=limits.body_timeout,
            budget=self.body_budget,
        )

    def client_gone(self, request: Request) -> Response:
        """A client that hung up mid-body is routine: one line, and an answer nobody reads."""
        logger.info(
            "client disconnected before sending its whole body: %s %s",
            request.method,
            request.url.path,
        )
        return Response(status_code=400)

    def context(self, request: Request, operation: Operation) -> Context:
        client = request.scope.get("client")
        query_items = request.query_params.multi_items()
        if self.settings.profile.lenient_page_size:
            query_items = [(k, v) for k, v in query_items if k != "num" or _is_integer(v)]
        return Context(
            store=self.store,
            settings=self.settings,
            operation=operation,
            params={},
            body=None,
            base_url=self.base_url(request),
            path=request.url.path,
            query_items=query_items,
            client_host=client[0] if client else "unknown",
        )

    def run(self, ctx: Context, request: Request, raw: bytes) -> Reply:
        """Authenticate (unless ``handle`` did, before reading a body), parse and handle the
        request in one transaction."""
        operation = ctx.operation
        with self.store.transaction(write=request.method not in _READ_METHODS):
            if not (operation.security and operation.body is not None):
                authenticate(ctx, request.headers.get("authorization"))
            ctx.params = parse_parameters(operation, request.path_params, ctx.query_items)
            ctx.body = parse_body(operation, request.headers.get("content-type"), raw)
            return self.handlers[operation.operation_id](ctx)

    async def authorize(self, request: Request) -> Response:
        """The non-spec browser step of the authorization-code grant: a login form, then a
        redirect carrying a code."""
        form: dict[str, str] | None = None
        client = request.scope.get("client")
        try:
            if request.method == "POST":
                form = parse_form(await self.read_body(request, anonymous=True))
            with self.store.transaction():
                answer = authorize(
                    self.store,
                    self.throttle,
                    dict(request.query_params),
                    form,
                    client_host=client[0] if client else "unknown",
                    password_less=self.settings.test_login_route
                    and arrived_on_loopback(request.scope.get("server")),
                )
        except ErrorReply as error:
            return JSONBytesResponse(
                dump_json({"error": "invalid_request", "error_description": error.description}),
                status_code=error.status,
            )
        except OAuthError as error:
            return JSONBytesResponse(
                dump_json(error.body()), status_code=error.status, headers=error.headers
            )
        except ClientGone:
            return self.client_gone(request)
        if answer.location is not None:
            return RedirectResponse(answer.location, status_code=302)
        return HTMLResponse(answer.login_page or "")


#: What a DRF view says it renders and parses (badgr-server's settings), in its OPTIONS answer.
_RENDERS = ["application/ld+json", "application/json", "text/html"]
_PARSES = ["application/json", "application/x-www-form-urlencoded", "multipart/form-data"]


def _drf_metadata(operations: dict[str, Operation]) -> dict[str, Any]:
    """DRF's SimpleMetadata answer to OPTIONS: the view's name and description, and the media
    types it renders and parses (the real server's, §12)."""
    name = " ".join(sorted({op.operation_id.split("_", 1)[-1] for op in operations.values()}))
    return {
        "name": name.replace("_", " ").title(),
        "description": "",
        "renders": _RENDERS,
        "parses": _PARSES,
    }


def _is_integer(text: str) -> bool:
    digits = text.strip().removeprefix("-")
    return digits.isascii() and digits.isdigit()
