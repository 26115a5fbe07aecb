"""The caller's backpack: received and imported assertions, and collections."""

from __future__ import annotations

import json
import secrets
import sqlite3
from typing import Any

from .. import render
from ..context import Context, Handler, Reply, User, find_row, row_by_pk
from ..envelope import ErrorReply, bad_request, not_found
from ..formats import normalise_timestamp
from ..images import decode_image
from ..pagination import paginate
from ..store import dumps, loads, new_entity_id, new_id
from .assertions import recipient_key, visibility_filters

_IMPORT_SOURCES = ("url", "image", "assertion")


def _backpack_predicate(user: User) -> tuple[str, list[Any]]:
    emails = user.verified_emails
    marks = ", ".join("?" for _ in emails) or "NULL"
    where = (
        f"((recipient_type = 'email' AND issuer_pk IS NOT NULL AND recipient_key IN ({marks})) "
        "OR owner_user_pk = ?) AND acceptance != 'Rejected'"
    )
    return where, [*emails, user.pk]


def list_backpack_assertions(ctx: Context) -> Reply:
    user = ctx.require_user()
    where, args = _backpack_predicate(user)
    extra, extra_args = visibility_filters(ctx)
    page = paginate(ctx, "assertions", where + extra, [*args, *extra_args])
    result = [render.assertion(ctx, row, show_plaintext=True, backpack=True) for row in page.rows]
    return Reply(result=result, headers=page.headers)


def fetch_backpack_assertion(ctx: Context, ref: str) -> sqlite3.Row:
    user = ctx.require_user()
    where, args = _backpack_predicate(user)
    row: sqlite3.Row | None = ctx.db.execute(
        f"SELECT * FROM assertions WHERE (id = ? OR entity_id = ?) AND {where}",
        (ref, ref, *args),
    ).fetchone()
    if row is None:
        raise not_found()
    return row


def get_backpack_assertion(ctx: Context) -> Reply:
    row = fetch_backpack_assertion(ctx, ctx.params["idOrEntityId"])
    return Reply(result=[render.assertion(ctx, row, show_plaintext=True, backpack=True)])


def update_backpack_assertion(ctx: Context) -> Reply:
    row = fetch_backpack_assertion(ctx, ctx.params["idOrEntityId"])
    ctx.db.execute(
        "UPDATE assertions SET acceptance = ? WHERE pk = ?", (ctx.body["acceptance"], row["pk"])
    )
    updated = row_by_pk(ctx.db, "assertions", row["pk"])
    return Reply(result=[render.assertion(ctx, updated, show_plaintext=True, backpack=True)])


def delete_backpack_assertion(ctx: Context) -> Reply:
    row = fetch_backpack_assertion(ctx, ctx.params["idOrEntityId"])
    if row["owner_user_pk"] is not None:
        ctx.db.execute("DELETE FROM assertions WHERE pk = ?", (row["pk"],))
    else:
        # Awards of this server stay with the issuer; the recipient can only reject them.
        ctx.db.execute("UPDATE assertions SET acceptance = 'Rejected' WHERE pk = ?", (row["pk"],))
    return Reply(status=204, result=None)


def _imported_fields(ctx: Context, user: User, body: dict[str, Any]) -> dict[str, Any]:
    given = [name for name in _IMPORT_SOURCES if body.get(name) is not None]
    if len(given) != 1:
        raise bad_request(validation_errors=["Give exactly one of url, image or assertion."])
    source = given[0]
    fields: dict[str, Any] = {
        "recipient": {
            "identity": user.primary_email,
            "hashed": False,
            "type": "email",
            "salt": None,
            "plaintextIdentity": user.primary_email,
        },
        "issuedOn": ctx.store.now_text(),
        "sourceUrl": None,
        "originalJson": None,
        "badgeclassOpenBadgeId": None,
        "image": None,
    }
    if source == "url":
        fields["sourceUrl"] = body["url"]
    elif source == "image":
        if decode_image(body["image"], "image") is None:
            fields["image"] = body["image"]
    else:
        document: dict[str, Any] = body["assertion"]
        fields["originalJson"] = json.dumps(document, ensure_ascii=False)
        if isinstance(document.get("id"), str):
            fields["sourceUrl"] = document["id"]
        badge = document.get("badge")
        if isinstance(badge, dict):
            badge = badge.get("id")
        if isinstance(badge, str):
            fields["badgeclassOpenBadgeId"] = badge
        issued = document.get("issuedOn")
        if isinstance(issued, str) and normalise_timestamp(issued):
            fields["issuedOn"] = normalise_timestamp(issued)
        recipient = document.get("recipient")
        if isinstance(recipient, dict) and isinstance(recipient.get("identity"), str):
            kind = recipient.get("type") if isinstance(recipient.get("type"), str) else "email"
            if kind not in ("email", "openBadgeId", "telephone", "url"):
                kind = "email"
            hashed = recipient.get("hashed") is True
            fields["recipient"] = {
                "identity": recipient["identity"],
                "hashed": hashed,
                "type": kind,
                "salt": recipient.get("salt") if isinstance(recipient.get("salt"), str) else None,
                "plaintextIdentity": None if hashed else recipient["identity"],
            }
    return fields


