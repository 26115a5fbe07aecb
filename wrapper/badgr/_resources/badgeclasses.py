"""``badgeclasses``: badge definitions and their claim codes (``/v2/badgeclasses``)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, TypedDict, Unpack

from badgr_api.api.badgeclasses import (
    archive_claim_code,
    create_badgeclass,
    create_claim_code,
    create_issuer_badgeclass,
    delete_badgeclass,
    delete_badgeclass_by_ref,
    disable_claim_code,
    duplicate_badgeclass,
    enable_claim_code,
    get_badgeclass,
    get_badgeclass_by_ref,
    list_badgeclasses,
    list_changed_badgeclasses,
    list_claim_codes,
    list_issuer_badgeclasses,
    reactivate_badgeclass,
    reactivate_badgeclass_by_ref,
    update_badgeclass,
    update_badgeclass_by_ref,
    update_claim_code,
)
from badgr_api.models.alignment_input import AlignmentInput
from badgr_api.models.badge_class import BadgeClass
from badgr_api.models.badge_class_create_input import BadgeClassCreateInput
from badgr_api.models.badge_class_input import BadgeClassInput
from badgr_api.models.badge_class_preferences import BadgeClassPreferences
from badgr_api.models.badge_class_update_input import BadgeClassUpdateInput
from badgr_api.models.claim_code import ClaimCode
from badgr_api.models.claim_code_input import ClaimCodeInput
from badgr_api.models.duplicate_badge_class_input import DuplicateBadgeClassInput
from badgr_api.models.expiration import Expiration
from badgr_api.models.extensions import Extensions
from badgr_api.types import UNSET

from .._call import Call, Runner, none, one, pages
from .._namespace import M, Namespace, op, paged
from .._profiles import BADGR_SERVER
from ..errors import UnsupportedOperationError
from ._shared import (
    DEFAULT_PAGE_SIZE,
    ID_PARAM,
    address,
    as_models,
    field_values,
    flag,
    optional,
    optional_model,
)

__all__ = ["BadgeClassFields", "BadgeClasses", "ClaimCodeFields", "ClaimCodes"]

ByRef = Literal["id", "ref"]
_REF = "ref"
_GET = {"id": (get_badgeclass, ID_PARAM), "ref": (get_badgeclass_by_ref, _REF)}
_PUT = {"id": (update_badgeclass, ID_PARAM), "ref": (update_badgeclass_by_ref, _REF)}
_DELETE = {"id": (delete_badgeclass, ID_PARAM), "ref": (delete_badgeclass_by_ref, _REF)}
_REACTIVATE = {"id": (reactivate_badgeclass, ID_PARAM), "ref": (reactivate_badgeclass_by_ref, _REF)}


class _RequiredBadgeClassFields(TypedDict):
    name: str
    description: str
    #: a PNG/SVG ``data:`` URI or an http(s) URL
    image: str


class BadgeClassFields(_RequiredBadgeClassFields, total=False):
    """The fields of a badge class, as ``create`` and ``update`` take them (keyword arguments).

    ``name``, ``description`` and ``image`` are required; ``None`` leaves a field out. Nested
    values are generated models or mappings in wire (camelCase) form.
    """

    criteria_narrative: str | None
    criteria_url: str | None
    tags: Sequence[str] | None
    alignments: Iterable[AlignmentInput | Mapping[str, Any]] | None
    expires: Expiration | Mapping[str, Any] | None
    achievement_type: str | None
    image_alt_text: str | None
    extensions: Extensions | Mapping[str, Any] | None
    preferences: BadgeClassPreferences | Mapping[str, Any] | None


def _badgeclass_body(fields: BadgeClassFields, where: str) -> dict[str, Any]:
    """The keyword arguments of ``BadgeClassInput`` / ``BadgeClassCreateInput`` /
    ``BadgeClassUpdateInput``."""
    values = field_values(BadgeClassFields, fields, where)
    tags = fields.get("tags")
    values["tags"] = UNSET if tags is None else list(tags)
    values["alignments"] = as_models(AlignmentInput, fields.get("alignments"))
    values["expires"] = optional_model(Expiration, fields.get("expires"))
    values["extensions"] = optional_model(Extensions, fields.get("extensions"))
    values["preferences"] = optional_model(BadgeClassPreferences, fields.get("preferences"))
    return values


class ClaimCodeFields(TypedDict, total=False):
    """The settings of a claim code; ``None`` or leaving one out omits it."""

    label: str | None
    limit: int | None
    expiration_date: datetime.datetime | None


def _claim_code_body(fields: ClaimCodeFields, where: str) -> ClaimCodeInput:
    return ClaimCodeInput(**field_values(ClaimCodeFields, fields, where))


class ClaimCodes(Namespace[M]):
    """Claim codes of a badge class."""

    @paged
    def list(self, badgeclass: str, *, include_count: bool = False) -> Call[ClaimCode]:
        """Get the claim codes of a badge class; ``include_count`` adds how often each was
        used."""
        return pages(
            list_claim_codes,
            ClaimCode,
            None,
            id_or_entity_id=badgeclass,
            include_claim_code_count=include_count,
        )

    @op
    def create(self, badgeclass: str, **fields: Unpack[ClaimCodeFields]) -> Call[ClaimCode]:
        """Create a new claim code for a badge class."""
        body = _claim_code_body(fields, "claim_codes.create")
        return one(create_claim_code, ClaimCode, id_or_entity_id=badgeclass, body=body)

    @op
    def update(
        self, badgeclass: str, code: str, **fields: Unpack[ClaimCodeFields]
    ) -> Call[ClaimCode]:
        """Update an existing claim code (PUT)."""
        body = _claim_code_body(fields, "claim_codes.update")
        return one(
            update_claim_code, ClaimCode, id_or_entity_id=badgeclass, claim_code=code, body=body
        )

    @op
    def archive(self, badgeclass: str, code: str) -> Call[None]:
        """Archive a claim code."""
        return none(archive_claim_code, id_or_entity_id=badgeclass, claim_code=code)

    @op
    def enable(self, badgeclass: str, code: str) -> Call[ClaimCode]:
        """Enable a disabled claim code."""
        return one(enable_claim_code, ClaimCode, id_or_entity_id=badgeclass, claim_code=code)

    @op
    def disable(self, badgeclass: str, code: str) -> Call[ClaimCode]:
        """Disable an enabled claim code."""
        return one(disable_claim_code, ClaimCode, id_or_entity_id=badgeclass, claim_code=code)


class BadgeClasses(Namespace[M]):
    """``/v2/badgeclasses``: badge definitions, their claim codes, archive and reactivation.

    Methods that reach one badge class take ``by="id"`` (default: id or ``entityId``) or
    ``by="ref"`` (its ``openBadgeId`` URL, base64-encoded for you).
    """

    def __init__(self, executor: Runner) -> None:
        super().__init__(executor)
        self.claim_codes: ClaimCodes[M] = ClaimCodes(executor)

    @paged
    def list(
        self,
        *,
        issuer: str | None = None,
        page_size: int | None = DEFAULT_PAGE_SIZE,
        include_archived: bool = False,
    ) -> Call[BadgeClass]:
        """Get the badge classes you can see, or one issuer's with ``issuer=`` (lazy pager)."""
        if issuer is not None:
            return pages(
                list_issuer_badgeclasses,
                BadgeClass,
                page_size,
                id_or_entity_id=issuer,
                include_archived=include_archived,
            )
        return pages(list_badgeclasses, BadgeClass, page_size, include_archived=include_archived)

    @paged
    def changed(
        self, *, since: datetime.datetime | None = None, page_size: int | None = DEFAULT_PAGE_SIZE
    ) -> Call[BadgeClass]:
        """Badge classes of your issuers changed since ``since`` (badgr-server only), oldest
        change first (lazy pager following the body's ``pagination.nextResults``)."""
        return pages(list_changed_badgeclasses, BadgeClass, page_size, since=optional(since))

    @op
    def create(
        self, *, issuer: str, via_issuer: bool = False, **fields: Unpack[BadgeClassFields]
    ) -> Call[BadgeClass]:
        """Create a new badge class of ``issuer`` (see :class:`BadgeClassFields`).

        ``via_issuer=True`` posts to ``/v2/issuers/{issuer}/badgeclasses`` instead of
        ``/v2/badgeclasses``; the result is the same."""
        body = _badgeclass_body(fields, "badgeclasses.create")
        if via_issuer:
            return one(
                create_issuer_badgeclass,
                BadgeClass,
                id_or_entity_id=issuer,
                body=BadgeClassInput(**body),
            )
        return one(create_badgeclass, BadgeClass, body=BadgeClassCreateInput(issuer=issuer, **body))

    @op
    def get(
        self, badgeclass: str, *, by: ByRef = "id", include_archived: bool = False
    ) -> Call[BadgeClass]:
        """Get a single badge class (archived ones only with ``include_archived=True``)."""
        operation, path = address(_GET, by, badgeclass)
        return one(operation, BadgeClass, include_archived=include_archived, **path)

    @op
    def update(
        self, badgeclass: str, *, by: ByRef = "id", **fields: Unpack[BadgeClassFields]
    ) -> Call[BadgeClass]:
        """Update an existing badge class: a PUT of every field (see
        :class:`BadgeClassFields`)."""
        operation, path = address(_PUT, by, badgeclass)
        body = BadgeClassUpdateInput(**_badgeclass_body(fields, "badgeclasses.update"))
        return one(operation, BadgeClass, body=body, **path)

    @op
    def archive(self, badgeclass: str, *, note: str | None = None, by: ByRef = "id") -> Call[None]:
        """Archive a badge class (soft delete); undo with :meth:`reactivate`. A badgr-server
        has no archive (its DELETE deletes for good), so there this raises
        :class:`~badgr.errors.UnsupportedOperationError` rather than delete."""
        if self._server == BADGR_SERVER:
            raise UnsupportedOperationError(
                "badgeclasses.archive",
                operation=delete_badgeclass.__name__.rsplit(".", 1)[-1],
                server=self._server,
                reason="its DELETE is a hard delete; use delete() to delete for good",
            )
        operation, path = address(_DELETE, by, badgeclass)
        return none(operation, hard_delete=flag(False), archival_note=optional(note), **path)

    @op
    def delete(self, badgeclass: str, *, by: ByRef = "id") -> Call[None]:
        """Delete a badge class for good (on both kinds of server); refused (400) while it has
        unrevoked awards."""
        operation, path = address(_DELETE, by, badgeclass)
        return none(operation, hard_delete=flag(True), **path)

    @op
    def reactivate(self, badgeclass: str, *, by: ByRef = "id") -> Call[BadgeClass]:
        """Reactivate a badge class that was archived."""
        operation, path = address(_REACTIVATE, by, badgeclass)
        return one(operation, BadgeClass, **path)

    @op
    def duplicate(self, badgeclass: str, new_name: str) -> Call[BadgeClass]:
        """Create a duplicate of a badge class with a new name."""
        body = DuplicateBadgeClassInput(new_name=new_name)
        return one(duplicate_badgeclass, BadgeClass, id_or_entity_id=badgeclass, body=body)
