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
import time
from collections.abc import Coroutine, Generator
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, Self, TypeVar, cast

import httpx

from ._bounds import AUTH_RESPONSE_BYTES, aread_bounded, read_bounded
from ._call import Call, Job, Outcome
from ._deadline import call_deadline, pause_before_sending, timed_attempt
from ._flow import Action, Attempt, Flow, Nested, Sleep, _connection_error, call_flow, settled
from ._jobs.loop import JobLoop
from ._logging import LOGGED_WITHOUT_CREDENTIALS
from ._retry import RetryPolicy, SharedPause, async_sleep
from ._settings import Settings
from .errors import BadgrError

if TYPE_CHECKING:
    from badgr_api.client import AuthenticatedClient

    from ._jobs.loop import ThreadedSyncClient

    _HTTP = httpx.Client | httpx.AsyncClient | ThreadedSyncClient

__all__ = ["AsyncExecutor", "Settings", "SyncExecutor", "_connection_error"]

T = TypeVar("T")


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


def _one_route(client_name: str, client: object, transport_name: str, transport: object) -> None:
    """A client of the caller's or a transport for one of ours: not both."""
    if client is not None and transport is not None:
        raise ValueError(f"pass {client_name}= or {transport_name}=, not both")


class _ExecutorCore:
    """Settings and the retry/recovery flow shared by both executors."""

    #: ``self.http`` was made here, with the settings' base URL and headers (else it is the
    #: caller's ``http_client=``, to which each request brings them)
    _http_is_ours: bool

    def __init__(self, settings: Settings, *, pause: SharedPause | None = None) -> None:
        self.settings = settings
        self.pause = pause or SharedPause()

    @property
    def policy(self) -> RetryPolicy:
        return self.settings.policy

    @cached_property
    def generated(self) -> AuthenticatedClient:
        """What the generated parsers take as ``client`` (they read only its settings); made on
        first use, so ``import badgr`` does not load the generated package."""
        from badgr_api.client import AuthenticatedClient

        return AuthenticatedClient(base_url=self.settings.base_url, token="")

    def _httpx_args(self) -> dict[str, Any]:
        return {
            "base_url": self.settings.base_url,
            "timeout": self.settings.timeout,
            "headers": self.settings.headers,
            "follow_redirects": False,
        }

    def with_settings(self, settings: Settings) -> Self:
        """A copy sharing the connection pool, pause and job loop, with other settings
        (``with_options``: ``Settings.derive``)."""
        derived = copy.copy(self)
        derived.settings = settings
        return derived

    def _request(self, call: Call[Any], http: _HTTP) -> httpx.Request:
        """The ``httpx`` request for one attempt of ``call``.

        An operation's request is built here rather than by ``http.build_request``, which
        re-parses and re-merges the base URL and query on every call: more client CPU than
        decoding the models (``make bench`` measures it). The result is the same request:
        the client's base URL and headers, the query as ``httpx`` encodes it, this
        executor's timeout. What only ``httpx``'s merging gets right (a ``Link`` URL, an
        absolute URL or a path with its own query given to ``client.request``, cookies the
        server set, the caller's own ``http_client=``) goes through ``build_request``.
        """
        if call.url is not None:
            kwargs: dict[str, Any] = {"method": "GET", "url": call.url}
        else:
            kwargs = call.op._get_kwargs(**call.kwargs)
        settings = self.settings
        headers = kwargs.pop("headers", None)
        if not self._http_is_ours:
            headers = {**settings.headers, **settings.extra_headers, **(headers or {})}
        elif settings.extra_headers:
            headers = {**settings.extra_headers, **(headers or {})}
        url: str = kwargs.pop("url")
        relative = url.startswith("/")
        if not (self._http_is_ours and relative) or "?" in url or "#" in url or http.cookies:
            if relative and not self._http_is_ours:  # the caller's client has no base URL of ours
                url = self._url_prefix + url
            return http.build_request(url=url, headers=headers, timeout=settings.timeout, **kwargs)
        params = kwargs.pop("params", None)
        if params:
            url = f"{url}?{httpx.QueryParams(params)}"
        merged = http.headers.copy()
        if headers:
            merged.update(headers)
        return httpx.Request(
            url=self._url_prefix + url,
            headers=merged,
            extensions={"timeout": settings.timeout.as_dict()},
            **kwargs,
        )

    @cached_property
    def _url_prefix(self) -> str:
        """``base_url`` as ``httpx`` normalised it, without the trailing slash."""
        return str(httpx.URL(self.settings.base_url)).rstrip("/")

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
    """Runs calls with blocking I/O (``Client``); jobs run on a private event loop.

    Requests go through the caller's ``http_client`` when given (never closed here), else a
    client of ours over ``transport`` (or the network). Jobs run on ``async_http_client`` or
    ``async_transport`` when given; else, when the caller gave a sync route, on it (from
    worker threads); else on an ``httpx.AsyncClient`` of ours.
    """

    is_async: Literal[False] = False

    def __init__(
        self,
        settings: Settings,
        *,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        async_http_client: httpx.AsyncClient | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__(settings)
        _one_route("http_client", http_client, "transport", transport)
        _one_route("async_http_client", async_http_client, "async_transport", async_transport)
        self._async_http_client = async_http_client
        self._async_transport = async_transport
        self._jobs_on_threads = (http_client is not None or transport is not None) and (
            async_http_client is None and async_transport is None
        )
        # Loading the CA bundle takes tens of milliseconds: every job's executor reuses this one.
        self._ssl_context = (
            httpx.create_ssl_context() if http_client is None and transport is None else None
        )
        #: shared with ``with_options`` copies, like the connection pool
        self._job_loop = JobLoop()
        self._http_is_ours = http_client is None
        if http_client is None:
            http_client = httpx.Client(
                transport=transport, verify=self._ssl_context or True, **self._httpx_args()
            )
            _keep_cookies_cheaply(http_client)
        self.http = http_client

    def close(self) -> None:
        self._job_loop.close()
        if self._http_is_ours:
            self.http.close()

    def _attempt(self, call: Call[Any], deadline: float | None) -> Attempt:
        request = self._request(call, self.http)
        read_until = timed_attempt(self.settings, request, deadline)
        response = self.http.send(
            request, auth=self.settings.auth, follow_redirects=False, stream=True
        )
        read_bounded(response, self.settings.max_response_bytes, read_until)
        return self._decoded(call, response)

    def run_detailed(self, call: Call[T], *, whole_call: bool = True) -> Outcome[T]:
        """Run ``call`` to its outcome; ``timeout`` bounds all of it unless not ``whole_call``
        (a job's call: then each attempt)."""
        return self._run(call, call_deadline(self.settings, whole_call))

    def _run(self, call: Call[T], deadline: float | None) -> Outcome[T]:
        first: Attempt | BaseException | None = None
        if not self.pause.remaining():
            try:
                first = self._attempt(call, deadline)
            except (httpx.TransportError, BadgrError) as exc:
                first = exc
            else:
                outcome = settled(call, first)
                if outcome is not None:
                    return outcome
        return self._drive(call_flow(call, self.policy, deadline), first, deadline)

    def _drive(
        self, flow: Flow, first: Attempt | BaseException | None, deadline: float | None
    ) -> Outcome[Any]:
        """Run ``flow`` to its outcome; ``first`` is the result of its first ``Send``, when the
        caller made that attempt already."""
        try:
            action = next(flow)
            result = self._perform(action, deadline) if first is None else first
            while True:
                result = self._perform(_answer(flow, result), deadline)
        except StopIteration as stop:
            return cast(Outcome[Any], stop.value)

    def _perform(self, action: Action, deadline: float | None) -> Any:
        """Carry out one action of the flow: its result, or the error to throw back in."""
        try:
            if isinstance(action, Sleep):
                if action.everyone:
                    self.pause.extend(action.seconds)
                time.sleep(action.seconds)
                return None
            if isinstance(action, Nested):
                return self._run(action.call, deadline)
            wait = pause_before_sending(self.pause, action.call, deadline)
            if wait:
                time.sleep(wait)
            return self._attempt(action.call, deadline)
        except (httpx.TransportError, BadgrError) as exc:
            return exc

    def run(self, call: Call[T], *, whole_call: bool = True) -> T:
        return self.run_detailed(call, whole_call=whole_call).value

    def grant(self, generator: Generator[httpx.Request, httpx.Response, T]) -> T:
        """Drive a token grant (``BadgrAuth.grant_flow``) without auth on the request."""
        try:
            request = next(generator)
            while True:
                request.extensions.setdefault("timeout", self.settings.timeout.as_dict())
                read_until = timed_attempt(self.settings, request, None)
                response = self.http.send(request, auth=LOGGED_WITHOUT_CREDENTIALS, stream=True)
                read_bounded(response, AUTH_RESPONSE_BYTES, read_until)
                request = generator.send(response)
        except StopIteration as stop:
            return cast(T, stop.value)
        except httpx.TransportError as exc:  # never retried: a failed login feeds the throttle
            raise _connection_error(exc) from exc

    def _job_executor(self) -> AsyncExecutor:
        """An executor for one job, on the route the caller chose (see the class)."""
        if self._async_http_client is not None:
            return AsyncExecutor(
                self.settings, http_client=self._async_http_client, pause=self.pause
            )
        if self._jobs_on_threads:
            from ._jobs.loop import ThreadedSyncClient

            return AsyncExecutor(
                self.settings,
                http_client=ThreadedSyncClient(self.http, self.settings),
                http_is_ours=self._http_is_ours,
                close_http_client=True,
                pause=self.pause,
            )
        return AsyncExecutor(
            self.settings,
            transport=self._async_transport,
            ssl_context=self._ssl_context,
            pause=self.pause,
        )

    def run_job(self, job: Job[T]) -> T:
        """Run a coroutine-based job from sync code, on the client's private event loop."""

        async def main() -> T:
            executor = self._job_executor()
            try:
                return await job.run(executor)
            finally:
                await executor.aclose()

        return self._job_loop.run(main())


class AsyncExecutor(_ExecutorCore):
    """Runs calls as coroutines (``AsyncClient``, and the jobs of both clients).

    Requests go through ``http_client`` when given (closed here only if
    ``close_http_client``), else a client of ours over ``transport`` (or the network).
    """

    is_async: Literal[True] = True

    def __init__(
        self,
        settings: Settings,
        *,
        http_client: httpx.AsyncClient | ThreadedSyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        http_is_ours: bool = False,
        close_http_client: bool = False,
        limits: httpx.Limits | None = None,
        ssl_context: ssl.SSLContext | None = None,
        pause: SharedPause | None = None,
    ):
        super().__init__(settings, pause=pause)
        _one_route("http_client", http_client, "transport", transport)
        #: lanes of their own only over our own network connections (else shared as given)
        self._makes_lanes = http_client is None and transport is None
        self._closes_http = http_client is None or close_http_client
        self._http_is_ours = http_client is None or http_is_ours
        # Loading the CA bundle takes tens of milliseconds: lanes share their parent's context.
        if ssl_context is None and self._makes_lanes:
            ssl_context = httpx.create_ssl_context()
        self._ssl_context = ssl_context
        if http_client is None:
            http_client = httpx.AsyncClient(
                transport=transport,
                limits=limits or httpx.Limits(),
                verify=ssl_context or True,
                **self._httpx_args(),
            )
            _keep_cookies_cheaply(http_client)
        self.http = http_client

    def lane(self) -> AsyncExecutor:
        """A sibling with one connection of its own, for one worker of a concurrent job.

        httpcore's pool re-examines every pooled connection on each request, so N workers on
        N one-connection lanes spend about a third less client CPU per request than N workers
        sharing one N-connection pool. A caller-supplied client or transport is shared as it
        is.
        """
        if not self._makes_lanes:
            return self
        return AsyncExecutor(
            self.settings,
            limits=httpx.Limits(max_connections=1),
            ssl_context=self._ssl_context,
            pause=self.pause,
        )

    async def aclose(self) -> None:
        if self._closes_http:
            await self.http.aclose()

    async def _attempt(self, call: Call[Any], deadline: float | None) -> Attempt:
        request = self._request(call, self.http)
        read_until = timed_attempt(self.settings, request, deadline)
        response = await self.http.send(
            request, auth=self.settings.auth, follow_redirects=False, stream=True
        )
        await aread_bounded(response, self.settings.max_response_bytes, read_until)
        return self._decoded(call, response)

    async def run_detailed(self, call: Call[T], *, whole_call: bool = True) -> Outcome[T]:
        return await self._run(call, call_deadline(self.settings, whole_call))

    async def _run(self, call: Call[T], deadline: float | None) -> Outcome[T]:
        first: Attempt | BaseException | None = None
        if not self.pause.remaining():
            try:
                first = await self._attempt(call, deadline)
            except (httpx.TransportError, BadgrError) as exc:
                first = exc
            else:
                outcome = settled(call, first)
                if outcome is not None:
                    return outcome
        return await self._drive(call_flow(call, self.policy, deadline), first, deadline)

    async def _drive(
        self, flow: Flow, first: Attempt | BaseException | None, deadline: float | None
    ) -> Outcome[Any]:
        try:
            action = next(flow)
            result = await self._perform(action, deadline) if first is None else first
            while True:
                result = await self._perform(_answer(flow, result), deadline)
        except StopIteration as stop:
            return cast(Outcome[Any], stop.value)

    async def _perform(self, action: Action, deadline: float | None) -> Any:
        try:
            if isinstance(action, Sleep):
                if action.everyone:
                    self.pause.extend(action.seconds)
                await async_sleep(action.seconds)
                return None
            if isinstance(action, Nested):
                return await self._run(action.call, deadline)
            wait = pause_before_sending(self.pause, action.call, deadline)
            if wait:
                await async_sleep(wait)
            return await self._attempt(action.call, deadline)
        except (httpx.TransportError, BadgrError) as exc:
            return exc

    async def run(self, call: Call[T], *, whole_call: bool = True) -> T:
        return (await self.run_detailed(call, whole_call=whole_call)).value

    async def wait(self, seconds: float, *, everyone: bool = False) -> None:
        await self._perform(Sleep(seconds, everyone), None)

    async def grant(self, generator: Generator[httpx.Request, httpx.Response, T]) -> T:
        try:
            request = next(generator)
            while True:
                request.extensions.setdefault("timeout", self.settings.timeout.as_dict())
                read_until = timed_attempt(self.settings, request, None)
                response = await self.http.send(
                    request, auth=LOGGED_WITHOUT_CREDENTIALS, stream=True
                )
                await aread_bounded(response, AUTH_RESPONSE_BYTES, read_until)
                request = generator.send(response)
        except StopIteration as stop:
            return cast(T, stop.value)
        except httpx.TransportError as exc:
            raise _connection_error(exc) from exc

    def run_job(self, job: Job[T]) -> Coroutine[Any, Any, T]:
        async def main() -> T:
            return await job.run(self)

        return main()
