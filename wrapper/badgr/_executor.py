"""Sync and async executors: run a :class:`~badgr._call.Call` through the generated client.

The whole policy (retries, back-off, unwrapping, reconciliation) is one generator,
:func:`badgr._flow.call_flow`, that *yields actions* (send this call, sleep, run a lookup) and
receives their results. The sync and async executors are small drivers of that generator, so
the logic exists once. Lanes of one client share a :class:`~badgr._retry.SharedPause`.

Each attempt builds the request with the generated operation's ``_get_kwargs`` (or GETs a
``Link`` URL verbatim), sends it on the shared ``httpx`` client with this executor's timeout
and extra headers (``with_options``), and decodes a 2xx body with the operation's
``_parse_response``. Other statuses are not decoded here: :func:`badgr._envelope.unwrap` reads
them raw.
"""

from __future__ import annotations

import copy
import ssl
import threading
import time
from collections.abc import Coroutine, Generator, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, Self, TypeVar, cast

import httpx

from ._auth import BadgrAuth
from ._call import Call, Job, Outcome
from ._flow import Attempt, Nested, Sleep, _connection_error, call_flow
from ._logging import log_request, log_response
from ._retry import RetryPolicy, SharedPause, async_sleep
from .errors import BadgrError

if TYPE_CHECKING:
    from badgr_api.client import AuthenticatedClient

__all__ = ["AsyncExecutor", "SyncExecutor", "_connection_error"]

T = TypeVar("T")


async def _log_request_async(request: httpx.Request) -> None:
    log_request(request)


async def _log_response_async(response: httpx.Response) -> None:
    log_response(response)


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
        extra_headers: Mapping[str, str] | None = None,
        pause: SharedPause | None = None,
    ) -> None:
        self.base_url = base_url
        self.auth = auth
        self.timeout = timeout
        self.policy = policy
        #: the client's headers, set on its ``httpx`` client
        self.headers = headers
        #: headers added to each request (``with_options(headers=…)``)
        self.extra_headers: dict[str, str] = dict(extra_headers or {})
        self.pause = pause or SharedPause()

    @cached_property
    def generated(self) -> AuthenticatedClient:
        """What the generated parsers take as ``client`` (they read only its settings); made on
        first use, so ``import badgr`` does not load the generated package."""
        from badgr_api.client import AuthenticatedClient

        return AuthenticatedClient(base_url=self.base_url, token="")

    def _httpx_args(self) -> dict[str, Any]:
        return {
            "base_url": self.base_url,
            "auth": self.auth,
            "timeout": self.timeout,
            "headers": self.headers,
            "follow_redirects": False,
        }

    def _config(self) -> dict[str, Any]:
        """What a sibling executor (a lane, a job's loop) needs to behave like this one."""
        return {
            "base_url": self.base_url,
            "auth": self.auth,
            "timeout": self.timeout,
            "policy": self.policy,
            "headers": self.headers,
            "extra_headers": self.extra_headers,
            "pause": self.pause,
        }

    def with_options(
        self,
        *,
        timeout: httpx.Timeout | None = None,
        policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Self:
        """A copy sharing the connection pool, pause and auth, with other per-call options."""
        derived = copy.copy(self)
        if timeout is not None:
            derived.timeout = timeout
        if policy is not None:
            derived.policy = policy
        if headers:
            derived.extra_headers = {**self.extra_headers, **headers}
        return derived

    def _request(self, call: Call[Any]) -> dict[str, Any]:
        """``httpx`` request arguments for one attempt of ``call``."""
        if call.url is not None:
            kwargs: dict[str, Any] = {"method": "GET", "url": call.url}
        else:
            kwargs = call.op._get_kwargs(**call.kwargs)
        if self.extra_headers:
            kwargs["headers"] = {**self.extra_headers, **kwargs.get("headers", {})}
        kwargs["timeout"] = self.timeout
        return kwargs

    def _decoded(self, call: Call[Any], response: httpx.Response) -> Attempt:
        """Decode a success body; a parser that raises leaves the raw response for ``unwrap``."""
        if call.shape == "none" or not 200 <= response.status_code < 300:
            return response, None, None
        try:
            parsed = call.op._parse_response(client=self.generated, response=response)
        except Exception as exc:
            return response, None, exc
        return response, parsed, None


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
            event_hooks={"request": [log_request], "response": [log_response]},
            **self._httpx_args(),
        )

    def close(self) -> None:
        self.http.close()

    def _attempt(self, call: Call[Any]) -> Attempt:
        return self._decoded(call, self.http.request(**self._request(call)))

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
        except httpx.TransportError as exc:  # never retried: a failed login feeds the throttle
            raise _connection_error(exc) from exc

    def run_job(self, job: Job[T]) -> T:
        """Run a coroutine-based job from sync code, on a private event loop."""

        async def main() -> T:
            executor = AsyncExecutor(transport=self._async_transport, **self._config())
            try:
                return await job.run(executor)
            finally:
                await executor.aclose()

        import asyncio  # loaded by the first job, not by ``import badgr``

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
        self._own_transport = transport is None
        # Loading the CA bundle takes tens of milliseconds: lanes share their parent's context.
        self._ssl_context = ssl_context or httpx.create_ssl_context()
        self.http = httpx.AsyncClient(
            transport=transport,
            limits=limits or httpx.Limits(),
            verify=self._ssl_context,
            event_hooks={"request": [_log_request_async], "response": [_log_response_async]},
            **self._httpx_args(),
        )

    def lane(self) -> AsyncExecutor:
        """A sibling with one connection of its own, for one worker of a concurrent job.

        httpcore's pool re-examines every pooled connection on each request, so N workers on
        N one-connection lanes spend about a third less client CPU per request than N workers
        sharing one N-connection pool. A caller-supplied transport is shared as it is.
        """
        if not self._own_transport:
            return self
        return AsyncExecutor(
            limits=httpx.Limits(max_connections=1), ssl_context=self._ssl_context, **self._config()
        )

    async def aclose(self) -> None:
        await self.http.aclose()

    async def _attempt(self, call: Call[Any]) -> Attempt:
        return self._decoded(call, await self.http.request(**self._request(call)))

    async def run_detailed(self, call: Call[T]) -> Outcome[T]:
        flow = call_flow(call, self.policy)
        try:
            action = next(flow)
            while True:
                try:
                    if isinstance(action, Sleep):
                        if action.everyone:
                            self.pause.extend(action.seconds)
                        await async_sleep(action.seconds)
                        result: Any = None
                    elif isinstance(action, Nested):
                        result = await self.run_detailed(action.call)
                    else:
                        wait = self.pause.remaining()
                        if wait:
                            await async_sleep(wait)
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
        except httpx.TransportError as exc:
            raise _connection_error(exc) from exc

    def run_job(self, job: Job[T]) -> Coroutine[Any, Any, T]:
        async def main() -> T:
            return await job.run(self)

        return main()
