"""The two kinds of server the mock can be: the documented API, or a self-hosted badgr-server.

Each profile names the spec the mock routes from (operations only one profile has come from
its spec) and the few wire habits that differ (see README, "Profiles").
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, field
from typing import Any

DOCUMENTED = "documented"
BADGR_SERVER = "badgr-server"


#: What badgr-server sends for "no expiry" on a badge class (§12): both members, null.
NO_EXPIRY: dict[str, None] = {"amount": None, "duration": None}


@dataclass(frozen=True)
class Shape:
    """How one kind of server draws one resource, as data for the one serializer of it.

    ``keys``: exactly these (of those the serializer renders); None: all of them.
    ``if_null``: the value sent where the serializer has None (``(key, value)`` pairs).
    ``omit_if_null``: keys left out rather than sent as null.
    ``from_settings``: keys the server decides (the mock's setting of the same name, e.g.
    ``badgrDomain``), whatever a client stored."""

    keys: frozenset[str] | None = None
    if_null: tuple[tuple[str, Any], ...] = ()
    omit_if_null: frozenset[str] = frozenset()
    from_settings: frozenset[str] = frozenset()


def _keys(names: str) -> frozenset[str]:
    return frozenset(names.split())


_ASSERTION_KEYS = _keys(
    "entityType entityId openBadgeId createdAt createdBy badgeclass badgeclassOpenBadgeId issuer"
    " issuerOpenBadgeId image recipient issuedOn narrative evidence revoked revocationReason"
    " acceptance expires extensions"
)
_DOMAIN = _keys("badgrDomain")

#: badgr-server's resources, key by key as measured (badgr-server-observed.md §10, §12).
BADGR_SERVER_SHAPES: dict[str, Shape] = {
    "Issuer": Shape(
        _keys(
            "badgrDomain createdAt createdBy description email entityId entityType extensions"
            " image name openBadgeId staff url"
        ),
        from_settings=_DOMAIN,
    ),
    "StaffUserProfile": Shape(
        _keys("entityType entityId firstName lastName emails url telephone badgrDomain"),
        from_settings=_DOMAIN,
    ),
    "BadgeUser": Shape(
        _keys(
            "entityType entityId firstName lastName emails url telephone agreedTermsVersion"
            " hasAgreedToLatestTermsVersion marketingOptIn badgrDomain hasPasswordSet recipient"
        ),
        from_settings=_DOMAIN,
    ),
    "BadgeClass": Shape(
        _keys(
            "alignments createdAt createdBy criteriaNarrative criteriaUrl description entityId"
            " entityType expires extensions image issuer issuerOpenBadgeId name openBadgeId tags"
        ),
        if_null=(("expires", NO_EXPIRY),),
    ),
    "Alignment": Shape(_keys("targetName targetUrl targetDescription targetFramework targetCode")),
    "Assertion": Shape(_ASSERTION_KEYS),
    "BackpackAssertion": Shape(
        (_ASSERTION_KEYS - _keys("createdAt createdBy evidence extensions")) | _keys("pending")
    ),
    "BackpackCollection": Shape(
        _keys(
            "entityType entityId name description owner share_url shareHash published assertions"
        ),
        if_null=(("shareHash", ""),),
    ),
    "AccessToken": Shape(_keys("entityType entityId application scope expires created")),
    "RevocationResult": Shape(
        _keys("revoked entityId revocationReason reason"),
        omit_if_null=_keys("revocationReason"),
    ),
}


#: The documented API's staff entries show a member's names and primary e-mail only.
DOCUMENTED_SHAPES: dict[str, Shape] = {
    "StaffUserProfile": Shape(_keys("id entityType entityId firstName lastName emails")),
}


@dataclass(frozen=True)
class Profile:
    name: str
    spec_file: str  # under openapi/
    # Keyset lists take DRF's one ``cursor`` parameter instead of ``after`` / ``before``.
    drf_cursors: bool
    hard_delete_badgeclasses: bool
    # A password grant without ``scope`` gets this; None: every scope the client may have.
    default_scope: str | None
    # Envelopes are application/ld+json unless the request asks for JSON.
    linked_data_by_default: bool
    # Unknown paths (and trailing slashes) answer an HTML page, not an envelope; so does an
    # unhandled error (500).
    html_not_found: bool
    oauth_error_media_type: str
    # Lists without ``num`` are oldest first (with ``num``, always newest first).
    oldest_first_unpaged: bool
    # A ``num`` that is not a number turns pagination off instead of being refused.
    lenient_page_size: bool = False
    # How it draws each resource (keyed by ``render`` kind); a kind not listed: every field.
    shapes: dict[str, Shape] = field(default_factory=dict, hash=False, compare=False)
    # ``latestTermsDescription`` only while the user has not agreed to the latest terms
    # (else the documented envelope's null).
    terms_description_until_agreed: bool = False
    # An issuer that has ever awarded cannot be deleted (else: while an award is unrevoked).
    protect_issuers_that_awarded: bool = False
    # Its assertion habits: no ``salt`` on unhashed recipients, no ``image`` once revoked.
    old_assertion_shapes: bool = False
    # Errors carry machine codes (``errorCode``, a batch revoke item's ``code``); the old
    # server's say it in prose only.
    error_codes: bool = True
    # Envelopes carry ``timestamp`` (errors also ``nonFieldErrors``), as documented; the old
    # server sends ``{status, result}``, errors adding only ``fieldErrors``/``validationErrors``.
    envelope_extras: bool = True


PROFILES = {
    DOCUMENTED: Profile(
        name=DOCUMENTED,
        spec_file="credentials.yaml",
        drf_cursors=False,
        hard_delete_badgeclasses=False,
        default_scope=None,
        linked_data_by_default=False,
        html_not_found=False,
        oauth_error_media_type="application/json",
        oldest_first_unpaged=False,
        shapes=DOCUMENTED_SHAPES,
    ),
    BADGR_SERVER: Profile(
        name=BADGR_SERVER,
        spec_file="badgr-server.yaml",
        drf_cursors=True,
        hard_delete_badgeclasses=True,
        default_scope="r:profile",
        linked_data_by_default=True,
        html_not_found=True,
        oauth_error_media_type="text/html",
        oldest_first_unpaged=True,
        lenient_page_size=True,
        old_assertion_shapes=True,
        error_codes=False,
        envelope_extras=False,
        shapes=BADGR_SERVER_SHAPES,
        terms_description_until_agreed=True,
        protect_issuers_that_awarded=True,
    ),
}


def profile_named(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(f"unknown profile {name!r}; known: {sorted(PROFILES)}") from None


#: The kind of server, for the mock and the fuzz kit as for the SDK (``BADGR_SERVER``).
SERVER_ENV_VAR = "BADGR_SERVER"


class _DeprecatedSpelling(argparse.Action):
    """An old spelling of an option (``--profile``): still works, and says what replaced it."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        print(f"{parser.prog}: {option_string} is deprecated, use --server", file=sys.stderr)
        setattr(namespace, self.dest, values)


def add_server_option(parser: argparse.ArgumentParser, default: str | None = None) -> None:
    """``--server documented|badgr-server`` (default ``$BADGR_SERVER``, else ``documented``),
    with ``--profile`` kept for one release as a deprecated spelling."""
    choices = sorted(PROFILES)
    chosen = default or os.environ.get(SERVER_ENV_VAR) or DOCUMENTED
    parser.add_argument(
        "--server",
        choices=choices,
        default=chosen,
        help=f"the documented API or a self-hosted badgr-server (default {chosen};"
        f" ${SERVER_ENV_VAR})",
    )
    parser.add_argument(
        "--profile",
        dest="server",
        choices=choices,
        action=_DeprecatedSpelling,
        help="deprecated: --server",
    )
