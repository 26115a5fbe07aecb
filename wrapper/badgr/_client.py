"""``Client`` and ``AsyncClient``: configuration, auth, namespaces, per-call options, lifecycle.

Namespaces are built on first use: each imports its generated operations and models, which is
most of what ``import badgr`` would otherwise cost. ``with_raw_response`` is the same set of
namespaces over the same executor, answering :class:`~badgr._response.RawResponse`;
``with_options`` is a copy of the client over a derived executor sharing the connection pool.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable, Coroutine, Mapping
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import httpx

from ._auth import BadgrAuth, Token, TokenCallback
from ._bounds import DEFAULT_MAX_RESPONSE_BYTES
from ._call import Call, RawOperation, Runner, positive_int
from ._config import DEFAULT_SCOPE, DEFAULT_TIMEOUT, resolve_config
from ._executor import AsyncExecutor, SyncExecutor
from ._namespace import AsyncMode, M, Namespace, RawAsyncMode, RawSyncMode, SyncMode
from ._profiles import Server, resolve_server
from ._response import RawResponse, raw_response
from ._retry import RetryPolicy
from ._settings import Settings

if TYPE_CHECKING:
    from ._resources.assertions import Assertions
    from ._resources.backpack import Backpack
    from ._resources.badgeclasses import BadgeClasses
    from ._resources.issuers import Issuers
    from ._resources.oauth import OAuth
    from ._resources.organizations import Organizations
    from ._resources.pathways import Pathways
    from ._resources.users import Users

__all__ = ["AsyncClient", "Client"]

_N = TypeVar("_N", bound=Namespace[Any])
_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")


def _timeout(value: float | httpx.Timeout) -> httpx.Timeout:
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value)


class _Namespaces(Generic[M]):
    """The namespaces, built on first use over ``_executor`` for ``server`` (raw or not)."""

    _executor: Runner
    _raw: bool = False
    server: Server
    auth: BadgrAuth
    base_url: str

    @cached_property
    def users(self) -> Users[M]:
        """``/v2/users``: your own profile and other users'."""
        from ._resources.users import Users

        return self._serve(Users(self._executor))

    @cached_property
    def issuers(self) -> Issuers[M]:
        """``/v2/issuers``: issuers, with ``.staff`` and ``.invitations``."""
        from ._resources.issuers import Issuers

        return self._serve(Issuers(self._executor))

    @cached_property
    def badgeclasses(self) -> BadgeClasses[M]:
        """``/v2/badgeclasses``: badge definitions, with ``.claim_codes``."""
        from ._resources.badgeclasses import BadgeClasses

        return self._serve(BadgeClasses(self._executor))

    @cached_property
    def assertions(self) -> Assertions[M]:
        """Awards: award, list, get, update, revoke."""
        from ._resources.assertions import Assertions

        return self._serve(Assertions(self._executor))

    @cached_property
    def backpack(self) -> Backpack[M]:
        """``/v2/backpack``: received assertions, collections, import."""
        from ._resources.backpack import Backpack

        return self._serve(Backpack(self._executor))

    @cached_property
    def organizations(self) -> Organizations[M]:
        """``/v2/organizations``: organizations you administer."""
        from ._resources.organizations import Organizations

        return self._serve(Organizations(self._executor))

    @cached_property
    def pathways(self) -> Pathways[M]:
        """``/v2/pathways``: learning pathways, drafted then published."""
        from ._resources.pathways import Pathways

        return self._serve(Pathways(self._executor))

    @cached_property
    def oauth(self) -> OAuth[M]:
        """Token helpers: explicit login and the authorization-code grant."""
        from ._resources.oauth import OAuth

        return self._serve(OAuth(self._executor, self.auth, self.base_url))

    def _serve(self, namespace: _N) -> _N:
        namespace._use(self.server, raw=self._raw)
        return namespace


class _RawView(_Namespaces[M]):
    """``client.with_raw_response``: every single-request method, answering ``RawResponse``."""

    _raw = True

    def __init__(self, client: _BaseClient[Any]) -> None:
        self._executor = client._executor
        self.server = client.server
        self.auth = client.auth
        self.base_url = client.base_url

    def __repr__(self) -> str:
        return f"<with_raw_response of {self.base_url!r}>"


