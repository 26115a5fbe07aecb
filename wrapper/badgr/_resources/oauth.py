"""``oauth``: explicit login, the authorization-code grant (``/o/token``) and revocation."""

from __future__ import annotations

from badgr_api.models.token_request import TokenRequest
from badgr_api.types import UNSET

from .._auth import BadgrAuth, Token, authorize_url
from .._call import Grant, Runner
from .._config import DEFAULT_SCOPE, authorize_page
from .._namespace import M, Namespace, job
from .._profiles import require
from .tokens import AccessTokens

__all__ = ["OAuth"]


class OAuth(Namespace[M]):
    """Token helpers: explicit login, the authorization-code grant, and (badgr-server)
    revocation and the access tokens you granted (``.tokens``)."""

    def __init__(self, executor: Runner, auth: BadgrAuth, base_url: str) -> None:
        super().__init__(executor)
        self._auth = auth
        self._base_url = base_url
        self.tokens: AccessTokens[M] = AccessTokens(executor)

    def authorize_url(
        self,
        redirect_uri: str,
        *,
        scope: str = DEFAULT_SCOPE,
        state: str | None = None,
        authorize_endpoint: str | None = None,
    ) -> tuple[str, str]:
        """``(url, state)`` to start the authorization-code grant. The page is on the UI host:
        known for the US and test regions, ``{base_url}/auth/oauth2/authorize`` for other
        servers (such as the mock); other regions need ``authorize_endpoint``."""
        return authorize_url(
            authorize_endpoint or authorize_page(self._base_url),
            client_id=self._auth.client_id,
            redirect_uri=redirect_uri,
            scope=scope,
            state=state,
        )

    @job
    def exchange_code(self, code: str, *, redirect_uri: str) -> Grant[Token]:
        """Trade the ``code`` from the redirect for a token; the client then uses it."""
        auth = self._auth
        return Grant(
            auth.grant_flow(
                TokenRequest(
                    grant_type="authorization_code",
                    code=code,
                    redirect_uri=redirect_uri,
                    client_id=auth.client_id,
                    client_secret=auth.client_secret or UNSET,
                )
            )
        )

    @job
    def login(self) -> Grant[Token]:
        """Run the password grant now (it otherwise runs on the first call). Never retried."""
        return Grant(self._auth.password_flow())

    @job
    def refresh(self) -> Grant[Token]:
        """Renew the token now (it is otherwise renewed when it expires): the refresh grant,
        or the password grant when there is no refresh token. The server may rotate the
        refresh token; ``token_updated`` hears of the new pair. Never retried."""
        return Grant(self._auth.renew_flow())

    @job
    def revoke(self) -> Grant[None]:
        """Revoke this client's token on the server, then forget it (log out).

        badgr-server only (its RFC 7009 ``POST /o/revoke_token/``): the refresh token, which
        takes its access token with it, then the access token. Afterwards the client sends
        no token; one with a password logs in again on its next call, one without raises
        ``AuthenticationError``. The documented API has no revocation route:
        ``UnsupportedOperationError``, nothing sent. A server that refuses or lacks the route
        raises (``NotFoundError``, ``APIError``), a network failure ``APIConnectionError``;
        the client then keeps the token, so you can try again. Never retried."""
        require(self._server, "revoke_token", "oauth.revoke")
        return Grant(self._auth.revoke_flow())
