"""Sync and async executors: run a :class:`~badgr._call.Call` through the generated client.

The whole policy (retries, back-off, unwrapping, reconciliation) is one generator,
:func:`badgr._flow.call_flow`, that *yields actions* (send this call, sleep, run a lookup) and
receives their results. The sync and async executors are small drivers of that generator, so
the logic exists once. The common call, a first attempt answered by a 2xx that unwraps, is
settled by :func:`badgr._flow.settled` before any generator is made. Lanes of one client share
a :class:`~badgr._retry.SharedPause`.

Each attempt builds the request from the generated operation's ``_get_kwargs`` (or GETs a
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
from ._flow import Action, Attempt, Flow, Nested, Sleep, _connection_error, call_flow, settled
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


def _answer(flow: Flow, result: Any) -> Action:
    """Give the flow the result of the action it asked for (an error is thrown in); its next
    action."""
    if isinstance(result, BaseException):
        return flow.throw(result)
    return flow.send(result)


class _CookiesSetByServer(httpx.Cookies):
    """``httpx`` hands every answer to ``http.cookiejar``, which first wraps request and answer
    in ``urllib`` objects (a twentieth of an award's client CPU). Only an answer that sets a
    cookie can change the jar (``Set-Cookie2`` is off in the default cookie policy), so the
    others skip it; cookies a server does set are kept and sent back as before."""

    def extract_cookies(self, response: httpx.Response) -> None:
        if "set-cookie" in response.headers:
            super().extract_cookies(response)


def _keep_cookies_cheaply(http: httpx.Client | httpx.AsyncClient) -> None:
    http._cookies = _CookiesSetByServer()  # the jar behind ``http.cookies``; httpx pinned <0.29


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

    def _request(self, call: Call[Any], http: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        """The ``httpx`` request for one attempt of ``call``.

        An operation's request is built here rather than by ``http.build_request``, which
        re-parses and re-merges the base URL and query on every call: more client CPU than
        decoding the models (``make bench`` measures it). The result is the same request:
        the client's base URL and headers, the query as ``httpx`` encodes it, this
        executor's timeout. What only ``httpx``'s merging gets right (a ``Link`` URL, an
        absolute URL or a path with its own query given to ``client.request``, cookies the
        server set) goes through ``build_request``.
        """
        if call.url is not None:
            kwargs: dict[str, Any] = {"method": "GET", "url": call.url}
        else:
            kwargs = call.op._get_kwargs(**call.kwargs)
        headers = kwargs.pop("headers", None)
        if self.extra_headers:
            headers = {**self.extra_headers, **(headers or {})}
        url: str = kwargs.pop("url")
        if not url.startswith("/") or "?" in url or "#" in url or http.cookies:
            return http.build_request(url=url, headers=headers, timeout=self.timeout, **kwargs)
        params = kwargs.pop("params", None)
        if params:
            url = f"{url}?{httpx.QueryParams(params)}"
        merged = http.headers.copy()
        if headers:
            merged.update(headers)
        return httpx.Request(
            url=self._url_prefix + url,
            headers=merged,
            extensions={"timeout": self.timeout.as_dict()},
            **kwargs,
        )

    @cached_property
    def _url_prefix(self) -> str:
        """``base_url`` as ``httpx`` normalised it, without the trailing slash."""
        return str(httpx.URL(self.base_url)).rstrip("/")

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
        # Loading the CA bundle takes tens of milliseconds: every job's executor reuses this one.
        self._ssl_context = httpx.create_ssl_context() if transport is None else None
        self.http = httpx.Client(
            transport=transport,
            verify=self._ssl_context or True,
            event_hooks={"request": [log_request], "response": [log_response]},
            **self._httpx_args(),
        )
        _keep_cookies_cheaply(self.http)

    def close(self) -> None:
        self.http.close()

    def _attempt(self, call: Call[Any]) -> Attempt:
        return self._decoded(call, self.http.send(self._request(call, self.http)))

    def run_detailed(self, call: Call[T]) -> Outcome[T]:
        first: Attempt | BaseException | None = None
        if not self.pause.remaining():
            try:
                first = self._attempt(call)
            except (httpx.TransportError, BadgrError) as exc:
                first = exc
            else:
                outcome = settled(call, first)
                if outcome is not None:
                    return outcome
        return self._drive(call_flow(call, self.policy), first)

    def _drive(self, flow: Flow, first: Attempt | BaseException | None) -> Outcome[Any]:
        """Run ``flow`` to its outcome; ``first`` is the result of its first ``Send``, when the
        caller made that attempt already."""
        try:
            action = next(flow)
            result = self._perform(action) if first is None else first
            while True:
                result = self._perform(_answer(flow, result))
        except StopIteration as stop:
            return cast(Outcome[Any], stop.value)

    def _perform(self, action: Action) -> Any:
        """Carry out one action of the flow: its result, or the error to throw back in."""
        try:
            if isinstance(action, Sleep):
                if action.everyone:
                    self.pause.extend(action.seconds)
                time.sleep(action.seconds)
                return None
            if isinstance(action, Nested):
                return self.run_detailed(action.call)
            wait = self.pause.remaining()
            if wait:
                time.sleep(wait)
            return self._attempt(action.call)
        except (httpx.TransportError, BadgrError) as exc:
            return exc

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
            executor = AsyncExecutor(
                transport=self._async_transport, ssl_context=self._ssl_context, **self._config()
            )
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
        if ssl_context is None and transport is None:
            ssl_context = httpx.create_ssl_context()
        self._ssl_context = ssl_context
        self.http = httpx.AsyncClient(
            transport=transport,
            limits=limits or httpx.Limits(),
            verify=ssl_context or True,
            event_hooks={"request": [_log_request_async], "response": [_log_response_async]},
            **self._httpx_args(),
        )
        _keep_cookies_cheaply(self.http)

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
        return self._decoded(call, await self.http.send(self._request(call, self.http)))

    async def run_detailed(self, call: Call[T]) -> Outcome[T]:
        first: Attempt | BaseException | None = None
        if not self.pause.remaining():
            try:
                first = await self._attempt(call)
            except (httpx.TransportError, BadgrError) as exc:
                first = exc
            else:
                outcome = settled(call, first)
                if outcome is not None:
                    return outcome
        return await self._drive(call_flow(call, self.policy), first)

    async def _drive(self, flow: Flow, first: Attempt | BaseException | None) -> Outcome[Any]:
        try:
            action = next(flow)
            result = await self._perform(action) if first is None else first
            while True:
                result = await self._perform(_answer(flow, result))
        except StopIteration as stop:
            return cast(Outcome[Any], stop.value)

    async def _perform(self, action: Action) -> Any:
        try:
            if isinstance(action, Sleep):
                if action.everyone:
                    self.pause.extend(action.seconds)
                await async_sleep(action.seconds)
                return None
            if isinstance(action, Nested):
                return await self.run_detailed(action.call)
            wait = self.pause.remaining()
            if wait:
                await async_sleep(wait)
            return await self._attempt(action.call)
        except (httpx.TransportError, BadgrError) as exc:
            return exc

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
