"""``oauth.tokens``: the access tokens the user has granted to applications (badgr-server)."""

from __future__ import annotations

from badgr_api.api.oauth import list_access_tokens, revoke_access_token
from badgr_api.models.access_token import AccessToken

from .._call import Call, many, none
from .._namespace import M, Namespace, op

__all__ = ["AccessTokens"]


class AccessTokens(Namespace[M]):
    """``/v2/auth/tokens`` (badgr-server only): list and revoke the tokens you granted."""

    @op
    def list(self) -> Call[list[AccessToken]]:
        """List the access tokens the user has granted (not paginated)."""
        return many(list_access_tokens, AccessToken)

    @op
    def revoke(self, token: str) -> Call[None]:
        """Revoke an access token by its ``entity_id`` (from :meth:`list`)."""
        return none(revoke_access_token, entity_id=token)
