"""Stored rows rendered as the spec's response entities."""

from __future__ import annotations

import functools
import sqlite3
from typing import Any

from .context import Context, MockSettings, User, load_user, open_badge_id
from .store import loads


def shaped(settings: MockSettings, kind: str, entity: dict[str, Any]) -> dict[str, Any]:
    """``entity`` as this kind of server draws a ``kind`` (its profile's ``Shape``): the
    serializers render every field any kind has, and this keeps the kind's own."""
    shape = settings.profile.shapes.get(kind)
    if shape is None:
        return entity
    if shape.keys is not None:
        entity = {key: value for key, value in entity.items() if key in shape.keys}
    for key in shape.from_settings:
        entity[key] = getattr(settings, _SETTING_NAMES[key])
    for key, value in shape.if_null:
        if entity.get(key) is None:
            entity[key] = value
    for key in shape.omit_if_null:
        if entity.get(key) is None:
            entity.pop(key, None)
    return entity


_SETTING_NAMES = {"badgrDomain": "badgr_domain"}


def image_url(base_url: str, kind: str, entity_id: str, doc: dict[str, Any]) -> str | None:
    """Where an image is served: the public route for a stored upload, else its outside URL."""
    if doc.get("imageStored"):
        return f"{open_badge_id(base_url, kind, entity_id)}/image"
    value = doc.get("image")
    return value if isinstance(value, str) else None


def user_profile(settings: MockSettings, user: User) -> dict[str, Any]:
    return shaped(settings, "BadgeUser", _user_profile(settings, user))


def _user_profile(settings: MockSettings, user: User) -> dict[str, Any]:
    doc = user.doc
    agreed = doc.get("agreedTermsVersion", settings.latest_terms_version)
    return {
        "id": user.id,
        "entityType": "BadgeUser",
        "entityId": user.entity_id,
        "firstName": doc.get("firstName"),
        "lastName": doc.get("lastName"),
        "emails": [
            {"email": email, "verified": verified, "primary": primary, "caseVariants": []}
            for email, verified, primary in user.emails
        ],
        "url": doc.get("url", []),
        "telephone": doc.get("telephone", []),
        "badgrDomain": doc.get("badgrDomain"),
        "agreedTermsVersion": agreed,
        "hasAgreedToLatestTermsVersion": agreed >= settings.latest_terms_version,
        "marketingOptIn": bool(doc.get("marketingOptIn", False)),
        "hasPasswordSet": True,
        "recipient": {"identity": user.primary_email, "type": "email"},
    }


def staff_profile(settings: MockSettings, member: User) -> dict[str, Any]:
    """What fellow staff may see of a member (each kind's ``StaffUserProfile`` shape): never
    more than the primary e-mail. Adding an e-mail as staff must not reveal the account's
    other addresses."""
    public = _user_profile(settings, member)
    public["emails"] = [entry for entry in public["emails"] if entry["primary"]]
    return shaped(settings, "StaffUserProfile", public)


def staff_entry(settings: MockSettings, member: User, role: str | None) -> dict[str, Any]:
    return {"role": role, "user": member.entity_id, "userProfile": staff_profile(settings, member)}


def staff_entries(ctx: Context, issuer_pk: int) -> list[dict[str, Any]]:
    entries = []
    for row in ctx.db.execute(
        "SELECT user_pk, role FROM staff WHERE issuer_pk = ? ORDER BY created, user_pk",
        (issuer_pk,),
    ):
        member = load_user(ctx.db, row["user_pk"])
        if member is not None:
            entries.append(staff_entry(ctx.settings, member, row["role"]))
    return entries


def issuer(ctx: Context, row: sqlite3.Row, *, include_staff: bool = True) -> dict[str, Any]:
    doc = loads(row["doc"])
    entity_id = row["entity_id"]
    rendered: dict[str, Any] = {
        "id": row["id"],
        "entityType": "Issuer",
        "entityId": entity_id,
        "openBadgeId": open_badge_id(ctx.base_url, "issuers", entity_id),
        "createdAt": row["created"],
        "createdBy": doc.get("createdBy"),
        "name": row["name"],
        "image": image_url(ctx.base_url, "issuers", entity_id, doc),
        "email": doc.get("email"),
        "description": doc.get("description"),
        "url": doc.get("url"),
        "badgrDomain": doc.get("badgrDomain"),
        "organizationId": row["organization_id"],
        "extensions": doc.get("extensions", {}),
        "source": "local",
        "sourceUrl": doc.get("sourceUrl"),
        "imagePath": None,
        "originalJson": doc.get("originalJson"),
        "badgeSkillLinkingPreferences": None,
        "preferences": None,
    }
    if include_staff:
        rendered["staff"] = staff_entries(ctx, row["pk"])
    return shaped(ctx.settings, "Issuer", rendered)