class _BaseClient(_Namespaces[M]):
    """Configuration, auth and namespaces shared by both clients."""

    _executor: SyncExecutor | AsyncExecutor

    def __init__(
        self,
        *,
        base_url: str | None,
        region: str | None,
        token: str | Token | None,
        username: str | None,
        password: str | None,
        client_id: str | None,
        client_secret: str | None,
        scope: str | None,
        timeout: float | httpx.Timeout,
        max_retries: int,
        retry_policy: RetryPolicy | None,
        token_updated: TokenCallback | None,
        headers: dict[str, str] | None,
        server: Server | None,
        max_response_bytes: int,
        executor: Callable[[Settings], SyncExecutor | AsyncExecutor],
    ) -> None:
        #: the kind of server: ``"documented"`` (hosted API) or ``"badgr-server"`` (self-hosted)
        self.server: Server = resolve_server(server)
        config = resolve_config(
            base_url=base_url,
            region=region,
            token=token.access_token if isinstance(token, Token) else token,
            username=username,
            password=password,
            client_id=client_id,
        )
        self.base_url = config.base_url
        self.auth = BadgrAuth(
            config.base_url,
            token=token if isinstance(token, Token) else config.token,
            username=config.username,
            password=config.password,
            client_id=config.client_id,
            client_secret=client_secret,
            scope=scope,
            token_updated=token_updated,
        )
        self._executor = executor(
            Settings(
                base_url=config.base_url,
                auth=self.auth,
                timeout=_timeout(timeout),
                policy=retry_policy or RetryPolicy(max_retries=max_retries),
                headers={"Accept": "application/json", **(headers or {})},
                max_response_bytes=positive_int("max_response_bytes", max_response_bytes),
            )
        )
        #: ``False`` on a ``with_options`` copy: the parent owns the connection pool
        self._owns_pool = True

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        max_response_bytes: int | None = None,
    ) -> Self:
        """A copy of this client with other per-call options, sharing its connections, token
        and rate-limit pause (cheap: make one per call if you like).

        ``headers`` are added to every request of the copy (over the client's own);
        ``max_retries`` changes the client's retry policy, ``retry_policy`` replaces it;
        ``max_response_bytes`` bounds each answer read.
        Closing the copy does nothing: the original owns the connections.

        >>> client.with_options(timeout=5, max_retries=0).issuers.get(issuer_id)  # doctest: +SKIP
        """
        policy = retry_policy
        if max_retries is not None:
            policy = dataclasses.replace(policy or self._executor.policy, max_retries=max_retries)
        derived = copy.copy(self)
        # namespaces and the raw view are bound to the old executor: rebuild them on use
        for name in [n for n, v in vars(derived).items() if isinstance(v, Namespace | _RawView)]:
            del derived.__dict__[name]
        derived._executor = self._executor.with_settings(
            self._executor.settings.derive(
                timeout=None if timeout is None else _timeout(timeout),
                policy=policy,
                headers=headers,
                max_response_bytes=(
                    None
                    if max_response_bytes is None
                    else positive_int("max_response_bytes", max_response_bytes)
                ),
            )
        )
        derived._owns_pool = False
        return derived

    def _request_call(
        self, method: str, path: str, params: Mapping[str, Any] | None, json: Any
    ) -> Call[Any]:
        method = method.upper()
        if method not in _METHODS:
            raise ValueError(f"method must be one of {', '.join(_METHODS)}, got {method!r}")
        if not path.startswith(("/", "https://", "http://")):
            raise ValueError(
                f"path must start with '/' (such as /v2/issuers) or be an absolute URL,"
                f" got {path!r}"
            )
        return Call(
            RawOperation(),
            {"method": method, "url": path, "params": params, "json": json},
            "body",
        )

    @property
    def token(self) -> Token | None:
        """The current token (``repr`` hides it; ``.access_token`` to persist it yourself)."""
        return self.auth.token

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, server={self.server!r},"
            f" auth={self.auth!r})"
        )


