"""Sync and async executors: run a :class:`~badgr._call.Call` through the generated client.

The whole policy (retries, back-off, unwrapping, reconciliation) is one generator,
:func:`badgr._flow.call_flow`, that *yields actions* (send this call, sleep, run a lookup) and
receives their results. The sync and async executors are small drivers of that generator, so
the logic exists once. Lanes of one client share a :class:`~badgr._retry.SharedPause`.

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
from ._flow import Attempt, Nested, Sleep, _connection_error, call_flow
from ._logging import log_request, log_response
from ._retry import RetryPolicy, SharedPause
from .errors import BadgrError

__all__ = ["AsyncExecutor", "SyncExecutor", "_connection_error"]

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
        pause: SharedPause | None = None,
    ) -> None:
        self.base_url = base_url
        self.auth = auth
        self.timeout = timeout
        self.policy = policy
        self.headers = headers
        self.pause = pause or SharedPause()
        self.generated = AuthenticatedClient(base_url=base_url, token="")

    def _httpx_args(self) -> dict[str, Any]:
        return {
            "base_url": self.base_url,
            "auth": self.auth,
            "timeout": self.timeout,
            "headers": self.headers,
            "follow_redirects": False,
        }

    @staticmethod
    def _parse_failed(capture: _Capture, exc: Exception) -> Attempt:
        """The generated parser raised: keep the raw response for ``unwrap`` to judge."""
        if capture.response is None:
            raise exc
        return capture.response, None, exc

    @staticmethod
    def _attempt_result(call: Call[Any], capture: _Capture, result: Any) -> Attempt:
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

    def _attempt(self, call: Call[Any]) -> Attempt:
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
        flow = call_flow(call, self.policy)
        try:
            action = next(flow)
            while True:
                try:
                    if isinstance(action, Sleep):
                        if action.everyone:
                            self.pause.extend(action.seconds)
                        time.sleep(action.seconds)
                        result: Any = None
                    elif isinstance(action, Nested):
                        result = self.run_detailed(action.call)
                    else:
                        wait = self.pause.remaining()
                        if wait:
                            time.sleep(wait)
                        result = self._attempt(action.call)
                except (httpx.TransportError, BadgrError) as exc:
                    action = flow.throw(exc)
                    continue
                action = flow.send(result)
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
                pause=self.pause,
            )
            try:
                return await job.run(executor)
            finally:
                await executor.aclose()

        try:
            asyncio.get_running_loop()
        except RuntimeError:
            try:
                return asyncio.run(main())
            except KeyboardInterrupt:
                # asyncio.run has cancelled the job (lanes closed, progress reported so far);
                # one plain KeyboardInterrupt, not the chain of cancellations behind it
                raise KeyboardInterrupt from None
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
        self._config_kwargs = {**kwargs, "pause": self.pause}
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

    async def _attempt(self, call: Call[Any]) -> Attempt:
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
        flow = call_flow(call, self.policy)
        try:
            action = next(flow)
            while True:
                try:
                    if isinstance(action, Sleep):
                        if action.everyone:
                            self.pause.extend(action.seconds)
                        await asyncio.sleep(action.seconds)
                        result: Any = None
                    elif isinstance(action, Nested):
                        result = await self.run_detailed(action.call)
                    else:
                        wait = self.pause.remaining()
                        if wait:
                            await asyncio.sleep(wait)
                        result = await self._attempt(action.call)
                except (httpx.TransportError, BadgrError) as exc:
                    action = flow.throw(exc)
                    continue
                action = flow.send(result)
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
