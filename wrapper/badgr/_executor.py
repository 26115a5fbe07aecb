"""Sync and async executors: run a :class:`~badgr._call.Call` through the generated client.

The whole policy (retries, back-off, unwrapping, duplicate-award recovery) is one generator,
:meth:`_ExecutorCore._flow`, that *yields actions* (send this call, sleep, run that nested call) and
receives their results. The sync and async executors are small drivers of that generator, so
the logic exists once.

Each attempt calls the generated ``*_detailed`` function (or, to follow a ``Link`` URL
verbatim, the module's ``_build_response`` on a plain GET). The raw ``httpx.Response`` is
captured by a response hook through a context variable, which is per thread and per asyncio
task, so it is available for errors, ``last_response`` and bodies that fail to parse.
"""

from __future__ import annotations

import asyncio
import contextvars
import ssl
import threading
import time
from collections.abc import Coroutine, Generator
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, cast

import httpx

from badgr_api.client import AuthenticatedClient

from ._auth import BadgrAuth
from ._call import Call, Job, Outcome
from ._envelope import unwrap
from ._logging import log_request, log_response, logger, redact, redact_url
from ._retry import RetryPolicy
from .errors import APIConnectionError, APIError, APITimeoutError, BadgrError

__all__ = ["AsyncExecutor", "SyncExecutor"]

T = TypeVar("T")


@dataclass
class _Capture:
    response: httpx.Response | None = None


_capture: contextvars.ContextVar[_Capture | None] = contextvars.ContextVar(
    "badgr_capture", default=None
)


def _on_response(response: httpx.Response) -> None:
    capture = _capture.get()
    if capture is not None:
        capture.response = response
    log_response(response)


async def _on_response_async(response: httpx.Response) -> None:
    _on_response(response)


async def _on_request_async(request: httpx.Request) -> None:
    log_request(request)


@dataclass(frozen=True)
class _Send:
    call: Call[Any]


@dataclass(frozen=True)
class _Sleep:
    seconds: float


@dataclass(frozen=True)
class _Nested:
    call: Call[Any]


_Attempt = tuple[httpx.Response, Any, BaseException | None]
#: Gateway answers after which the upstream server may still have applied the request.
_MAYBE_APPLIED_STATUSES = frozenset({502, 504})
_Action = _Send | _Sleep | _Nested
_RunFlow = Generator[_Action, Any, Outcome[Any]]


def _connection_error(exc: httpx.TransportError) -> APIConnectionError:
    try:
        request: httpx.Request | None = exc.request
    except RuntimeError:  # raised outside a request (a transport used directly)
        request = None
    where = "" if request is None else f" calling {request.method} {redact_url(request.url)}"
    cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    return cls(f"{type(exc).__name__}{where}: {redact(str(exc))}", request=request)