class Client(_BaseClient[SyncMode]):
    """Synchronous client.

    Configuration comes from the arguments, else from ``BADGR_BASE_URL`` / ``BADGR_REGION`` /
    ``BADGR_TOKEN`` / ``BADGR_USERNAME`` / ``BADGR_PASSWORD`` / ``BADGR_CLIENT_ID`` read now.
    ``region`` is one of ``us eu au ca sg demo test``. ``server`` (else ``BADGR_SERVER``) is the
    kind of server: ``"documented"`` (default; the hosted API) or ``"badgr-server"`` (a
    self-hosted open-source server): methods of operations that server lacks raise
    :class:`~badgr.errors.UnsupportedOperationError` without sending anything, and
    ``award_many`` uses badgr-server's batch award. Use it as a context manager (or call
    :meth:`close`) to release connections.

    ``http_client`` is your own ``httpx.Client`` (custom CA bundle, proxies, event hooks,
    HTTP/2), used for every request; the SDK adds its base URL, auth, headers and ``timeout``
    to each request and never closes it. ``transport`` is a transport for a client of the
    SDK's own. Jobs (``award_many``, ``revoke_many``) run on a private event loop: on
    ``async_http_client`` / ``async_transport`` when given, else on ``http_client`` /
    ``transport`` from worker threads, else on an ``httpx.AsyncClient`` of the SDK's own.
    Progress callbacks run on that loop's thread. ``max_response_bytes`` (default 16 MiB)
    bounds what is read of one answer, after decompression: past it,
    :class:`~badgr.errors.ResponseTooLargeError`.
    """

    _executor: SyncExecutor

    def __init__(
        self,
        *,
        base_url: str | None = None,
        region: str | None = None,
        token: str | Token | None = None,
        username: str | None = None,
        password: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        scope: str | None = DEFAULT_SCOPE,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        retry_policy: RetryPolicy | None = None,
        token_updated: TokenCallback | None = None,
        headers: dict[str, str] | None = None,
        server: Server | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        http_client: httpx.Client | None = None,
        async_http_client: httpx.AsyncClient | None = None,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            region=region,
            token=token,
            username=username,
            password=password,
            client_id=client_id,
            client_secret=client_secret,
            scope=scope,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            token_updated=token_updated,
            headers=headers,
            server=server,
            max_response_bytes=max_response_bytes,
            executor=lambda settings: SyncExecutor(
                settings,
                http_client=http_client,
                transport=transport,
                async_http_client=async_http_client,
                async_transport=async_transport,
            ),
        )

    @cached_property
    def with_raw_response(self) -> _RawView[RawSyncMode]:
        """The same namespaces, whose single-request methods return a
        :class:`~badgr.RawResponse` (status, headers, request id, ``.parse()``); list methods
        return the first page's. Errors still raise.

        >>> raw = client.with_raw_response.issuers.get(issuer_id)  # doctest: +SKIP
        >>> raw.status_code, raw.request_id, raw.parse().name  # doctest: +SKIP
        """
        return _RawView(self)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
    ) -> RawResponse[Any]:
        """Send one request to an endpoint this SDK has no method for, with the client's auth,
        options and retries (for idempotent methods); ``.parse()`` is the decoded JSON body
        (the whole envelope). A non-2xx answer raises the SDK's typed error.

        ``path`` is under ``base_url`` (``/v2/…``) or an absolute URL, such as a ``Link`` to
        follow: credentials are only ever sent to ``base_url``'s origin.

        >>> client.request("GET", "/v2/issuers", params={"num": 5}).parse()  # doctest: +SKIP
        """
        result: RawResponse[Any] = raw_response(
            self._executor, self._request_call(method, path, params, json)
        )
        return result

    def close(self) -> None:
        """Close the connections (nothing on a ``with_options`` copy: its parent owns them)."""
        if self._owns_pool:
            self._executor.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncClient(_BaseClient[AsyncMode]):
    """Asynchronous client; same configuration as :class:`Client`, with your own
    ``httpx.AsyncClient`` as ``http_client`` (never closed by the SDK).

    ``async with AsyncClient(...) as client:`` closes connections on exit.
    """

    _executor: AsyncExecutor

    def __init__(
        self,
        *,
        base_url: str | None = None,
        region: str | None = None,
        token: str | Token | None = None,
        username: str | None = None,
        password: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        scope: str | None = DEFAULT_SCOPE,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        retry_policy: RetryPolicy | None = None,
        token_updated: TokenCallback | None = None,
        headers: dict[str, str] | None = None,
        server: Server | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            region=region,
            token=token,
            username=username,
            password=password,
            client_id=client_id,
            client_secret=client_secret,
            scope=scope,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            token_updated=token_updated,
            headers=headers,
            server=server,
            max_response_bytes=max_response_bytes,
            executor=lambda settings: AsyncExecutor(
                settings, http_client=http_client, transport=transport
            ),
        )

    @cached_property
    def with_raw_response(self) -> _RawView[RawAsyncMode]:
        """The same namespaces, whose single-request methods return a
        :class:`~badgr.RawResponse`; see :attr:`Client.with_raw_response`."""
        return _RawView(self)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
    ) -> Coroutine[Any, Any, RawResponse[Any]]:
        """Send one request to any endpoint; see :meth:`Client.request`."""
        pending: Coroutine[Any, Any, RawResponse[Any]] = raw_response(
            self._executor, self._request_call(method, path, params, json)
        )
        return pending

    async def aclose(self) -> None:
        """Close the connections (nothing on a ``with_options`` copy: its parent owns them)."""
        if self._owns_pool:
            await self._executor.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
