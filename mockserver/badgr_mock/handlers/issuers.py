"""Issuers, their staff and staff invitations."""

from __future__ import annotations

import sqlite3
from typing import Any

from .. import render
from ..context import (
    EDITOR,
    OWNER,
    STAFF,
    Context,
    Handler,
    Reply,
    User,
    addressed_entity_id,
    decode_base64_segment,
    find_row,
    load_user,
    role_on_issuer,
    row_by_pk,
    staff_role,
)
from ..envelope import ErrorReply, bad_request, not_found
from ..images import apply_image
from ..pagination import paginate
from ..store import dumps, loads, new_entity_id, new_id
from .common import unrevoked_awards


def issuer_ref(ctx: Context) -> str:
    return addressed_entity_id(ctx, "issuerOpenBadgeIdBase64", "issuers")


def fetch_issuer(ctx: Context, ref: str, min_role: int) -> sqlite3.Row:
    """The issuer if the caller holds at least ``min_role`` on it; 404 otherwise."""
    row = find_row(ctx.db, "issuers", ref)
    if row is None or role_on_issuer(ctx.db, row["pk"], ctx.user) < min_role:
        raise not_found()
    return row


def _include_staff(ctx: Context) -> bool:
    return bool(ctx.params.get("include_staff", "true") != "false")


def _check_issuer_email(user: User, email: str) -> None:
    if email.lower() not in user.verified_emails:
        raise bad_request(
            validation_errors=[
                "Issuer email must be one of your verified addresses. Add this email to your "
                "profile and try again."
            ],
        )


def list_issuers(ctx: Context) -> Reply:
    user = ctx.require_user()
    page = paginate(
        ctx, "issuers", "pk IN (SELECT issuer_pk FROM staff WHERE user_pk = ?)", (user.pk,)
    )
    include_staff = _include_staff(ctx)
    result = [render.issuer(ctx, row, include_staff=include_staff) for row in page.rows]
    return Reply(result=result, headers=page.headers)


def _organization_id(ctx: Context, user: User, value: Any) -> str | None:
    if value is None:
        return None
    row = find_row(ctx.db, "organizations", str(value))
    if (
        row is None
        or not ctx.db.execute(
            "SELECT 1 FROM org_admins WHERE org_pk = ? AND user_pk = ?", (row["pk"], user.pk)
        ).fetchone()
    ):
        raise bad_request({"organizationId": ["Unknown organization or no write access to it."]})
    return str(row["id"])


def _staff_from_body(ctx: Context, refs: list[dict[str, Any]]) -> list[tuple[int, str]]:
    members = []
    for index, ref in enumerate(refs):
        row = find_row(ctx.db, "users", ref["user"])
        if row is None:
            raise bad_request({"staff": {str(index): {"user": ["Unknown user."]}}})
        members.append((int(row["pk"]), str(ref["role"])))
    return members


def create_issuer(ctx: Context) -> Reply:
    user = ctx.require_user()
    body: dict[str, Any] = ctx.body
    _check_issuer_email(user, body["email"])
    organization_id = _organization_id(ctx, user, body.get("organizationId"))
    entity_id = new_entity_id()
    doc: dict[str, Any] = {
        "email": body["email"],
        "url": body["url"],
        "description": body.get("description"),
        "badgrDomain": body.get("badgrDomain"),
        "createdBy": user.entity_id,
        "sourceUrl": body.get("sourceUrl"),
        "originalJson": body.get("originalJson"),
        "extensions": {},
    }
    apply_image(ctx, doc, entity_id, body.get("image"), "image")
    extra_staff = _staff_from_body(ctx, body.get("staff", []))
    created = ctx.store.created_text()
    cursor = ctx.db.execute(
        "INSERT INTO issuers (id, entity_id, created, organization_id, name, doc) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (new_id(), entity_id, created, organization_id, body["name"], dumps(doc)),
    )
    issuer_pk = cursor.lastrowid
    ctx.db.execute(
        "INSERT INTO staff (issuer_pk, user_pk, role, created) VALUES (?, ?, 'owner', ?)",
        (issuer_pk, user.pk, created),
    )
    for member_pk, role in extra_staff:
        if member_pk != user.pk:
            ctx.db.execute(
                "INSERT OR REPLACE INTO staff (issuer_pk, user_pk, role, created) "
                "VALUES (?, ?, ?, ?)",
                (issuer_pk, member_pk, role, ctx.store.created_text()),
            )
    assert issuer_pk is not None
    row = row_by_pk(ctx.db, "issuers", issuer_pk)
    return Reply(status=201, result=[render.issuer(ctx, row, include_staff=_include_staff(ctx))])