class _ExecutorCore:
    """Configuration and the retry/recovery flow shared by both executors."""

    def __init__(
        self,
        *,
        base_url: str,
        auth: BadgrAuth,
        timeout: httpx.Timeout,
        policy: RetryPolicy,
        headers: dict[str, str],
    ) -> None:
        self.base_url = base_url
        self.auth = auth
        self.timeout = timeout
        self.policy = policy
        self.headers = headers
        self.generated = AuthenticatedClient(base_url=base_url, token="")

    def _httpx_args(self) -> dict[str, Any]:
        return {
            "base_url": self.base_url,
            "auth": self.auth,
            "timeout": self.timeout,
            "headers": self.headers,
            "follow_redirects": False,
        }

    def _flow(self, call: Call[Any]) -> _RunFlow:
        """Retries, unwrapping and recovery, written once for both executors."""
        retries = 0
        # Whether an earlier attempt may have been applied with its answer lost: a connection
        # error, or a gateway's 502/504. A 429 or 503 is the server refusing to act.
        maybe_applied = False
        while True:
            try:
                raw, parsed, parse_error = yield _Send(call)
            except httpx.TransportError as exc:
                delay = self.policy.delay_after_error(
                    exc, idempotent=call.retry_safe, attempt=retries + 1
                )
                if delay is None:
                    raise _connection_error(exc) from exc
                maybe_applied = True
                retries += 1
                logger.info(
                    "%s: %s; retry %d of %d in %.2f s",
                    call.name,
                    type(exc).__name__,
                    retries,
                    self.policy.max_retries,
                    delay,
                )
                yield _Sleep(delay)
                continue
            delay = None
            if raw.status_code in self.policy.statuses:  # retry_safe is only worked out here
                delay = self.policy.delay_after_response(
                    raw, idempotent=call.retry_safe, attempt=retries + 1
                )
            if delay is not None:
                maybe_applied = maybe_applied or raw.status_code in _MAYBE_APPLIED_STATUSES
                retries += 1
                logger.info(
                    "%s: HTTP %d; retry %d of %d in %.2f s",
                    call.name,
                    raw.status_code,
                    retries,
                    self.policy.max_retries,
                    delay,
                )
                yield _Sleep(delay)
                continue
            try:
                value = unwrap(raw, parsed, parse_error, shape=call.shape, item_type=call.item_type)
            except APIError as error:
                recovery = call.recovery
                if maybe_applied and recovery is not None and recovery.when(error):
                    found = recovery.pick((yield _Nested(recovery.call)))
                    if found is not None:
                        logger.warning(
                            "%s: a retry was refused (%s) because the first attempt had"
                            " already succeeded; returning what it created",
                            call.name,
                            error.description,
                        )
                        return Outcome(found, raw, retries + 1, recovered=True)
                raise
            return Outcome(value, raw, retries + 1)

    @staticmethod
    def _parse_failed(capture: _Capture, exc: Exception) -> _Attempt:
        """The generated parser raised: keep the raw response for ``unwrap`` to judge."""
        if capture.response is None:
            raise exc
        return capture.response, None, exc

    @staticmethod
    def _attempt_result(call: Call[Any], capture: _Capture, result: Any) -> _Attempt:
        if capture.response is None:  # pragma: no cover - the hooks are always installed
            raise BadgrError(f"{call.name}: no response was captured")
        return capture.response, result.parsed, None


