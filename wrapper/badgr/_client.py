"""``Client`` and ``AsyncClient``: configuration, auth, namespaces, lifecycle.

Namespaces are built on first use: each imports its generated operations and models, which is
most of what ``import badgr`` would otherwise cost.
"""

from __future__ import annotations

from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import httpx

from ._auth import BadgrAuth, Token, TokenCallback
from ._call import Runner
from ._config import DEFAULT_SCOPE, DEFAULT_TIMEOUT, resolve_config
from ._executor import AsyncExecutor, SyncExecutor
from ._namespace import AsyncMode, M, Namespace, SyncMode
from ._profiles import Server, resolve_server
from ._retry import RetryPolicy

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


class _BaseClient(Generic[M]):
    """Configuration, auth and namespaces shared by both clients."""

    _executor: Runner

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
        namespace._use_server(self.server)
        return namespace

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