def get_issuer(ctx: Context) -> Reply:
    row = find_row(ctx.db, "issuers", issuer_ref(ctx))
    if row is None or role_on_issuer(ctx.db, row["pk"], ctx.user) < STAFF:
        raise not_found()
    rendered = render.issuer(ctx, row, include_staff=_include_staff(ctx))
    return Reply(result=[rendered])


def update_issuer(ctx: Context) -> Reply:
    user = ctx.require_user()
    row = fetch_issuer(ctx, issuer_ref(ctx), EDITOR)
    body: dict[str, Any] = ctx.body
    doc = loads(row["doc"])
    if body["email"].lower() != str(doc.get("email", "")).lower():
        _check_issuer_email(user, body["email"])
    doc.update(email=body["email"], url=body["url"])
    for key in ("description", "badgrDomain", "extensions"):
        if key in body:
            doc[key] = body[key]
    apply_image(ctx, doc, row["entity_id"], body.get("image"), "image")
    ctx.db.execute(
        "UPDATE issuers SET name = ?, doc = ? WHERE pk = ?", (body["name"], dumps(doc), row["pk"])
    )
    updated = row_by_pk(ctx.db, "issuers", row["pk"])
    return Reply(result=[render.issuer(ctx, updated, include_staff=_include_staff(ctx))])


# A protected delete says why in status.description (§12), as badge classes do.
ISSUER_HAS_AWARDED = "Issuer can not be deleted because it has previously issued badges."
ISSUER_HAS_UNREVOKED_AWARDS = "Issuer may only be deleted if all its awards have been revoked."


def delete_issuer(ctx: Context) -> Reply:
    row = fetch_issuer(ctx, issuer_ref(ctx), OWNER)
    if ctx.settings.profile.protect_issuers_that_awarded:  # revoked awards count too
        awarded = ctx.db.execute(
            "SELECT 1 FROM assertions WHERE issuer_pk = ? LIMIT 1", (row["pk"],)
        ).fetchone()
        if awarded:
            raise ErrorReply(400, ISSUER_HAS_AWARDED)
    elif unrevoked_awards(ctx, "issuer_pk = ?", row["pk"]):
        raise ErrorReply(400, ISSUER_HAS_UNREVOKED_AWARDS)
    ctx.db.execute(
        "DELETE FROM images WHERE entity_id = ? OR entity_id IN "
        "(SELECT entity_id FROM badgeclasses WHERE issuer_pk = ?)",
        (row["entity_id"], row["pk"]),
    )
    ctx.db.execute("DELETE FROM issuers WHERE pk = ?", (row["pk"],))
    return Reply(status=204, result=None)


# ---- staff ------------------------------------------------------------------------------------


def _user_by_email(ctx: Context, email: str) -> User | None:
    row = ctx.db.execute(
        "SELECT user_pk FROM emails WHERE email = ? AND verified = 1", (email.lower(),)
    ).fetchone()
    return None if row is None else load_user(ctx.db, row["user_pk"])


def _staff_entry(ctx: Context, issuer_pk: int, member: User) -> dict[str, Any]:
    return render.staff_entry(ctx.settings, member, staff_role(ctx.db, issuer_pk, member.pk))


def _owner_count(ctx: Context, issuer_pk: int) -> int:
    row = ctx.db.execute(
        "SELECT count(*) FROM staff WHERE issuer_pk = ? AND role = 'owner'", (issuer_pk,)
    ).fetchone()
    return int(row[0])


