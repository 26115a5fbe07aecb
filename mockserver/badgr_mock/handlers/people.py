"""Users, organizations and pathways."""

from __future__ import annotations

import sqlite3
from typing import Any

from .. import render
from ..context import EDITOR, STAFF, Context, Handler, Reply, User, find_row, load_user, row_by_pk
from ..envelope import bad_request, not_found
from ..pagination import paginate_by_page_number
from ..store import dumps, loads, new_id
from .issuers import fetch_issuer

_PROFILE_FIELDS = ("firstName", "lastName", "marketingOptIn")


# ---- users ------------------------------------------------------------------------------------


def _self_reply(ctx: Context, user: User) -> Reply:
    settings = ctx.settings
    profile = render.user_profile(settings, user)
    latest = settings.latest_terms_version
    extra: dict[str, Any] = {"latestTermsVersion": latest}
    agreed = profile["hasAgreedToLatestTermsVersion"]
    if not (agreed and settings.profile.terms_description_until_agreed):
        extra["latestTermsDescription"] = None if agreed else f"terms v{latest}"
    return Reply(result=[profile], extra=extra)


def _target_user(ctx: Context) -> User:
    """Only the caller's own profile is visible; every other id answers 404."""
    user = ctx.require_user()
    ref = ctx.params.get("idOrEntityId")
    if ref is not None and ref not in (user.id, user.entity_id):
        raise not_found()
    return user


def get_user(ctx: Context) -> Reply:
    return _self_reply(ctx, _target_user(ctx))


def update_user(ctx: Context) -> Reply:
    user = _target_user(ctx)
    doc = dict(user.doc)
    for key in _PROFILE_FIELDS:
        if key in ctx.body:
            doc[key] = ctx.body[key]
    ctx.db.execute("UPDATE users SET doc = ? WHERE pk = ?", (dumps(doc), user.pk))
    updated = load_user(ctx.db, user.pk)
    assert updated is not None
    return _self_reply(ctx, updated)


# ---- organizations ----------------------------------------------------------------------------


def _render_organization(row: sqlite3.Row) -> dict[str, Any]:
    doc = loads(row["doc"])
    return {
        "id": row["id"],
        "entityType": "Organization",
        "entityId": row["entity_id"],
        "name": doc["name"],
        "description": doc.get("description"),
        "url": doc.get("url"),
        "badgrDomain": doc.get("badgrDomain"),
        "createdAt": row["created"],
    }


def list_organizations(ctx: Context) -> Reply:
    user = ctx.require_user()
    rows = ctx.db.execute(
        "SELECT organizations.* FROM organizations JOIN org_admins ON org_pk = pk "
        "WHERE user_pk = ? ORDER BY created, id",
        (user.pk,),
    ).fetchall()
    return Reply(result=[_render_organization(row) for row in rows])


def list_organization_public_issuers(ctx: Context) -> Reply:
    organization = find_row(ctx.db, "organizations", ctx.params["id"])
    if organization is None:
        raise not_found()
    where = "organization_id = ?"
    args: list[Any] = [organization["id"]]
    name_query = ctx.params.get("nameQuery")
    if name_query:
        where += " AND instr(lower(name), lower(?)) > 0"
        args.append(name_query)
    page = paginate_by_page_number(ctx, "issuers", where, args, "lower(name), created, id")
    # Public pages never show staff profiles.
    return Reply(
        result=[render.issuer(ctx, row, include_staff=False) for row in page.rows],
        headers=page.headers,
    )


# ---- pathways ---------------------------------------------------------------------------------


def _render_pathway(row: sqlite3.Row, issuer_entity_id: str, version: str) -> dict[str, Any]:
    doc = loads(row[version])
    return {
        "id": row["id"],
        "issuerId": issuer_entity_id,
        "name": doc.get("name"),
        "description": doc.get("description"),
        "version": version,
        "updatedAt": doc["updatedAt"],
    }


def _pathway_doc(ctx: Context) -> dict[str, Any]:
    body: dict[str, Any] = ctx.body
    return {
        "name": body.get("name"),
        "description": body.get("description"),
        "updatedAt": ctx.store.now_text(),
    }


