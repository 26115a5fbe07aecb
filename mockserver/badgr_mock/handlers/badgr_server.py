"""Operations only the open-source badgr-server has: batch award, change feeds, access tokens
and their revocation (RFC 7009)."""

from __future__ import annotations

import base64
import binascii
import sqlite3
from datetime import UTC, datetime
from typing import Any

from .. import render
from ..auth import client_row, revoke_family
from ..context import STAFF, Context, Handler, Reply
from ..envelope import ErrorReply, OAuthError, bad_request, not_found
from ..formats import normalise_timestamp, timestamp_from_epoch
from ..pagination import MAX_PAGE_SIZE, decode_cursor, encode_cursor, requested_page_size
from ..store import PUBLIC_CLIENT_ID, hash_secret
from .assertions import store_award
from .badgeclasses import fetch_badgeclass, render_rows

FEED_PAGE_SIZE = 100
_STAFFED = "issuer_pk IN (SELECT issuer_pk FROM staff WHERE user_pk = ?)"


def batch_award_assertions(ctx: Context) -> Reply:
    """All or none: one refused item makes the request a 400 listing errors per item."""
    user = ctx.require_user()
    badgeclass, issuer = fetch_badgeclass(ctx, ctx.params["idOrEntityId"], STAFF)
    rows: list[sqlite3.Row] = []
    item_errors: list[Any] = []
    for item in ctx.body["assertions"]:
        try:
            rows.append(store_award(ctx, user, badgeclass, issuer, item))
            item_errors.append({})
        except ErrorReply as error:
            item_errors.append(error.field_errors or {"non_field_errors": error.validation_errors})
    if len(rows) != len(item_errors):
        raise bad_request(item_errors)  # the transaction's rollback stores none of them
    result = [render.assertion(ctx, row, show_plaintext=True) for row in rows]
    return Reply(status=201, result=result)


def _feed_page_size(ctx: Context) -> int:
    """DRF's cursor page size: a positive whole number, cut to 500; anything else the default."""
    num = requested_page_size(ctx)
    return FEED_PAGE_SIZE if num is None or num < 1 else min(num, MAX_PAGE_SIZE)


def _feed(ctx: Context, kind: str, where: str, args: tuple[Any, ...]) -> tuple[list[Any], Any]:
    """Rows of ``kind`` changed since ``since``, oldest change first, one page of them and the
    body's ``pagination`` object."""
    num = _feed_page_size(ctx)
    sql = (
        f"SELECT {kind}.*, updates.updated AS changed FROM {kind} "
        f"JOIN updates ON updates.kind = '{kind}' AND updates.pk = {kind}.pk WHERE {where}"
    )
    parameters: list[Any] = list(args)
    since = ctx.params.get("since")
    if since is not None:
        sql += " AND updates.updated >= ?"
        parameters.append(normalise_timestamp(since))
    cursor = ctx.params.get("cursor")
    if cursor is not None:
        changed, pk = decode_cursor(cursor, "cursor")
        sql += " AND (updates.updated, updates.pk) > (?, CAST(? AS INTEGER))"
        parameters += [changed, pk]
    rows = ctx.db.execute(
        f"{sql} ORDER BY updates.updated, updates.pk LIMIT ?", (*parameters, num + 1)
    ).fetchall()
    has_next = len(rows) > num
    rows = rows[:num]
    next_url = None
    if has_next:
        next_url = ctx.absolute_url(cursor=encode_cursor(rows[-1]["changed"], str(rows[-1]["pk"])))
    pagination = {
        "hasNext": has_next,
        "nextResults": next_url,
        "hasPrevious": cursor is not None,
        "previousResults": None,
    }
    return rows, pagination


def _feed_reply(ctx: Context, result: list[Any], pagination: Any) -> Reply:
    # The feeds' own timestamp style: the server's clock with +00:00, the next `since`.
    stamp = datetime.fromtimestamp(ctx.store.now(), tz=UTC).isoformat()
    return Reply(result=result, extra={"pagination": pagination, "timestamp": stamp})


def list_changed_issuers(ctx: Context) -> Reply:
    user = ctx.require_user()
    rows, pagination = _feed(
        ctx, "issuers", "issuers.pk IN (SELECT issuer_pk FROM staff WHERE user_pk = ?)", (user.pk,)
    )
    result = [render.issuer(ctx, row, include_staff=True) for row in rows]
    return _feed_reply(ctx, result, pagination)


