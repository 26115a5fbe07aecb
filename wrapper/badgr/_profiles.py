"""Which kind of server a client talks to, and which operations each kind has.

Two kinds of server speak this API: the hosted, documented Credentials API (``documented``,
api.badgr.io and its regions) and the self-hosted open-source badgr-server (``badgr-server``).
The spec marks the operations only one of them has with ``x-profiles``; the tables below are
those markers (``tests/wrapper/test_profiles.py`` checks them against the spec), so a method of
an operation the chosen server lacks fails before anything is sent.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal, cast, get_args

from .errors import UnsupportedOperationError

__all__ = [
    "BADGR_SERVER",
    "DOCUMENTED",
    "ENV_SERVER",
    "ONLY_ON",
    "Server",
    "require",
    "resolve_server",
    "supports",
]

Server = Literal["documented", "badgr-server"]
DOCUMENTED: Server = "documented"
BADGR_SERVER: Server = "badgr-server"
ENV_SERVER = "BADGR_SERVER"

_DOCUMENTED_ONLY = (
    "add_issuer_staff",
    "archive_claim_code",
    "create_claim_code",
    "create_pathway",
    "delete_badgeclass_by_ref",
    "delete_issuer_by_open_badge_id",
    "delete_issuer_by_ref",
    "disable_claim_code",
    "duplicate_badgeclass",
    "enable_claim_code",
    "get_badgeclass_by_ref",
    "get_issuer_by_open_badge_id",
    "get_issuer_by_ref",
    "get_pathway_draft",
    "get_pathway_published",
    "invite_issuer_staff",
    "list_claim_codes",
    "list_issuer_pathways",
    "list_organization_public_issuers",
    "list_organizations",
    "patch_issuer",
    "patch_issuer_by_open_badge_id",
    "patch_issuer_by_ref",
    "patch_issuer_staff",
    "patch_self",
    "patch_user",
    "publish_pathway",
    "reactivate_badgeclass",
    "reactivate_badgeclass_by_ref",
    "remove_issuer_staff",
    "revert_pathway_draft",
    "update_badgeclass_by_ref",
    "update_claim_code",
    "update_issuer_by_open_badge_id",
    "update_issuer_by_ref",
    "update_issuer_staff",
    "update_pathway_draft",
)
_BADGR_SERVER_ONLY = (
    "batch_award_assertions",
    "list_access_tokens",
    "list_changed_assertions",
    "list_changed_badgeclasses",
    "list_changed_issuers",
    "revoke_access_token",
    "revoke_token",
)

#: operationId -> the only kind of server that has it (every other operation is on both)
ONLY_ON: Mapping[str, Server] = {
    **dict.fromkeys(_DOCUMENTED_ONLY, DOCUMENTED),
    **dict.fromkeys(_BADGR_SERVER_ONLY, BADGR_SERVER),
}


def resolve_server(server: str | None, env: Mapping[str, str] | None = None) -> Server:
    """The argument, else ``BADGR_SERVER``, else ``documented``; anything else is a ValueError."""
    environ = os.environ if env is None else env
    value = server if server is not None else (environ.get(ENV_SERVER) or DOCUMENTED)
    if value not in get_args(Server):
        raise ValueError(f"server must be one of {list(get_args(Server))}, got {value!r}")
    return cast(Server, value)


def supports(server: Server, operation: str) -> bool:
    """Whether that kind of server has the operation (by ``operationId``)."""
    return ONLY_ON.get(operation, server) == server


def require(server: Server, operation: str, method: str) -> None:
    """Raise :class:`~badgr.errors.UnsupportedOperationError` when ``server`` lacks the
    operation behind ``method``."""
    only = ONLY_ON.get(operation)
    if only is not None and only != server:
        raise UnsupportedOperationError(method, operation=operation, server=server, only_on=only)