def badge_class(ctx: Context, row: sqlite3.Row, issuer_entity_id: str) -> dict[str, Any]:
    doc = loads(row["doc"])
    entity_id = row["entity_id"]
    rendered = {
        "id": row["id"],
        "entityType": "BadgeClass",
        "entityId": entity_id,
        "openBadgeId": open_badge_id(ctx.base_url, "badges", entity_id),
        "sourceUrl": None,
        "originalJson": None,
        "createdAt": row["created"],
        "createdBy": doc.get("createdBy"),
        "issuer": issuer_entity_id,
        "issuerOpenBadgeId": open_badge_id(ctx.base_url, "issuers", issuer_entity_id),
        "name": doc["name"],
        "image": image_url(ctx.base_url, "badges", entity_id, doc),
        "imageAltText": doc.get("imageAltText"),
        "description": doc.get("description"),
        "achievementType": doc.get("achievementType"),
        "criteriaUrl": doc.get("criteriaUrl"),
        "criteriaNarrative": doc.get("criteriaNarrative"),
        "alignments": [
            shaped(
                ctx.settings,
                "Alignment",
                {
                    "targetName": alignment.get("targetName"),
                    "targetUrl": alignment.get("targetUrl"),
                    "targetDescription": alignment.get("targetDescription"),
                    "targetFramework": alignment.get("targetFramework"),
                    "targetCode": alignment.get("targetCode"),
                    "displayAsSkill": alignment.get("displayAsSkill"),
                },
            )
            for alignment in doc.get("alignments", [])
        ],
        "tags": doc.get("tags", []),
        "expires": doc.get("expires"),
        "extensions": doc.get("extensions", {}),
        "source": "local",
        "imagePath": None,
        "archived": bool(row["archived"]),
        "archivedDate": doc.get("archivedDate"),
        "archivalNote": doc.get("archivalNote"),
        "ob3Properties": doc.get("ob3Properties"),
        "preferences": doc.get("preferences"),
    }
    return shaped(ctx.settings, "BadgeClass", rendered)


def assertion(
    ctx: Context, row: sqlite3.Row, *, show_plaintext: bool, backpack: bool = False
) -> dict[str, Any]:
    """The API shape of an assertion row, as its issuer sees it or (``backpack``) as its
    recipient does; pages repeat rows, so renders are memoised on the row's full content (any
    write changes the key). A shallow copy keeps callers independent."""
    rendered = dict(
        _assertion(
            ctx.base_url,
            *(row[name] for name in _ASSERTION_COLUMNS),
            show_plaintext=show_plaintext,
        )
    )
    if ctx.settings.profile.old_assertion_shapes:
        _old_assertion_shape(rendered)
    return shaped(ctx.settings, "BackpackAssertion" if backpack else "Assertion", rendered)


def _old_assertion_shape(assertion: dict[str, Any]) -> None:
    """badgr-server's habits: no ``salt`` on unhashed recipients, no ``image`` once revoked."""
    recipient = assertion["recipient"]
    if not recipient.get("hashed", True):
        assertion["recipient"] = {k: v for k, v in recipient.items() if k != "salt"}
    if assertion["revoked"]:
        assertion["image"] = None


_ASSERTION_COLUMNS = ("id", "entity_id", "created", "doc", "revoked", "acceptance", "expires")


@functools.lru_cache(maxsize=8192)
def _assertion(
    base_url: str,
    row_id: str,
    entity_id: str,
    created: str,
    raw_doc: str,
    revoked: int,
    acceptance: str,
    expires: str | None,
    *,
    show_plaintext: bool,
) -> dict[str, Any]:
    doc = loads(raw_doc)
    recipient = dict(doc["recipient"])
    if not show_plaintext:
        recipient["plaintextIdentity"] = None
    badgeclass_entity_id = doc["badgeclass"]
    issuer_entity_id = doc["issuer"]
    imported = doc.get("source") == "imported"
    assertion_url = doc.get("sourceUrl") if imported else None
    badge_url = doc.get("badgeclassOpenBadgeId") if imported else None
    issuer_url = doc.get("issuerOpenBadgeId") if imported else None
    assertion_url = assertion_url or open_badge_id(base_url, "assertions", entity_id)
    badge_url = badge_url or open_badge_id(base_url, "badges", badgeclass_entity_id)
    issuer_url = issuer_url or open_badge_id(base_url, "issuers", issuer_entity_id)
    return {
        "entityType": "Assertion",
        "id": row_id,
        "entityId": entity_id,
        "openBadgeId": open_badge_id(base_url, "assertions", entity_id),
        "createdAt": created,
        "createdBy": doc.get("createdBy"),
        "badgeclass": badgeclass_entity_id,
        "badgeclassOpenBadgeId": badge_url,
        "issuer": issuer_entity_id,
        "issuerOpenBadgeId": issuer_url,
        "image": doc.get("image") or f"{base_url}/public/assertions/{entity_id}/image",
        "recipient": recipient,
        "issuedOn": doc["issuedOn"],
        "narrative": doc.get("narrative"),
        "evidence": doc.get("evidence", []),
        "revoked": bool(revoked),
        "revocationReason": doc.get("revocationReason"),
        "acceptance": acceptance,
        "expires": expires,
        "extensions": doc.get("extensions", {}),
        "assertionRef": {"assertionUrl": assertion_url},
        "badgeRef": {"badgeUrl": badge_url},
        "issuerRef": {"issuerUrl": issuer_url},
        "pending": False,
        "source": doc.get("source", "local"),
        "sourceUrl": doc.get("sourceUrl"),
        "originalJson": doc.get("originalJson"),
        "imagePath": None,
        "ob3AwardProperties": doc.get("ob3AwardProperties"),
    }
