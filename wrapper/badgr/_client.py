"""``Client`` and ``AsyncClient``: configuration, auth, namespaces, lifecycle."""

from __future__ import annotations

from types import TracebackType
from typing import Any, Generic, Self

import httpx

from ._auth import BadgrAuth, Token, TokenCallback
from ._config import DEFAULT_SCOPE, DEFAULT_TIMEOUT, resolve_config
from ._executor import AsyncExecutor, SyncExecutor
from ._namespace import AsyncMode, M, Namespace, SyncMode
from ._profiles import Server, resolve_server
from ._resources import (
    Assertions,
    Backpack,
    BadgeClasses,
    Issuers,
    OAuth,
    Organizations,
    Pathways,
    Users,
)
from ._retry import RetryPolicy

__all__ = ["AsyncClient", "Client"]


class _BaseClient(Generic[M]):
    """Configuration, auth and namespaces shared by both clients."""

    users: Users[M]
    issuers: Issuers[M]
    badgeclasses: BadgeClasses[M]
    assertions: Assertions[M]
    backpack: Backpack[M]
    organizations: Organizations[M]
    pathways: Pathways[M]
    oauth: OAuth[M]

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
        self._executor_args: dict[str, Any] = {
            "base_url": config.base_url,
            "auth": self.auth,
            "timeout": timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout),
            "policy": retry_policy or RetryPolicy(max_retries=max_retries),
            "headers": {"Accept": "application/json", **(headers or {})},
        }

    def _mount(self, executor: SyncExecutor | AsyncExecutor) -> None:
        self.users = Users(executor)
        self.issuers = Issuers(executor)
        self.badgeclasses = BadgeClasses(executor)
        self.assertions = Assertions(executor)
        self.backpack = Backpack(executor)
        self.organizations = Organizations(executor)
        self.pathways = Pathways(executor)
        self.oauth = OAuth(executor, self.auth, self.base_url)
        for namespace in vars(self).values():
            if isinstance(namespace, Namespace):
                namespace._use_server(self.server)

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
    """

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
        )
        self._executor = SyncExecutor(
            transport=transport, async_transport=async_transport, **self._executor_args
        )
        self._mount(self._executor)

    def close(self) -> None:
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
    """Asynchronous client; same configuration as :class:`Client`.

    ``async with AsyncClient(...) as client:`` closes connections on exit.
    """

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
        )
        self._executor = AsyncExecutor(transport=transport, **self._executor_args)
        self._mount(self._executor)

    async def aclose(self) -> None:
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
