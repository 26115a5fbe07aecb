"""Authentication as an ``httpx.Auth`` flow.

* a static token (``token="..."``) is sent as ``Authorization: Bearer …``;
* the password grant (form body, ``client_id`` default ``public``, ``scope``) runs on the first
  call; the token is refreshed shortly before it expires and once after a 401. Refreshing is
  single-flight across threads **and** asyncio tasks: one grant, the others wait and reuse it;
* a refused password grant is **never retried automatically** (servers throttle failed logins):
  the refusal is remembered and re-raised without contacting the server again;
* authorization-code helpers: :func:`authorize_url` (with a random ``state``) and the code
  exchange (``client.oauth.exchange_code``);
* ``token_updated(token)`` is called after every grant so callers can persist tokens;
* revocation where the server offers it (badgr-server's RFC 7009 endpoint,
  ``client.oauth.revoke()``), after which the client forgets the pair;
* credentials are only ever attached to requests for the origin of ``base_url``.

The grant itself is built and parsed by the generated ``oauth.issue_token`` operation, a
revocation by ``oauth.revoke_token``.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import httpx

from ._bounds import AUTH_RESPONSE_BYTES, aread_bounded, read_bounded
from ._config import DEFAULT_CLIENT_ID, DEFAULT_SCOPE
from ._envelope import error_for, token_error
from ._logging import log_request, log_response, logger, register_secret
from ._retry import async_sleep
from .errors import APIError, AuthenticationError, RateLimitError

if TYPE_CHECKING:  # the generated token models load with the first grant, not with ``badgr``
    from badgr_api.client import Client as GeneratedClient
    from badgr_api.models.token_request import TokenRequest
    from badgr_api.models.token_response import TokenResponse

__all__ = ["BadgrAuth", "Token", "TokenCallback", "authorize_url"]

#: Refresh this many seconds before expiry (at most a tenth of the token's lifetime).
REFRESH_MARGIN = 60.0


@dataclass(frozen=True, repr=False)
class Token:
    """An OAuth2 token. ``expires_at`` is a UNIX timestamp (``None``: unknown / never)."""

    access_token: str
    refresh_token: str | None = None
    expires_at: float | None = None
    scope: str | None = None
    token_type: str = "Bearer"
    #: seconds before ``expires_at`` at which the token is renewed
    refresh_margin: float = REFRESH_MARGIN

    def __post_init__(self) -> None:
        register_secret(self.access_token)
        register_secret(self.refresh_token)

    def __repr__(self) -> str:
        refresh = "'***'" if self.refresh_token else "None"
        return (
            f"Token(access_token='***', refresh_token={refresh}, expires_at={self.expires_at!r},"
            f" scope={self.scope!r})"
        )

    def expiring(self, now: float | None = None) -> bool:
        if self.expires_at is None:
            return False
        now = time.time() if now is None else now
        return now >= self.expires_at - self.refresh_margin

    @classmethod
    def from_response(cls, parsed: TokenResponse, *, issued_at: float) -> Token:
        expires_in = parsed.expires_in if isinstance(parsed.expires_in, int) else None
        expires_at = None if expires_in is None else issued_at + expires_in
        # renew at most a tenth of the lifetime early, so very short-lived tokens still get used
        margin = REFRESH_MARGIN if expires_in is None else min(REFRESH_MARGIN, expires_in / 10)
        return cls(
            access_token=parsed.access_token,
            refresh_token=parsed.refresh_token if isinstance(parsed.refresh_token, str) else None,
            expires_at=expires_at,
            scope=parsed.scope if isinstance(parsed.scope, str) else None,
            token_type=parsed.token_type or "Bearer",
            refresh_margin=margin,
        )


TokenCallback = Callable[[Token], None]


def authorize_url(
    authorize_endpoint: str,
    *,
    client_id: str,
    redirect_uri: str,
    scope: str = DEFAULT_SCOPE,
    state: str | None = None,
) -> tuple[str, str]:
    """The URL to send a user to for the authorization-code grant, and its ``state``.

    Check that the ``state`` echoed to your redirect URI equals the returned one (CSRF).
    On hosted Credentials the endpoint lives on the UI host, e.g.
    ``https://test.badges.parchment.com/auth/oauth2/authorize``.
    """
    state = state or secrets.token_urlsafe(24)
    query = urlencode(
        {
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": redirect_uri,
            "scope": scope,
            "state": state,
        }
    )
    separator = "&" if "?" in authorize_endpoint else "?"
    return f"{authorize_endpoint}{separator}{query}", state


class _Acquire:
    """Yielded by the shared flow when it needs the refresh lock."""


_ACQUIRE = _Acquire()
_FlowStep = httpx.Request | _Acquire
_Flow = Generator[_FlowStep, httpx.Response | None, Any]


def _outgoing(step: httpx.Request, request: httpx.Request) -> httpx.Request:
    """``step`` (``request`` itself or a token request made on its behalf), logged; a token
    request gets the timeout of the request it serves, so a stalled token endpoint cannot hold
    the call forever."""
    if step is not request and "timeout" in request.extensions:
        step.extensions.setdefault("timeout", request.extensions["timeout"])
    log_request(step)
    return step


def _read_here(step: httpx.Request, request: httpx.Request, response: httpx.Response) -> bool:
    """Whether the auth flow reads this answer itself: a token answer (the flow parses it) or
    a 401 (httpx reads it before a retry); the call's own answer is the executor's to read,
    within ``max_response_bytes``."""
    return step is not request or response.status_code == 401


class BadgrAuth(httpx.Auth):
    """Bearer-token auth with password grant, refresh and single-flight renewal."""

    def __init__(
        self,
        base_url: str,
        *,
        token: str | Token | None = None,
        username: str | None = None,
        password: str | None = None,
        client_id: str = DEFAULT_CLIENT_ID,
        client_secret: str | None = None,
        scope: str | None = DEFAULT_SCOPE,
        token_updated: TokenCallback | None = None,
    ) -> None:
        self._origin = httpx.URL(base_url)
        self._origin_key = (self._origin.scheme, self._origin.host, self._origin.port)
        self._base_url = base_url.rstrip("/")
        self._username = username
        self._password = password
        self.client_id = client_id
        self._client_secret = client_secret
        self.scope = scope
        self.token_updated = token_updated
        self._token = Token(token) if isinstance(token, str) else token
        self._generation = 0
        self._lock = threading.Lock()
        self._refused: APIError | None = None
        self._refused_until: float | None = None
        self._parser: GeneratedClient | None = None
        register_secret(password)
        register_secret(client_secret)

    def __repr__(self) -> str:
        kind = "password" if self._password else ("token" if self._token else "none")
        return f"BadgrAuth(base_url={str(self._origin)!r}, client_id={self.client_id!r}, {kind})"

    # -- public state -----------------------------------------------------------------------
    @property
    def token(self) -> Token | None:
        return self._token

    def set_token(self, token: Token) -> None:
        with self._lock:
            self._store(token)

    @property
    def client_secret(self) -> str | None:
        return self._client_secret

    def password_flow(self) -> Generator[httpx.Request, httpx.Response, Token]:
        """Run the password grant now (``client.oauth.login()``)."""
        if self._password is None:
            raise AuthenticationError(401, "no username/password configured for this client")
        yield from self._password_grant()
        assert self._token is not None
        return self._token

    def renew_flow(self) -> Generator[httpx.Request, httpx.Response, Token]:
        """Renew the token now (``client.oauth.refresh()``): the refresh grant, or the
        password grant when there is no refresh token or it is refused."""
        if not self.can_renew:
            raise AuthenticationError(401, "nothing to renew the token with: no refresh token")
        yield from self._renew()
        assert self._token is not None
        return self._token

    def revoke_flow(self) -> Generator[httpx.Request, httpx.Response, None]:
        """Revoke the current pair on the server (``client.oauth.revoke()``, RFC 7009): the
        refresh token first (the server takes its access token with it), then the access
        token; then forget the pair. An answer other than 200 raises (``NotFoundError``: no
        such route) and keeps the pair, so the revocation can be tried again."""
        from badgr_api.api.oauth import revoke_token
        from badgr_api.models.revoke_token_request import RevokeTokenRequest
        from badgr_api.types import UNSET

        token = self._token
        if token is None:
            raise AuthenticationError(401, "no token to revoke: the client has not logged in")
        for value, hint in (
            (token.refresh_token, "refresh_token"),
            (token.access_token, "access_token"),
        ):
            if not value:
                continue
            body = RevokeTokenRequest(
                token=value,
                token_type_hint=hint,
                client_id=self.client_id,
                client_secret=self._client_secret or UNSET,
            )
            logger.debug("token revocation: %s", hint)
            response = yield self._token_request(revoke_token._get_kwargs(body=body))
            if response.status_code != 200:
                raise error_for(response)
        if self._token is token:  # a plain swap: never block an event loop on the lock
            self._token = None
            self._generation += 1
        logger.info("revoked the token on the server; the client forgot it")

    @property
    def can_renew(self) -> bool:
        return self._password is not None or bool(self._token and self._token.refresh_token)

    # -- httpx entry points: both drive the same generator ----------------------------------
    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        flow = self._flow(request)
        try:
            step = next(flow)
            while True:
                if isinstance(step, _Acquire):
                    self._lock.acquire()
                    step = flow.send(None)
                else:
                    response = yield _outgoing(step, request)
                    log_response(response)
                    if _read_here(step, request, response):
                        read_bounded(response, AUTH_RESPONSE_BYTES)
                    step = flow.send(response)
        except StopIteration:
            return

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        flow = self._flow(request)
        try:
            step = next(flow)
            while True:
                if isinstance(step, _Acquire):
                    # a threading lock shared with sync callers; never block the event loop
                    while not self._lock.acquire(blocking=False):
                        await async_sleep(0.002)
                    step = flow.send(None)
                else:
                    response = yield _outgoing(step, request)
                    log_response(response)
                    if _read_here(step, request, response):
                        await aread_bounded(response, AUTH_RESPONSE_BYTES)
                    step = flow.send(response)
        except StopIteration:
            return

    def grant_flow(self, body: TokenRequest) -> Generator[httpx.Request, httpx.Response, Token]:
        """Run one grant (used by ``client.oauth.exchange_code`` and ``client.login``)."""
        token = yield from self._grant(body)
        return token

    # -- the shared flow -------------------------------------------------------------------
    def _same_origin(self, url: httpx.URL) -> bool:
        return (url.scheme, url.host, url.port) == self._origin_key

    def _flow(self, request: httpx.Request) -> _Flow:
        if not self._same_origin(request.url):
            # never send credentials to another origin (e.g. a Link URL pointing elsewhere)
            request.headers.pop("Authorization", None)
            if self._token is not None or self._password is not None:
                logger.warning(
                    "not sending credentials to %s: it is not the origin of base_url",
                    f"{request.url.scheme}://{request.url.host}",
                )
            yield request
            return
        token, generation = self._token, self._generation
        if token is None or token.expiring():
            if token is None and not self.can_renew:
                raise AuthenticationError(
                    401, "no credentials: pass token=, or username= and password="
                )
            yield _ACQUIRE
            try:
                if self._token is None or self._token.expiring():
                    yield from self._renew()
                token, generation = self._token, self._generation
            finally:
                self._lock.release()
        assert token is not None
        request.headers["Authorization"] = f"{token.token_type or 'Bearer'} {token.access_token}"
        response = yield request
        if response is None or response.status_code != 401 or not self.can_renew:
            return
        # one refresh after a 401, unless another thread or task already renewed the token
        logger.info("401 from the server: renewing the access token once")
        yield _ACQUIRE
        try:
            if self._generation == generation:
                yield from self._renew()
            token = self._token
        finally:
            self._lock.release()
        assert token is not None
        request.headers["Authorization"] = f"{token.token_type or 'Bearer'} {token.access_token}"
        yield request

    def _renew(self) -> Generator[httpx.Request, Any, None]:
        """Refresh grant when a refresh token exists, else (or if refused) the password grant."""
        from badgr_api.models.token_request import TokenRequest
        from badgr_api.types import UNSET

        current = self._token
        if current is not None and current.refresh_token:
            try:
                yield from self._grant(
                    TokenRequest(
                        grant_type="refresh_token",
                        refresh_token=current.refresh_token,
                        client_id=self.client_id,
                        client_secret=self._client_secret or UNSET,
                    )
                )
                return
            except AuthenticationError:
                if self._password is None:
                    raise
                logger.info("refresh token refused; logging in again with the password grant")
        if self._password is None or self._username is None:
            raise AuthenticationError(
                401, "the access token expired or was refused and cannot be renewed"
            )
        yield from self._password_grant()

    def _password_grant(self) -> Generator[httpx.Request, Any, None]:
        from badgr_api.models.token_request import TokenRequest
        from badgr_api.types import UNSET

        if self._refused is not None:
            if self._refused_until is None or time.time() < self._refused_until:
                raise type(self._refused)(
                    self._refused.status_code,
                    self._refused.description
                    + " (an earlier password grant was refused; not retried automatically)",
                    error_code=self._refused.error_code,
                )
            self._refused = None
        try:
            yield from self._grant(
                TokenRequest(
                    grant_type="password",
                    username=self._username or UNSET,
                    password=self._password or UNSET,
                    client_id=self.client_id,
                    client_secret=self._client_secret or UNSET,
                    scope=self.scope or UNSET,
                )
            )
        except APIError as error:
            if error.status_code < 500:
                self._refused = error
                retry_after = error.retry_after if isinstance(error, RateLimitError) else None
                self._refused_until = time.time() + retry_after if retry_after else None
            raise

    def _grant(self, body: TokenRequest) -> Generator[httpx.Request, Any, Token]:
        from badgr_api.api.oauth import issue_token
        from badgr_api.client import Client as GeneratedClient
        from badgr_api.models.token_response import TokenResponse

        if self._parser is None:
            self._parser = GeneratedClient(base_url=self._base_url)
        request = self._token_request(issue_token._get_kwargs(body=body))
        logger.debug("token request: grant_type=%s", body.grant_type)
        issued_at = time.time()
        response = yield request
        if response.status_code != 200:
            raise token_error(response)
        parsed: Any = None
        try:
            parsed = issue_token._build_response(client=self._parser, response=response).parsed
        except (KeyError, TypeError, ValueError):
            parsed = None
        if not isinstance(parsed, TokenResponse):
            raise AuthenticationError(
                response.status_code, "the token endpoint sent an unreadable token response"
            )
        token = Token.from_response(parsed, issued_at=issued_at)
        self._store(token)
        logger.info("obtained a new access token (grant_type=%s)", body.grant_type)
        return token

    def _token_request(self, kwargs: dict[str, Any]) -> httpx.Request:
        """The request of a generated form operation (``issue_token``, ``revoke_token``)."""
        return httpx.Request(
            kwargs["method"].upper(),
            self._base_url + kwargs["url"],
            data=kwargs["data"],
            headers=kwargs["headers"],
        )

    def _store(self, token: Token) -> None:
        self._token = token
        self._generation += 1
        self._refused = None
        if self.token_updated is not None:
            try:
                self.token_updated(token)
            except Exception:
                logger.exception("token_updated callback failed")