def add_issuer_staff(ctx: Context) -> Reply:
    issuer = fetch_issuer(ctx, ctx.params["idOrEntityId"], OWNER)
    body: dict[str, Any] = ctx.body
    member = _user_by_email(ctx, body["email"])
    if member is None:
        raise bad_request({"email": ["No registered user has this verified e-mail address."]})
    if staff_role(ctx.db, issuer["pk"], member.pk) is not None:
        raise bad_request({"email": ["This user is already a staff member of the issuer."]})
    ctx.db.execute(
        "INSERT INTO staff (issuer_pk, user_pk, role, created) VALUES (?, ?, ?, ?)",
        (issuer["pk"], member.pk, body["role"], ctx.store.created_text()),
    )
    return Reply(status=201, result=[_staff_entry(ctx, issuer["pk"], member)])


def update_issuer_staff(ctx: Context) -> Reply:
    issuer = fetch_issuer(ctx, ctx.params["idOrEntityId"], OWNER)
    body: dict[str, Any] = ctx.body
    member = _user_by_email(ctx, body["email"])
    current = None if member is None else staff_role(ctx.db, issuer["pk"], member.pk)
    if member is None or current is None:
        raise bad_request({"email": ["This user is not a staff member of the issuer."]})
    if current == "owner" and body["role"] != "owner" and _owner_count(ctx, issuer["pk"]) == 1:
        raise bad_request({"role": ["An issuer must keep at least one owner."]})
    ctx.db.execute(
        "UPDATE staff SET role = ? WHERE issuer_pk = ? AND user_pk = ?",
        (body["role"], issuer["pk"], member.pk),
    )
    return Reply(result=[_staff_entry(ctx, issuer["pk"], member)])


def remove_issuer_staff(ctx: Context) -> Reply:
    issuer = fetch_issuer(ctx, ctx.params["idOrEntityId"], OWNER)
    email = decode_base64_segment(ctx.params["emailBase64"])
    member = _user_by_email(ctx, email)
    current = None if member is None else staff_role(ctx.db, issuer["pk"], member.pk)
    if member is None or current is None:
        raise not_found()
    if current == "owner" and _owner_count(ctx, issuer["pk"]) == 1:
        raise bad_request(validation_errors=["An issuer must keep at least one owner."])
    ctx.db.execute(
        "DELETE FROM staff WHERE issuer_pk = ? AND user_pk = ?", (issuer["pk"], member.pk)
    )
    return Reply(status=204, result=None)


def invite_issuer_staff(ctx: Context) -> Reply:
    issuer = fetch_issuer(ctx, ctx.params["idOrEntityId"], OWNER)
    body: dict[str, Any] = ctx.body
    email = body["email"].lower()
    member = _user_by_email(ctx, email)
    if member is not None and staff_role(ctx.db, issuer["pk"], member.pk) is not None:
        raise bad_request({"email": ["This user is already a staff member of the issuer."]})
    ctx.db.execute(
        "INSERT OR REPLACE INTO invitations (issuer_pk, email, role, status, created) "
        "VALUES (?, ?, ?, 'PENDING', ?)",
        (issuer["pk"], email, body["role"], ctx.store.created_text()),
    )
    return Reply(result=[{"email": email, "role": body["role"], "status": "PENDING"}])


HANDLERS: dict[str, Handler] = {
    "list_issuers": list_issuers,
    "create_issuer": create_issuer,
    "get_issuer": get_issuer,
    "update_issuer": update_issuer,
    "patch_issuer": update_issuer,
    "delete_issuer": delete_issuer,
    "get_issuer_by_open_badge_id": get_issuer,
    "update_issuer_by_open_badge_id": update_issuer,
    "patch_issuer_by_open_badge_id": update_issuer,
    "delete_issuer_by_open_badge_id": delete_issuer,
    "get_issuer_by_ref": get_issuer,
    "update_issuer_by_ref": update_issuer,
    "patch_issuer_by_ref": update_issuer,
    "delete_issuer_by_ref": delete_issuer,
    "add_issuer_staff": add_issuer_staff,
    "update_issuer_staff": update_issuer_staff,
    "patch_issuer_staff": update_issuer_staff,
    "remove_issuer_staff": remove_issuer_staff,
    "invite_issuer_staff": invite_issuer_staff,
}