def _issuer_for_body(ctx: Context) -> sqlite3.Row:
    issuer = find_row(ctx.db, "issuers", ctx.body["issuerId"])
    if issuer is None:
        raise bad_request({"issuerId": ["Unknown issuer."]})
    return fetch_issuer(ctx, issuer["entity_id"], EDITOR)


def _fetch_pathway(ctx: Context, min_role: int) -> tuple[sqlite3.Row, sqlite3.Row]:
    row = ctx.db.execute("SELECT * FROM pathways WHERE id = ?", (ctx.params["id"],)).fetchone()
    if row is None:
        raise not_found()
    issuer = row_by_pk(ctx.db, "issuers", row["issuer_pk"])
    fetch_issuer(ctx, issuer["entity_id"], min_role)
    return row, issuer


def create_pathway(ctx: Context) -> Reply:
    issuer = _issuer_for_body(ctx)
    cursor = ctx.db.execute(
        "INSERT INTO pathways (id, issuer_pk, created, draft) VALUES (?, ?, ?, ?)",
        (new_id(), issuer["pk"], ctx.store.created_text(), dumps(_pathway_doc(ctx))),
    )
    assert cursor.lastrowid is not None
    row = row_by_pk(ctx.db, "pathways", cursor.lastrowid)
    return Reply(result=[_render_pathway(row, issuer["entity_id"], "draft")])


def list_issuer_pathways(ctx: Context) -> Reply:
    issuer = fetch_issuer(ctx, ctx.params["idOrEntityId"], STAFF)
    rows = ctx.db.execute(
        "SELECT * FROM pathways WHERE issuer_pk = ? ORDER BY created, id", (issuer["pk"],)
    ).fetchall()
    return Reply(result=[_render_pathway(row, issuer["entity_id"], "draft") for row in rows])


def get_pathway_draft(ctx: Context) -> Reply:
    row, issuer = _fetch_pathway(ctx, STAFF)
    return Reply(result=[_render_pathway(row, issuer["entity_id"], "draft")])


def update_pathway_draft(ctx: Context) -> Reply:
    row, issuer = _fetch_pathway(ctx, EDITOR)
    target = _issuer_for_body(ctx)
    if target["pk"] != issuer["pk"]:
        raise bad_request({"issuerId": ["A pathway cannot move to another issuer."]})
    ctx.db.execute(
        "UPDATE pathways SET draft = ? WHERE pk = ?", (dumps(_pathway_doc(ctx)), row["pk"])
    )
    updated = row_by_pk(ctx.db, "pathways", row["pk"])
    return Reply(result=[_render_pathway(updated, issuer["entity_id"], "draft")])


def revert_pathway_draft(ctx: Context) -> Reply:
    row, issuer = _fetch_pathway(ctx, EDITOR)
    if row["published"] is None:
        raise bad_request(validation_errors=["This pathway has no published version yet."])
    ctx.db.execute("UPDATE pathways SET draft = published WHERE pk = ?", (row["pk"],))
    updated = row_by_pk(ctx.db, "pathways", row["pk"])
    return Reply(result=[_render_pathway(updated, issuer["entity_id"], "draft")])


def get_pathway_published(ctx: Context) -> Reply:
    row, issuer = _fetch_pathway(ctx, STAFF)
    if row["published"] is None:
        raise not_found()
    return Reply(result=[_render_pathway(row, issuer["entity_id"], "published")])


def publish_pathway(ctx: Context) -> Reply:
    row, issuer = _fetch_pathway(ctx, EDITOR)
    ctx.db.execute("UPDATE pathways SET published = draft WHERE pk = ?", (row["pk"],))
    updated = row_by_pk(ctx.db, "pathways", row["pk"])
    return Reply(result=[_render_pathway(updated, issuer["entity_id"], "published")])


HANDLERS: dict[str, Handler] = {
    "get_self": get_user,
    "update_self": update_user,
    "patch_self": update_user,
    "get_user": get_user,
    "update_user": update_user,
    "patch_user": update_user,
    "list_organizations": list_organizations,
    "list_organization_public_issuers": list_organization_public_issuers,
    "create_pathway": create_pathway,
    "list_issuer_pathways": list_issuer_pathways,
    "get_pathway_draft": get_pathway_draft,
    "update_pathway_draft": update_pathway_draft,
    "revert_pathway_draft": revert_pathway_draft,
    "get_pathway_published": get_pathway_published,
    "publish_pathway": publish_pathway,
}
