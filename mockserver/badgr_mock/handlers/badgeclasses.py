"""Badge classes: create, edit, archive or delete, reactivate, duplicate, and claim codes."""

from __future__ import annotations

import secrets
import sqlite3
from typing import Any

from .. import render
from ..context import (
    EDITOR,
    STAFF,
    Context,
    Handler,
    Reply,
    addressed_entity_id,
    find_row,
    role_on_issuer,
    row_by_pk,
)
from ..envelope import ErrorReply, bad_request, not_found
from ..formats import normalise_timestamp, parse_date_time
from ..images import apply_image
from ..pagination import paginate
from ..store import dumps, loads, new_entity_id, new_id
from .common import unrevoked_awards
from .issuers import fetch_issuer

_BODY_FIELDS = (
    "imageAltText",
    "achievementType",
    "description",
    "criteriaUrl",
    "criteriaNarrative",
    "tags",
    "alignments",
    "expires",
    "extensions",
    "ob3Properties",
    "preferences",
)
PROTECTED_BADGECLASS = "BadgeClass may only be deleted if all BadgeInstances have been revoked."
_CLAIM_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def badgeclass_ref(ctx: Context) -> str:
    return addressed_entity_id(ctx, "ref", "badges")


def fetch_badgeclass(
    ctx: Context, ref: str, min_role: int, *, include_archived: bool = False
) -> tuple[sqlite3.Row, sqlite3.Row]:
    """(badge class, issuer) if visible with at least ``min_role``; 404 otherwise."""
    row = find_row(ctx.db, "badgeclasses", ref)
    if row is None or (row["archived"] and not include_archived):
        raise not_found()
    issuer = row_by_pk(ctx.db, "issuers", row["issuer_pk"])
    if role_on_issuer(ctx.db, row["issuer_pk"], ctx.user) < min_role:
        raise not_found()
    return row, issuer