class SyncExecutor(_ExecutorCore):
    """Runs calls with blocking I/O (``Client``); jobs run on a private event loop."""

    is_async: Literal[False] = False

    def __init__(
        self,
        *,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self._async_transport = async_transport
        self.http = httpx.Client(
            transport=transport,
            event_hooks={"request": [log_request], "response": [_on_response]},
            **self._httpx_args(),
        )
        self.generated.set_httpx_client(self.http)

    def close(self) -> None:
        self.http.close()

    def _attempt(self, call: Call[Any]) -> _Attempt:
        capture = _Capture()
        token = _capture.set(capture)
        try:
            try:
                if call.url is not None:
                    response = self.http.get(call.url)
                    result = call.op._build_response(client=self.generated, response=response)
                else:
                    result = call.op.sync_detailed(client=self.generated, **call.kwargs)
            except (httpx.TransportError, BadgrError):
                raise
            except Exception as exc:
                return self._parse_failed(capture, exc)
            return self._attempt_result(call, capture, result)
        finally:
            _capture.reset(token)

    def run_detailed(self, call: Call[T]) -> Outcome[T]:
        flow = self._flow(call)
        try:
            action = next(flow)
            while True:
                if isinstance(action, _Sleep):
                    time.sleep(action.seconds)
                    action = flow.send(None)
                elif isinstance(action, _Nested):
                    action = flow.send(self.run(action.call))
                else:
                    try:
                        attempt = self._attempt(action.call)
                    except httpx.TransportError as exc:
                        action = flow.throw(exc)
                        continue
                    action = flow.send(attempt)
        except StopIteration as stop:
            return cast(Outcome[T], stop.value)

    def run(self, call: Call[T]) -> T:
        return self.run_detailed(call).value

    def grant(self, generator: Generator[httpx.Request, httpx.Response, T]) -> T:
        """Drive a token grant (``BadgrAuth.grant_flow``) without auth on the request."""
        try:
            request = next(generator)
            while True:
                request = generator.send(self.http.send(request, auth=None))
        except StopIteration as stop:
            return cast(T, stop.value)

    def run_job(self, job: Job[T]) -> T:
        """Run a coroutine-based job from sync code, on a private event loop."""

        async def main() -> T:
            executor: AsyncExecutor = AsyncExecutor(
                transport=self._async_transport,
                base_url=self.base_url,
                auth=self.auth,
                timeout=self.timeout,
                policy=self.policy,
                headers=self.headers,
            )
            try:
                return await job.run(executor)
            finally:
                await executor.aclose()

        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(main())
        # called from inside a running loop (e.g. a notebook): use a private thread
        box: dict[str, Any] = {}

        def target() -> None:
            try:
                box["value"] = asyncio.run(main())
            except BaseException as exc:
                box["error"] = exc

        thread = threading.Thread(target=target, name="badgr-job")
        thread.start()
        thread.join()
        if "error" in box:
            raise box["error"]
        return cast(T, box["value"])


class AsyncExecutor(_ExecutorCore):
    """Runs calls as coroutines (``AsyncClient``, and the jobs of both clients)."""

    is_async: Literal[True] = True

    def __init__(
        self,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        limits: httpx.Limits | None = None,
        ssl_context: ssl.SSLContext | None = None,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self._config_kwargs = kwargs
        self._own_transport = transport is None
        # Loading the CA bundle takes tens of milliseconds: lanes share their parent's context.
        self._ssl_context = ssl_context or httpx.create_ssl_context()
        self.http = httpx.AsyncClient(
            transport=transport,
            limits=limits or httpx.Limits(),
            verify=self._ssl_context,
            event_hooks={"request": [_on_request_async], "response": [_on_response_async]},
            **self._httpx_args(),
        )
        self.generated.set_async_httpx_client(self.http)

    def lane(self) -> AsyncExecutor:
        """A sibling with one connection of its own, for one worker of a concurrent job.

        httpcore's pool re-examines every pooled connection on each request, so N workers on
        N one-connection lanes spend about a third less client CPU per request than N workers
        sharing one N-connection pool. A caller-supplied transport is shared as it is.
        """
        if not self._own_transport:
            return self
        return AsyncExecutor(
            limits=httpx.Limits(max_connections=1),
            ssl_context=self._ssl_context,
            **self._config_kwargs,
        )

    async def aclose(self) -> None:
        await self.http.aclose()

    async def _attempt(self, call: Call[Any]) -> _Attempt:
        capture = _Capture()
        token = _capture.set(capture)
        try:
            try:
                if call.url is not None:
                    response = await self.http.get(call.url)
                    result = call.op._build_response(client=self.generated, response=response)
                else:
                    result = await call.op.asyncio_detailed(client=self.generated, **call.kwargs)
            except (httpx.TransportError, BadgrError):
                raise
            except Exception as exc:
                return self._parse_failed(capture, exc)
            return self._attempt_result(call, capture, result)
        finally:
            _capture.reset(token)

    async def run_detailed(self, call: Call[T]) -> Outcome[T]:
        flow = self._flow(call)
        try:
            action = next(flow)
            while True:
                if isinstance(action, _Sleep):
                    await asyncio.sleep(action.seconds)
                    action = flow.send(None)
                elif isinstance(action, _Nested):
                    action = flow.send(await self.run(action.call))
                else:
                    try:
                        attempt = await self._attempt(action.call)
                    except httpx.TransportError as exc:
                        action = flow.throw(exc)
                        continue
                    action = flow.send(attempt)
        except StopIteration as stop:
            return cast(Outcome[T], stop.value)

    async def run(self, call: Call[T]) -> T:
        return (await self.run_detailed(call)).value

    async def grant(self, generator: Generator[httpx.Request, httpx.Response, T]) -> T:
        try:
            request = next(generator)
            while True:
                request = generator.send(await self.http.send(request, auth=None))
        except StopIteration as stop:
            return cast(T, stop.value)

    def run_job(self, job: Job[T]) -> Coroutine[Any, Any, T]:
        async def main() -> T:
            return await job.run(self)

        return main()