def list_changed_badgeclasses(ctx: Context) -> Reply:
    user = ctx.require_user()
    rows, pagination = _feed(ctx, "badgeclasses", _STAFFED, (user.pk,))
    return _feed_reply(ctx, render_rows(ctx, rows), pagination)


def list_changed_assertions(ctx: Context) -> Reply:
    user = ctx.require_user()
    rows, pagination = _feed(ctx, "assertions", _STAFFED, (user.pk,))
    result = [render.assertion(ctx, row, show_plaintext=True) for row in rows]
    return _feed_reply(ctx, result, pagination)


# ---- access tokens ----------------------------------------------------------------------------


def _token_entity_id(rowid: int) -> str:
    return base64.urlsafe_b64encode(f"access-token:{rowid}".encode()).rstrip(b"=").decode()


def _token_rowid(entity_id: str) -> int:
    try:
        padded = entity_id + "=" * (-len(entity_id) % 4)
        text = base64.urlsafe_b64decode(padded.encode("ascii")).decode()
    except (binascii.Error, ValueError, UnicodeError):
        raise not_found() from None
    prefix, _, number = text.partition(":")
    if prefix != "access-token" or not number.isdigit():
        raise not_found()
    return int(number)


def list_access_tokens(ctx: Context) -> Reply:
    user = ctx.require_user()
    rows = ctx.db.execute(
        "SELECT rowid, client_id, scope, expires_at FROM tokens "
        "WHERE user_pk = ? AND revoked = 0 AND expires_at > ? ORDER BY rowid",
        (user.pk, ctx.store.now()),
    ).fetchall()
    ttl = ctx.settings.token_ttl  # tokens never slide, so they were made ttl before expiry
    result = [
        render.shaped(
            ctx.settings,
            "AccessToken",
            {
                "entityType": "AccessToken",
                "entityId": _token_entity_id(row["rowid"]),
                "application": {
                    "name": row["client_id"],
                    "image": None,
                    "website_url": None,
                    "clientId": row["client_id"],
                    "policyUri": None,
                    "termsUri": None,
                },
                "scope": row["scope"],
                "expires": timestamp_from_epoch(row["expires_at"]),
                "created": timestamp_from_epoch(row["expires_at"] - ttl),
            },
        )
        for row in rows
    ]
    return Reply(result=result)


def revoke_access_token(ctx: Context) -> Reply:
    user = ctx.require_user()
    changed = ctx.db.execute(
        "UPDATE tokens SET revoked = 1, refresh_revoked = 1"
        " WHERE rowid = ? AND user_pk = ? AND revoked = 0",
        (_token_rowid(ctx.params["entityId"]), user.pk),
    ).rowcount
    if not changed:
        raise not_found()
    return Reply(status=204, result=None)


def revoke_token(ctx: Context) -> Reply:
    """``POST /o/revoke_token/`` (RFC 7009): 200 and no body, known token or not (§2.2).

    A refresh token takes its whole family with it (the access tokens of the same grant,
    §2.1's SHOULD; with rotation that is its own pair); an access token goes alone, as
    django-oauth-toolkit does. A token of another client is refused (§2.1)."""
    if any(name == "token" for name, _ in ctx.query_items):
        raise OAuthError(400, "invalid_request", "The token must be sent in the post body.")
    form: dict[str, Any] = ctx.body
    client_id = form.get("client_id") or PUBLIC_CLIENT_ID
    client_row(ctx.db, client_id, form.get("client_secret"))
    digest = hash_secret(form["token"])
    row = ctx.db.execute(
        "SELECT access_hash, refresh_hash, client_id, family FROM tokens"
        " WHERE access_hash = ? OR refresh_hash = ?",
        (digest, digest),
    ).fetchone()
    if row is None:
        return Reply(result=None)
    if row["client_id"] != client_id:
        raise OAuthError(400, "unauthorized_client", "The token was not issued to this client.")
    if row["refresh_hash"] == digest:
        revoke_family(ctx.db, row["family"])
    else:
        ctx.db.execute("UPDATE tokens SET revoked = 1 WHERE access_hash = ?", (digest,))
    return Reply(result=None)


HANDLERS: dict[str, Handler] = {
    "batch_award_assertions": batch_award_assertions,
    "list_changed_issuers": list_changed_issuers,
    "list_changed_badgeclasses": list_changed_badgeclasses,
    "list_changed_assertions": list_changed_assertions,
    "list_access_tokens": list_access_tokens,
    "revoke_access_token": revoke_access_token,
    "revoke_token": revoke_token,
}