def render_rows(ctx: Context, rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    issuer_ids: dict[int, str] = {}
    rendered = []
    for row in rows:
        issuer_pk = row["issuer_pk"]
        if issuer_pk not in issuer_ids:
            issuer_ids[issuer_pk] = ctx.db.execute(
                "SELECT entity_id FROM issuers WHERE pk = ?", (issuer_pk,)
            ).fetchone()[0]
        rendered.append(render.badge_class(ctx, row, issuer_ids[issuer_pk]))
    return rendered


def _doc_from_body(ctx: Context, body: dict[str, Any], entity_id: str) -> dict[str, Any]:
    # The criteria rule (criteriaNarrative and/or criteriaUrl) is the spec's: validated before.
    doc: dict[str, Any] = {"name": body["name"]}
    for key in _BODY_FIELDS:
        if key in body:
            doc[key] = body[key]
    if "image" in body:
        apply_image(ctx, doc, entity_id, body["image"], "image")
    return doc


def _create(ctx: Context, issuer: sqlite3.Row) -> Reply:
    user = ctx.require_user()
    entity_id = new_entity_id()
    doc = _doc_from_body(ctx, ctx.body, entity_id)
    doc["createdBy"] = user.entity_id
    return _insert(ctx, issuer, entity_id, doc)


def _insert(ctx: Context, issuer: sqlite3.Row, entity_id: str, doc: dict[str, Any]) -> Reply:
    """Store a new badge class of ``issuer`` and answer 201 with it."""
    cursor = ctx.db.execute(
        "INSERT INTO badgeclasses (id, entity_id, issuer_pk, created, doc) VALUES (?, ?, ?, ?, ?)",
        (new_id(), entity_id, issuer["pk"], ctx.store.created_text(), dumps(doc)),
    )
    assert cursor.lastrowid is not None
    row = row_by_pk(ctx.db, "badgeclasses", cursor.lastrowid)
    return Reply(status=201, result=[render.badge_class(ctx, row, issuer["entity_id"])])


def _list(ctx: Context, where: str, args: tuple[Any, ...]) -> Reply:
    if not ctx.params.get("include_archived"):
        where += " AND archived = 0"
    page = paginate(ctx, "badgeclasses", where, args)
    return Reply(result=render_rows(ctx, page.rows), headers=page.headers)


def list_issuer_badgeclasses(ctx: Context) -> Reply:
    issuer = fetch_issuer(ctx, ctx.params["idOrEntityId"], STAFF)
    return _list(ctx, "issuer_pk = ?", (issuer["pk"],))


def list_badgeclasses(ctx: Context) -> Reply:
    user = ctx.require_user()
    return _list(ctx, "issuer_pk IN (SELECT issuer_pk FROM staff WHERE user_pk = ?)", (user.pk,))


def create_issuer_badgeclass(ctx: Context) -> Reply:
    return _create(ctx, fetch_issuer(ctx, ctx.params["idOrEntityId"], EDITOR))


def create_badgeclass(ctx: Context) -> Reply:
    if "issuer" not in ctx.body:  # badgr-server's view check (the documented spec requires it)
        raise bad_request({"issuer": "This field is required"})
    issuer = find_row(ctx.db, "issuers", ctx.body["issuer"])
    if issuer is None or role_on_issuer(ctx.db, issuer["pk"], ctx.user) < EDITOR:
        raise bad_request({"issuer": ["Unknown issuer, or you may not define its badge classes."]})
    return _create(ctx, issuer)


def get_badgeclass(ctx: Context) -> Reply:
    row, issuer = fetch_badgeclass(
        ctx, badgeclass_ref(ctx), STAFF, include_archived=bool(ctx.params.get("include_archived"))
    )
    return Reply(result=[render.badge_class(ctx, row, issuer["entity_id"])])


def update_badgeclass(ctx: Context) -> Reply:
    row, issuer = fetch_badgeclass(ctx, badgeclass_ref(ctx), EDITOR)
    old = loads(row["doc"])
    doc = _doc_from_body(ctx, ctx.body, row["entity_id"])
    if "image" not in ctx.body:  # only the badgr-server profile lets a PUT leave it out
        doc.update({key: old[key] for key in ("image", "imageStored") if key in old})
    for key in ("createdBy", "archivedDate", "archivalNote"):
        if key in old:
            doc[key] = old[key]
    ctx.db.execute("UPDATE badgeclasses SET doc = ? WHERE pk = ?", (dumps(doc), row["pk"]))
    updated = row_by_pk(ctx.db, "badgeclasses", row["pk"])
    return Reply(result=[render.badge_class(ctx, updated, issuer["entity_id"])])


def delete_badgeclass(ctx: Context) -> Reply:
    row, _ = fetch_badgeclass(ctx, badgeclass_ref(ctx), EDITOR, include_archived=True)
    if unrevoked_awards(ctx, "badgeclass_pk = ?", row["pk"]):
        # The real server's model rule, in status.description; nothing is archived either.
        raise ErrorReply(400, PROTECTED_BADGECLASS)
    if ctx.params.get("hard_delete") == "true" or ctx.settings.profile.hard_delete_badgeclasses:
        ctx.db.execute("DELETE FROM images WHERE entity_id = ?", (row["entity_id"],))
        ctx.db.execute("DELETE FROM badgeclasses WHERE pk = ?", (row["pk"],))
        return Reply(status=204, result=None)
    doc = loads(row["doc"])
    doc["archivedDate"] = ctx.store.now_text()
    doc["archivalNote"] = ctx.params.get("archivalNote")
    ctx.db.execute(
        "UPDATE badgeclasses SET archived = 1, doc = ? WHERE pk = ?", (dumps(doc), row["pk"])
    )
    return Reply(status=204, result=None)


def reactivate_badgeclass(ctx: Context) -> Reply:
    row, issuer = fetch_badgeclass(ctx, badgeclass_ref(ctx), EDITOR, include_archived=True)
    doc = loads(row["doc"])
    doc["archivedDate"] = None
    doc["archivalNote"] = None
    ctx.db.execute(
        "UPDATE badgeclasses SET archived = 0, doc = ? WHERE pk = ?", (dumps(doc), row["pk"])
    )
    updated = row_by_pk(ctx.db, "badgeclasses", row["pk"])
    return Reply(result=[render.badge_class(ctx, updated, issuer["entity_id"])])


def duplicate_badgeclass(ctx: Context) -> Reply:
    row, issuer = fetch_badgeclass(ctx, ctx.params["idOrEntityId"], EDITOR)
    user = ctx.require_user()
    doc = loads(row["doc"])
    doc.update(name=ctx.body["newName"], createdBy=user.entity_id)
    entity_id = new_entity_id()
    ctx.db.execute(
        "INSERT INTO images (entity_id, media_type, data) "
        "SELECT ?, media_type, data FROM images WHERE entity_id = ?",
        (entity_id, row["entity_id"]),
    )
    return _insert(ctx, issuer, entity_id, doc)


# ---- claim codes ------------------------------------------------------------------------------


def _render_code(row: sqlite3.Row, badgeclass_entity_id: str, with_count: bool) -> dict[str, Any]:
    doc = loads(row["doc"])
    rendered = {
        "code": row["code"],
        "badgeclass": badgeclass_entity_id,
        "label": doc.get("label"),
        "limit": doc.get("limit"),
        "expirationDate": doc.get("expirationDate"),
        "enabled": bool(doc.get("enabled", True)),
        "archived": bool(row["archived"]),
        "createdAt": row["created"],
    }
    if with_count:
        rendered["claimCount"] = int(doc.get("claimCount", 0))
    return rendered


def _code_doc(ctx: Context, body: dict[str, Any], previous: dict[str, Any]) -> dict[str, Any]:
    doc = dict(previous)
    if "label" in body:
        doc["label"] = body["label"]
    if "limit" in body:
        if body["limit"] < int(doc.get("claimCount", 0)):
            raise bad_request({"limit": ["The limit is below the number of claims so far."]})
        doc["limit"] = body["limit"]
    if "expirationDate" in body:
        moment = parse_date_time(body["expirationDate"])
        if moment is None or moment.timestamp() <= ctx.store.now():
            raise bad_request({"expirationDate": ["The expiration date must lie in the future."]})
        doc["expirationDate"] = normalise_timestamp(body["expirationDate"])
    return doc


def _fetch_code(ctx: Context, min_role: int) -> tuple[sqlite3.Row, sqlite3.Row]:
    badgeclass, _ = fetch_badgeclass(ctx, ctx.params["idOrEntityId"], min_role)
    code = ctx.db.execute(
        "SELECT * FROM claim_codes WHERE badgeclass_pk = ? AND code = ? AND archived = 0",
        (badgeclass["pk"], ctx.params["claimCode"]),
    ).fetchone()
    if code is None:
        raise not_found()
    return badgeclass, code


def list_claim_codes(ctx: Context) -> Reply:
    badgeclass, _ = fetch_badgeclass(ctx, ctx.params["idOrEntityId"], STAFF)
    rows = ctx.db.execute(
        "SELECT * FROM claim_codes WHERE badgeclass_pk = ? AND archived = 0 ORDER BY created, pk",
        (badgeclass["pk"],),
    ).fetchall()
    with_count = bool(ctx.params.get("includeClaimCodeCount"))
    return Reply(result=[_render_code(row, badgeclass["entity_id"], with_count) for row in rows])


def create_claim_code(ctx: Context) -> Reply:
    badgeclass, _ = fetch_badgeclass(ctx, ctx.params["idOrEntityId"], EDITOR)
    doc = _code_doc(ctx, ctx.body, {"label": None, "limit": None, "claimCount": 0, "enabled": True})
    code = "".join(secrets.choice(_CLAIM_CODE_ALPHABET) for _ in range(10))
    cursor = ctx.db.execute(
        "INSERT INTO claim_codes (badgeclass_pk, code, created, doc) VALUES (?, ?, ?, ?)",
        (badgeclass["pk"], code, ctx.store.created_text(), dumps(doc)),
    )
    assert cursor.lastrowid is not None
    row = row_by_pk(ctx.db, "claim_codes", cursor.lastrowid)
    return Reply(status=201, result=[_render_code(row, badgeclass["entity_id"], True)])


def _save_code(
    ctx: Context, badgeclass: sqlite3.Row, code: sqlite3.Row, doc: dict[str, Any]
) -> Reply:
    ctx.db.execute("UPDATE claim_codes SET doc = ? WHERE pk = ?", (dumps(doc), code["pk"]))
    row = row_by_pk(ctx.db, "claim_codes", code["pk"])
    return Reply(result=[_render_code(row, badgeclass["entity_id"], True)])


def update_claim_code(ctx: Context) -> Reply:
    badgeclass, code = _fetch_code(ctx, EDITOR)
    return _save_code(ctx, badgeclass, code, _code_doc(ctx, ctx.body, loads(code["doc"])))


def archive_claim_code(ctx: Context) -> Reply:
    _, code = _fetch_code(ctx, EDITOR)
    ctx.db.execute("UPDATE claim_codes SET archived = 1 WHERE pk = ?", (code["pk"],))
    return Reply(status=204, result=None)


def _set_enabled(ctx: Context, enabled: bool) -> Reply:
    badgeclass, code = _fetch_code(ctx, EDITOR)
    doc = loads(code["doc"])
    doc["enabled"] = enabled
    return _save_code(ctx, badgeclass, code, doc)


def enable_claim_code(ctx: Context) -> Reply:
    return _set_enabled(ctx, True)


def disable_claim_code(ctx: Context) -> Reply:
    return _set_enabled(ctx, False)


HANDLERS: dict[str, Handler] = {
    "list_issuer_badgeclasses": list_issuer_badgeclasses,
    "create_issuer_badgeclass": create_issuer_badgeclass,
    "list_badgeclasses": list_badgeclasses,
    "create_badgeclass": create_badgeclass,
    "get_badgeclass": get_badgeclass,
    "update_badgeclass": update_badgeclass,
    "delete_badgeclass": delete_badgeclass,
    "get_badgeclass_by_ref": get_badgeclass,
    "update_badgeclass_by_ref": update_badgeclass,
    "delete_badgeclass_by_ref": delete_badgeclass,
    "duplicate_badgeclass": duplicate_badgeclass,
    "reactivate_badgeclass": reactivate_badgeclass,
    "reactivate_badgeclass_by_ref": reactivate_badgeclass,
    "list_claim_codes": list_claim_codes,
    "create_claim_code": create_claim_code,
    "update_claim_code": update_claim_code,
    "archive_claim_code": archive_claim_code,
    "enable_claim_code": enable_claim_code,
    "disable_claim_code": disable_claim_code,
}
