"""The two kinds of server the mock can be: the documented API, or a self-hosted badgr-server.

Each profile names the spec the mock routes from (operations only one profile has come from
its spec) and the few wire habits that differ (see README, "Profiles").
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from typing import Any

DOCUMENTED = "documented"
BADGR_SERVER = "badgr-server"


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
    # Entity fields this server does not have.
    omitted_fields: frozenset[str] = frozenset()
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
        omitted_fields=frozenset(
            {
                "id",
                "source",
                "sourceUrl",
                "imagePath",
                "originalJson",
                "ob3Properties",
                "ob3AwardProperties",
                "preferences",
                "archived",
                "assertionRef",
                "badgeRef",
                "issuerRef",
                "pending",
            }
        ),
    ),
}


def profile_named(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(f"unknown profile {name!r}; known: {sorted(PROFILES)}") from None


def slim(profile: Profile, entities: list[Any]) -> list[Any]:
    """The entities without the fields this profile's server does not have."""
    if not profile.omitted_fields:
        return entities
    slimmed = []
    for entity in entities:
        if isinstance(entity, dict):
            entity = {k: v for k, v in entity.items() if k not in profile.omitted_fields}
            if isinstance(entity.get("alignments"), list):
                entity["alignments"] = [
                    {k: v for k, v in item.items() if k != "displayAsSkill"}
                    for item in entity["alignments"]
                ]
            if profile.old_assertion_shapes and entity.get("entityType") == "Assertion":
                entity = _old_assertion_shape(entity)
        slimmed.append(entity)
    return slimmed


def _old_assertion_shape(assertion: dict[str, Any]) -> dict[str, Any]:
    recipient = assertion.get("recipient")
    if isinstance(recipient, dict) and not recipient.get("hashed", True):
        assertion["recipient"] = {k: v for k, v in recipient.items() if k != "salt"}
    if assertion.get("revoked"):
        assertion["image"] = None
    return assertion


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