def import_backpack_assertion(ctx: Context) -> Reply:
    user = ctx.require_user()
    fields = _imported_fields(ctx, user, ctx.body)
    recipient = fields["recipient"]
    doc: dict[str, Any] = {
        "createdBy": user.entity_id,
        # Imported badges name their own badge class and issuer; synthetic ids stand in.
        "badgeclass": new_entity_id(),
        "issuer": new_entity_id(),
        "badgeclassOpenBadgeId": fields["badgeclassOpenBadgeId"],
        "recipient": recipient,
        "issuedOn": fields["issuedOn"],
        "evidence": [],
        "extensions": {},
        "source": "imported",
        "sourceUrl": fields["sourceUrl"],
        "originalJson": fields["originalJson"],
        "image": fields["image"],
        "revocationReason": None,
    }
    cursor = ctx.db.execute(
        "INSERT INTO assertions (id, entity_id, owner_user_pk, created, recipient_type, "
        "recipient_key, recipient_hash, acceptance, doc) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 'Accepted', ?)",
        (
            new_id(),
            new_entity_id(),
            user.pk,
            ctx.store.created_text(),
            recipient["type"],
            recipient_key(recipient["type"], recipient["identity"]),
            recipient["identity"],
            dumps(doc),
        ),
    )
    assert cursor.lastrowid is not None
    row = row_by_pk(ctx.db, "assertions", cursor.lastrowid)
    rendered = render.assertion(ctx, row, show_plaintext=True, backpack=True)
    return Reply(status=201, result=[rendered])


# ---- collections ------------------------------------------------------------------------------


def _render_collection(ctx: Context, row: sqlite3.Row, owner: User) -> dict[str, Any]:
    doc = loads(row["doc"])
    published = bool(doc.get("published"))
    share_hash = doc.get("shareHash") if published else None
    rendered = {
        "id": row["id"],
        "entityType": "BackpackCollection",
        "entityId": row["entity_id"],
        "name": doc["name"],
        "description": doc.get("description"),
        "share_url": f"{ctx.base_url}/public/collections/{share_hash}" if share_hash else None,
        "shareHash": share_hash,
        "published": published,
        "owner": owner.entity_id,
        "assertions": doc.get("assertions", []),
        "credentials": doc.get("credentials", []),
    }
    return render.shaped(ctx.settings, "BackpackCollection", rendered)


def _check_members(ctx: Context, user: User, refs: list[str]) -> list[str]:
    entity_ids = []
    for ref in refs:
        try:
            row = fetch_backpack_assertion(ctx, ref)
        except ErrorReply:  # a 404 for a member is a field error of this body
            raise bad_request(
                {"assertions": [f"Not an assertion in your backpack: {ref[:64]}"]}
            ) from None
        entity_ids.append(str(row["entity_id"]))
    return list(dict.fromkeys(entity_ids))


def _apply_collection(ctx: Context, user: User, doc: dict[str, Any], body: dict[str, Any]) -> None:
    for key in ("name", "description", "credentials"):
        if key in body:
            doc[key] = body[key]
    if "assertions" in body:
        doc["assertions"] = _check_members(ctx, user, body["assertions"])
    if "published" in body:
        doc["published"] = body["published"]
        if body["published"] and not doc.get("shareHash"):
            doc["shareHash"] = secrets.token_urlsafe(16)


def list_collections(ctx: Context) -> Reply:
    user = ctx.require_user()
    rows = ctx.db.execute(
        "SELECT * FROM collections WHERE user_pk = ? ORDER BY created, id", (user.pk,)
    ).fetchall()
    return Reply(result=[_render_collection(ctx, row, user) for row in rows])


def create_collection(ctx: Context) -> Reply:
    user = ctx.require_user()
    doc: dict[str, Any] = {"assertions": [], "credentials": []}
    _apply_collection(ctx, user, doc, ctx.body)
    cursor = ctx.db.execute(
        "INSERT INTO collections (id, entity_id, user_pk, created, doc) VALUES (?, ?, ?, ?, ?)",
        (new_id(), new_entity_id(), user.pk, ctx.store.created_text(), dumps(doc)),
    )
    assert cursor.lastrowid is not None
    row = row_by_pk(ctx.db, "collections", cursor.lastrowid)
    return Reply(status=201, result=[_render_collection(ctx, row, user)])


def _fetch_collection(ctx: Context) -> tuple[sqlite3.Row, User]:
    user = ctx.require_user()
    row = find_row(ctx.db, "collections", ctx.params["idOrEntityId"])
    if row is None or row["user_pk"] != user.pk:
        raise not_found()
    return row, user


def get_collection(ctx: Context) -> Reply:
    row, user = _fetch_collection(ctx)
    return Reply(result=[_render_collection(ctx, row, user)])


def update_collection(ctx: Context) -> Reply:
    row, user = _fetch_collection(ctx)
    doc = loads(row["doc"])
    _apply_collection(ctx, user, doc, ctx.body)
    ctx.db.execute("UPDATE collections SET doc = ? WHERE pk = ?", (dumps(doc), row["pk"]))
    updated = row_by_pk(ctx.db, "collections", row["pk"])
    return Reply(result=[_render_collection(ctx, updated, user)])


def delete_collection(ctx: Context) -> Reply:
    row, _ = _fetch_collection(ctx)
    ctx.db.execute("DELETE FROM collections WHERE pk = ?", (row["pk"],))
    return Reply(status=204, result=None)


HANDLERS: dict[str, Handler] = {
    "list_backpack_assertions": list_backpack_assertions,
    "get_backpack_assertion": get_backpack_assertion,
    "update_backpack_assertion": update_backpack_assertion,
    "delete_backpack_assertion": delete_backpack_assertion,
    "import_backpack_assertion": import_backpack_assertion,
    "list_collections": list_collections,
    "create_collection": create_collection,
    "get_collection": get_collection,
    "update_collection": update_collection,
    "delete_collection": delete_collection,
}
