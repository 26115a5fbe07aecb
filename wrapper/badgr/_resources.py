"""Namespaces: one per tag of the spec, each method a builder of a generated-operation call.

Every method is written once (see :mod:`badgr._namespace`) and serves ``Client`` (returns the
value) and ``AsyncClient`` (returns a coroutine). List methods return lazy pagers.
Entities are the generated attrs models (``badgr_api.models``).
"""

from __future__ import annotations

import base64
import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from badgr_api.api.assertions import (
    award_assertion,
    get_assertion,
    list_assertions,
    revoke_assertion,
    revoke_assertions,
    update_assertion,
)
from badgr_api.api.backpack import (
    create_collection,
    delete_backpack_assertion,
    delete_collection,
    get_backpack_assertion,
    get_collection,
    import_backpack_assertion,
    list_backpack_assertions,
    list_collections,
    update_backpack_assertion,
    update_collection,
)
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
    list_claim_codes,
    list_issuer_badgeclasses,
    reactivate_badgeclass,
    reactivate_badgeclass_by_ref,
    update_badgeclass,
    update_badgeclass_by_ref,
    update_claim_code,
)
from badgr_api.api.issuers import (
    add_issuer_staff,
    create_issuer,
    delete_issuer,
    delete_issuer_by_open_badge_id,
    delete_issuer_by_ref,
    get_issuer,
    get_issuer_by_open_badge_id,
    get_issuer_by_ref,
    invite_issuer_staff,
    list_issuers,
    patch_issuer,
    patch_issuer_by_open_badge_id,
    patch_issuer_by_ref,
    patch_issuer_staff,
    remove_issuer_staff,
    update_issuer,
    update_issuer_by_open_badge_id,
    update_issuer_by_ref,
    update_issuer_staff,
)
from badgr_api.api.organizations import list_organization_public_issuers, list_organizations
from badgr_api.api.pathways import (
    create_pathway,
    get_pathway_draft,
    get_pathway_published,
    list_issuer_pathways,
    publish_pathway,
    revert_pathway_draft,
    update_pathway_draft,
)
from badgr_api.api.users import (
    get_self,
    get_user,
    patch_self,
    patch_user,
    update_self,
    update_user,
)
from badgr_api.models.acceptance_input import AcceptanceInput
from badgr_api.models.alignment_input import AlignmentInput
from badgr_api.models.assertion import Assertion
from badgr_api.models.assertion_input import AssertionInput
from badgr_api.models.assertion_update_input import AssertionUpdateInput
from badgr_api.models.backpack_import_input import BackpackImportInput
from badgr_api.models.backpack_import_input_assertion import BackpackImportInputAssertion
from badgr_api.models.badge_class import BadgeClass
from badgr_api.models.badge_class_create_input import BadgeClassCreateInput
from badgr_api.models.badge_class_input import BadgeClassInput
from badgr_api.models.badge_class_preferences import BadgeClassPreferences
from badgr_api.models.badge_user import BadgeUser
from badgr_api.models.claim_code import ClaimCode
from badgr_api.models.claim_code_input import ClaimCodeInput
from badgr_api.models.collection import Collection
from badgr_api.models.collection_input import CollectionInput
from badgr_api.models.collection_update_input import CollectionUpdateInput
from badgr_api.models.duplicate_badge_class_input import DuplicateBadgeClassInput
from badgr_api.models.evidence_input import EvidenceInput
from badgr_api.models.expiration import Expiration
from badgr_api.models.extensions import Extensions
from badgr_api.models.issuer import Issuer
from badgr_api.models.issuer_input import IssuerInput
from badgr_api.models.issuer_staff import IssuerStaff
from badgr_api.models.issuer_update_input import IssuerUpdateInput
from badgr_api.models.organization import Organization
from badgr_api.models.pathway import Pathway
from badgr_api.models.pathway_input import PathwayInput
from badgr_api.models.recipient_input import RecipientInput
from badgr_api.models.revocation_input import RevocationInput
from badgr_api.models.revocation_result import RevocationResult
from badgr_api.models.revoke_input import RevokeInput
from badgr_api.models.staff_input import StaffInput
from badgr_api.models.staff_invitation import StaffInvitation
from badgr_api.models.staff_role import StaffRole
from badgr_api.models.user_update_input import UserUpdateInput
from badgr_api.types import UNSET, Unset

from ._bulk import AwardResult, ProgressCallback, award_many_job
from ._call import Call, Job, Recovery, many, none, one, pages
from ._namespace import M, Namespace, op, paged
from .errors import APIError, BadRequestError

__all__ = [
    "Assertions",
    "Backpack",
    "BackpackAssertions",
    "BadgeClasses",
    "ClaimCodes",
    "Collections",
    "IssuerInvitations",
    "IssuerStaffMembers",
    "Issuers",
    "Organizations",
    "Pathways",
    "Users",
    "encode_ref",
]

#: Page size sent as ``num`` when the caller gives none: without ``num`` Badgr returns every
#: item in one response, which is unbounded.
DEFAULT_PAGE_SIZE = 100

Recipient = str | RecipientInput | Mapping[str, Any]
_Model = TypeVar("_Model")


def encode_ref(open_badge_id: str) -> str:
    """URL-safe base64 (no padding) of an ``openBadgeId`` or e-mail, as the ``ref`` paths want."""
    return base64.urlsafe_b64encode(open_badge_id.encode()).decode().rstrip("=")


def _opt(value: _Model | None) -> _Model | Unset:
    return UNSET if value is None else value


def _flag(value: bool) -> Any:
    return "true" if value else "false"


def _model(cls: type[_Model], value: Any) -> _Model:
    """Accept a generated model instance or a mapping in wire (camelCase) form."""
    if isinstance(value, cls):
        return value
    if isinstance(value, Mapping):
        from_dict: Any = getattr(cls, "from_dict")  # noqa: B009 - typed as Any on purpose
        result: _Model = from_dict(dict(value))
        return result
    raise TypeError(f"expected {cls.__name__} or a mapping, got {type(value).__name__}")


def _models(cls: type[_Model], values: Iterable[Any] | None) -> list[_Model] | Unset:
    return UNSET if values is None else [_model(cls, v) for v in values]


def recipient_input(recipient: Recipient) -> RecipientInput:
    """An e-mail (or URL / telephone) string, a ``RecipientInput``, or a wire-form mapping."""
    if isinstance(recipient, str):
        identity = recipient.strip()
        if identity.startswith(("http://", "https://")):
            return RecipientInput(identity=identity, type_="url")
        if identity.startswith("+") and identity[1:].replace(" ", "").isdigit():
            return RecipientInput(identity=identity, type_="telephone")
        return RecipientInput(identity=identity, type_="email")
    return _model(RecipientInput, recipient)


def _is_duplicate_refusal(error: APIError) -> bool:
    if not isinstance(error, BadRequestError):
        return False
    text = " ".join(
        [
            error.error_code or "",
            error.description,
            *error.validation_errors,
            str(error.field_errors),
        ]
    ).lower()
    return "duplicate" in text or "already" in text


def _pick_existing(identity: str) -> Any:
    def pick(assertions: list[Assertion]) -> Assertion | None:
        for assertion in assertions:  # newest first
            recipient = assertion.recipient
            plain = getattr(recipient, "plaintext_identity", None)
            if not assertion.revoked and identity.lower() in {
                str(plain).lower(),
                str(recipient.identity).lower(),
            }:
                return assertion
        return None

    return pick


def _pick_revoked(assertion: Assertion) -> Assertion | None:
    return assertion if assertion.revoked else None


def _is_bad_request(error: APIError) -> bool:
    return isinstance(error, BadRequestError)


# --------------------------------------------------------------------------------------------
class Users(Namespace[M]):
    """``/v2/users``: your own profile and other users'."""

    @op
    def me(self) -> Call[BadgeUser]:
        """Your own profile (``GET /v2/users/self``)."""
        return one(get_self, BadgeUser)

    @op
    def get(self, user_id: str) -> Call[BadgeUser]:
        return one(get_user, BadgeUser, id_or_entity_id=user_id)

    @op
    def update_me(
        self,
        *,
        first_name: str | None = None,
        last_name: str | None = None,
        marketing_opt_in: bool | None = None,
        replace: bool = False,
    ) -> Call[BadgeUser]:
        """Partial update (PATCH) of your profile; ``replace=True`` sends a PUT."""
        body = UserUpdateInput(
            first_name=_opt(first_name),
            last_name=_opt(last_name),
            marketing_opt_in=_opt(marketing_opt_in),
        )
        return one(update_self if replace else patch_self, BadgeUser, body=body)

    @op
    def update(
        self,
        user_id: str,
        *,
        first_name: str | None = None,
        last_name: str | None = None,
        marketing_opt_in: bool | None = None,
        replace: bool = False,
    ) -> Call[BadgeUser]:
        body = UserUpdateInput(
            first_name=_opt(first_name),
            last_name=_opt(last_name),
            marketing_opt_in=_opt(marketing_opt_in),
        )
        return one(
            update_user if replace else patch_user, BadgeUser, id_or_entity_id=user_id, body=body
        )


# --------------------------------------------------------------------------------------------
class IssuerStaffMembers(Namespace[M]):
    """Staff of an issuer (owner only)."""

    @op
    def add(self, issuer: str, email: str, role: StaffRole = "staff") -> Call[IssuerStaff]:
        return one(
            add_issuer_staff, IssuerStaff, id_or_entity_id=issuer, body=StaffInput(email, role)
        )

    @op
    def update(
        self, issuer: str, email: str, role: StaffRole, *, replace: bool = False
    ) -> Call[IssuerStaff]:
        """Change a member's role (PATCH; ``replace=True`` sends the PUT form)."""
        operation = update_issuer_staff if replace else patch_issuer_staff
        return one(operation, IssuerStaff, id_or_entity_id=issuer, body=StaffInput(email, role))

    @op
    def remove(self, issuer: str, email: str) -> Call[None]:
        return none(remove_issuer_staff, id_or_entity_id=issuer, email_base_64=encode_ref(email))


class IssuerInvitations(Namespace[M]):
    @op
    def create(self, issuer: str, email: str, role: StaffRole = "staff") -> Call[StaffInvitation]:
        """Invite someone to become staff of an issuer."""
        return one(
            invite_issuer_staff,
            StaffInvitation,
            id_or_entity_id=issuer,
            body=StaffInput(email, role),
        )


def _issuer_update_body(
    name: str,
    email: str,
    url: str,
    description: str,
    image: str | None,
    badgr_domain: str | None,
    extensions: Mapping[str, Any] | Extensions | None,
) -> IssuerUpdateInput:
    return IssuerUpdateInput(
        name=name,
        email=email,
        url=url,
        description=description,
        image=_opt(image),
        badgr_domain=_opt(badgr_domain),
        extensions=UNSET if extensions is None else _model(Extensions, extensions),
    )


class Issuers(Namespace[M]):
    """``/v2/issuers``. Update methods send every required field (PUT replaces the issuer)."""

    def __init__(self, executor: Any) -> None:
        super().__init__(executor)
        self.staff: IssuerStaffMembers[M] = IssuerStaffMembers(executor)
        self.invitations: IssuerInvitations[M] = IssuerInvitations(executor)

    @paged
    def list(
        self, *, page_size: int | None = DEFAULT_PAGE_SIZE, include_staff: bool = True
    ) -> Call[Issuer]:
        return pages(list_issuers, Issuer, page_size, include_staff=_flag(include_staff))

    @op
    def create(
        self,
        *,
        name: str,
        email: str,
        url: str,
        description: str | None = None,
        image: str | None = None,
        badgr_domain: str | None = None,
        organization_id: str | None = None,
        source_url: str | None = None,
    ) -> Call[Issuer]:
        body = IssuerInput(
            name=name,
            email=email,
            url=url,
            description=_opt(description),
            image=_opt(image),
            badgr_domain=_opt(badgr_domain),
            organization_id=_opt(organization_id),
            source_url=_opt(source_url),
        )
        return one(create_issuer, Issuer, body=body)

    @op
    def get(self, issuer: str, *, include_staff: bool = True) -> Call[Issuer]:
        """By 24-hex ``id`` or ``entityId``."""
        return one(get_issuer, Issuer, id_or_entity_id=issuer, include_staff=_flag(include_staff))

    @op
    def get_by_open_badge_id(
        self, open_badge_id: str, *, include_staff: bool = True
    ) -> Call[Issuer]:
        """By the issuer's ``openBadgeId`` URL (base64-encoded for you)."""
        return one(
            get_issuer_by_open_badge_id,
            Issuer,
            issuer_open_badge_id_base_64=encode_ref(open_badge_id),
            include_staff=_flag(include_staff),
        )

    @op
    def get_by_ref(self, open_badge_id: str, *, include_staff: bool = True) -> Call[Issuer]:
        """Same as :meth:`get_by_open_badge_id`, through the ``/ref/`` alias."""
        return one(
            get_issuer_by_ref,
            Issuer,
            issuer_open_badge_id_base_64=encode_ref(open_badge_id),
            include_staff=_flag(include_staff),
        )

    @op
    def update(
        self,
        issuer: str,
        *,
        name: str,
        email: str,
        url: str,
        description: str,
        image: str | None = None,
        badgr_domain: str | None = None,
        extensions: Mapping[str, Any] | Extensions | None = None,
        method: str = "put",
        by: str = "id",
    ) -> Call[Issuer]:
        """Replace an issuer. ``method="patch"`` uses PATCH; ``by="open_badge_id"`` / ``"ref"``
        address it by its ``openBadgeId`` URL instead of its id."""
        operations = {
            ("put", "id"): update_issuer,
            ("patch", "id"): patch_issuer,
            ("put", "open_badge_id"): update_issuer_by_open_badge_id,
            ("patch", "open_badge_id"): patch_issuer_by_open_badge_id,
            ("put", "ref"): update_issuer_by_ref,
            ("patch", "ref"): patch_issuer_by_ref,
        }
        try:
            operation = operations[(method.lower(), by)]
        except KeyError:
            raise ValueError(
                "method must be 'put' or 'patch'; by 'id', 'open_badge_id' or 'ref'"
            ) from None
        body = _issuer_update_body(name, email, url, description, image, badgr_domain, extensions)
        key = "id_or_entity_id" if by == "id" else "issuer_open_badge_id_base_64"
        ident = issuer if by == "id" else encode_ref(issuer)
        address: dict[str, Any] = {key: ident}
        return one(operation, Issuer, body=body, **address)

    @op
    def delete(self, issuer: str, *, by: str = "id") -> Call[None]:
        """Delete an issuer by id, or ``by="open_badge_id"`` / ``"ref"`` by its URL."""
        if by == "id":
            return none(delete_issuer, id_or_entity_id=issuer)
        operation = {"open_badge_id": delete_issuer_by_open_badge_id, "ref": delete_issuer_by_ref}
        if by not in operation:
            raise ValueError("by must be 'id', 'open_badge_id' or 'ref'")
        return none(operation[by], issuer_open_badge_id_base_64=encode_ref(issuer))

    @paged
    def list_badgeclasses(
        self,
        issuer: str,
        *,
        page_size: int | None = DEFAULT_PAGE_SIZE,
        include_archived: bool = False,
    ) -> Call[BadgeClass]:
        return pages(
            list_issuer_badgeclasses,
            BadgeClass,
            page_size,
            id_or_entity_id=issuer,
            include_archived=include_archived,
        )


# --------------------------------------------------------------------------------------------
class ClaimCodes(Namespace[M]):
    """Claim codes of a badge class."""

    @paged
    def list(self, badgeclass: str, *, include_count: bool = False) -> Call[ClaimCode]:
        return pages(
            list_claim_codes,
            ClaimCode,
            None,
            id_or_entity_id=badgeclass,
            include_claim_code_count=include_count,
        )

    @op
    def create(
        self,
        badgeclass: str,
        *,
        label: str | None = None,
        limit: int | None = None,
        expiration_date: datetime.datetime | None = None,
    ) -> Call[ClaimCode]:
        body = ClaimCodeInput(
            label=_opt(label), limit=_opt(limit), expiration_date=_opt(expiration_date)
        )
        return one(create_claim_code, ClaimCode, id_or_entity_id=badgeclass, body=body)

    @op
    def update(
        self,
        badgeclass: str,
        code: str,
        *,
        label: str | None = None,
        limit: int | None = None,
        expiration_date: datetime.datetime | None = None,
    ) -> Call[ClaimCode]:
        body = ClaimCodeInput(
            label=_opt(label), limit=_opt(limit), expiration_date=_opt(expiration_date)
        )
        return one(
            update_claim_code, ClaimCode, id_or_entity_id=badgeclass, claim_code=code, body=body
        )

    @op
    def archive(self, badgeclass: str, code: str) -> Call[None]:
        return none(archive_claim_code, id_or_entity_id=badgeclass, claim_code=code)

    @op
    def enable(self, badgeclass: str, code: str) -> Call[ClaimCode]:
        return one(enable_claim_code, ClaimCode, id_or_entity_id=badgeclass, claim_code=code)

    @op
    def disable(self, badgeclass: str, code: str) -> Call[ClaimCode]:
        return one(disable_claim_code, ClaimCode, id_or_entity_id=badgeclass, claim_code=code)


def _badgeclass_fields(
    *,
    name: str,
    description: str,
    image: str,
    criteria_narrative: str | None,
    criteria_url: str | None,
    tags: Sequence[str] | None,
    alignments: Iterable[AlignmentInput | Mapping[str, Any]] | None,
    expires: Expiration | Mapping[str, Any] | None,
    achievement_type: str | None,
    image_alt_text: str | None,
    extensions: Extensions | Mapping[str, Any] | None,
    preferences: BadgeClassPreferences | Mapping[str, Any] | None,
) -> dict[str, Any]:
    return {
        "name": name,
        "description": description,
        "image": image,
        "criteria_narrative": _opt(criteria_narrative),
        "criteria_url": _opt(criteria_url),
        "tags": UNSET if tags is None else list(tags),
        "alignments": _models(AlignmentInput, alignments),
        "expires": UNSET if expires is None else _model(Expiration, expires),
        "achievement_type": _opt(achievement_type),
        "image_alt_text": _opt(image_alt_text),
        "extensions": UNSET if extensions is None else _model(Extensions, extensions),
        "preferences": UNSET if preferences is None else _model(BadgeClassPreferences, preferences),
    }


class BadgeClasses(Namespace[M]):
    """``/v2/badgeclasses``: badge definitions, their claim codes, archive and reactivation."""

    def __init__(self, executor: Any) -> None:
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
        """Yours, or one issuer's with ``issuer=``."""
        if issuer is not None:
            return pages(
                list_issuer_badgeclasses,
                BadgeClass,
                page_size,
                id_or_entity_id=issuer,
                include_archived=include_archived,
            )
        return pages(list_badgeclasses, BadgeClass, page_size, include_archived=include_archived)

    @op
    def create(
        self,
        *,
        issuer: str,
        name: str,
        description: str,
        image: str,
        criteria_narrative: str | None = None,
        criteria_url: str | None = None,
        tags: Sequence[str] | None = None,
        alignments: Iterable[AlignmentInput | Mapping[str, Any]] | None = None,
        expires: Expiration | Mapping[str, Any] | None = None,
        achievement_type: str | None = None,
        image_alt_text: str | None = None,
        extensions: Extensions | Mapping[str, Any] | None = None,
        preferences: BadgeClassPreferences | Mapping[str, Any] | None = None,
        via_issuer: bool = False,
    ) -> Call[BadgeClass]:
        """Create a badge class. ``image`` is a PNG/SVG ``data:`` URI or a URL.

        ``via_issuer=True`` posts to ``/v2/issuers/{issuer}/badgeclasses`` instead of
        ``/v2/badgeclasses``."""
        fields = _badgeclass_fields(
            name=name,
            description=description,
            image=image,
            criteria_narrative=criteria_narrative,
            criteria_url=criteria_url,
            tags=tags,
            alignments=alignments,
            expires=expires,
            achievement_type=achievement_type,
            image_alt_text=image_alt_text,
            extensions=extensions,
            preferences=preferences,
        )
        if via_issuer:
            return one(
                create_issuer_badgeclass,
                BadgeClass,
                id_or_entity_id=issuer,
                body=BadgeClassInput(**fields),
            )
        return one(
            create_badgeclass, BadgeClass, body=BadgeClassCreateInput(issuer=issuer, **fields)
        )

    @op
    def get(self, badgeclass: str, *, include_archived: bool = False) -> Call[BadgeClass]:
        return one(
            get_badgeclass,
            BadgeClass,
            id_or_entity_id=badgeclass,
            include_archived=include_archived,
        )

    @op
    def get_by_ref(self, open_badge_id: str, *, include_archived: bool = False) -> Call[BadgeClass]:
        """By the badge class's ``openBadgeId`` URL (base64-encoded for you)."""
        return one(
            get_badgeclass_by_ref,
            BadgeClass,
            ref=encode_ref(open_badge_id),
            include_archived=include_archived,
        )

    @op
    def update(
        self,
        badgeclass: str,
        *,
        name: str,
        description: str,
        image: str,
        criteria_narrative: str | None = None,
        criteria_url: str | None = None,
        tags: Sequence[str] | None = None,
        alignments: Iterable[AlignmentInput | Mapping[str, Any]] | None = None,
        expires: Expiration | Mapping[str, Any] | None = None,
        achievement_type: str | None = None,
        image_alt_text: str | None = None,
        extensions: Extensions | Mapping[str, Any] | None = None,
        preferences: BadgeClassPreferences | Mapping[str, Any] | None = None,
        by_ref: bool = False,
    ) -> Call[BadgeClass]:
        """Replace a badge class (PUT); ``by_ref=True`` addresses it by ``openBadgeId``."""
        body = BadgeClassInput(
            **_badgeclass_fields(
                name=name,
                description=description,
                image=image,
                criteria_narrative=criteria_narrative,
                criteria_url=criteria_url,
                tags=tags,
                alignments=alignments,
                expires=expires,
                achievement_type=achievement_type,
                image_alt_text=image_alt_text,
                extensions=extensions,
                preferences=preferences,
            )
        )
        if by_ref:
            return one(update_badgeclass_by_ref, BadgeClass, ref=encode_ref(badgeclass), body=body)
        return one(update_badgeclass, BadgeClass, id_or_entity_id=badgeclass, body=body)

    def _delete(self, badgeclass: str, hard: bool, note: str | None, by_ref: bool) -> Call[None]:
        params: dict[str, Any] = {"hard_delete": _flag(hard), "archival_note": _opt(note)}
        if by_ref:
            return none(delete_badgeclass_by_ref, ref=encode_ref(badgeclass), **params)
        return none(delete_badgeclass, id_or_entity_id=badgeclass, **params)

    @op
    def archive(
        self, badgeclass: str, *, note: str | None = None, by_ref: bool = False
    ) -> Call[None]:
        """Archive (soft delete); undo with :meth:`reactivate`."""
        return self._delete(badgeclass, False, note, by_ref)

    @op
    def delete(self, badgeclass: str, *, by_ref: bool = False) -> Call[None]:
        """Delete for good; refused (400) while it has unrevoked awards."""
        return self._delete(badgeclass, True, None, by_ref)

    @op
    def reactivate(self, badgeclass: str, *, by_ref: bool = False) -> Call[BadgeClass]:
        if by_ref:
            return one(reactivate_badgeclass_by_ref, BadgeClass, ref=encode_ref(badgeclass))
        return one(reactivate_badgeclass, BadgeClass, id_or_entity_id=badgeclass)

    @op
    def duplicate(self, badgeclass: str, new_name: str) -> Call[BadgeClass]:
        return one(
            duplicate_badgeclass,
            BadgeClass,
            id_or_entity_id=badgeclass,
            body=DuplicateBadgeClassInput(new_name=new_name),
        )


# --------------------------------------------------------------------------------------------
def _award_call(
    badgeclass: str,
    recipient: Recipient,
    *,
    narrative: str | None = None,
    evidence: Iterable[EvidenceInput | Mapping[str, Any]] | None = None,
    issued_on: datetime.datetime | None = None,
    expires: datetime.datetime | None = None,
    notify: bool | None = None,
    extensions: Extensions | Mapping[str, Any] | None = None,
    allow_duplicate_awards: bool = False,
) -> Call[Assertion]:
    rcpt = recipient_input(recipient)
    body = AssertionInput(
        recipient=rcpt,
        narrative=_opt(narrative),
        evidence=_models(EvidenceInput, evidence),
        issued_on=_opt(issued_on),
        expires=_opt(expires),
        notify=_opt(notify),
        extensions=UNSET if extensions is None else _model(Extensions, extensions),
        allow_duplicate_awards=allow_duplicate_awards,
    )
    recovery: Recovery[Assertion] | None = None
    if not allow_duplicate_awards:
        recovery = Recovery(
            when=_is_duplicate_refusal,
            call=Call(
                list_assertions,
                {
                    "scope": "badgeclasses",
                    "id_or_entity_id": badgeclass,
                    "recipient": rcpt.identity,
                },
                "list",
                Assertion,
            ),
            pick=_pick_existing(rcpt.identity),
        )
    return one(
        award_assertion,
        Assertion,
        # safe to retry only when the server refuses a second award to the same recipient
        idempotent=not allow_duplicate_awards,
        recovery=recovery,
        scope="badgeclasses",
        id_or_entity_id=badgeclass,
        body=body,
    )


class Assertions(Namespace[M]):
    """Awards (assertions): award, list, get, update, revoke.

    **Retries and duplicates.** ``award`` sends ``allowDuplicateAwards: false`` by default. The
    server then refuses to award the same badge class twice to one recipient, which makes the
    POST safe to retry after a lost response, a 429 or a 5xx. If a retry is refused as a
    duplicate after an attempt whose answer was lost (connection error, 502, 504), that attempt
    did award the badge: the SDK finds the assertion with the list endpoint's ``recipient``
    filter and returns it (``award_many`` marks such results ``recovered=True``). After a 429 or
    503 the server did not act, so the duplicate refusal is raised: the recipient already held
    the badge. With ``allow_duplicate_awards=True`` the award is never retried.
    """

    @op
    def award(
        self,
        badgeclass: str,
        recipient: Recipient,
        *,
        narrative: str | None = None,
        evidence: Iterable[EvidenceInput | Mapping[str, Any]] | None = None,
        issued_on: datetime.datetime | None = None,
        expires: datetime.datetime | None = None,
        notify: bool | None = None,
        extensions: Extensions | Mapping[str, Any] | None = None,
        allow_duplicate_awards: bool = False,
    ) -> Call[Assertion]:
        """Award ``badgeclass`` to ``recipient`` (an e-mail string or a recipient object)."""
        return _award_call(
            badgeclass,
            recipient,
            narrative=narrative,
            evidence=evidence,
            issued_on=issued_on,
            expires=expires,
            notify=notify,
            extensions=extensions,
            allow_duplicate_awards=allow_duplicate_awards,
        )

    @op
    def award_many(
        self,
        badgeclass: str,
        recipients: Iterable[Recipient],
        *,
        concurrency: int = 8,
        progress: ProgressCallback | None = None,
        narrative: str | None = None,
        notify: bool | None = None,
    ) -> Job[list[AwardResult]]:
        """Award to many recipients, ``concurrency`` at a time; one :class:`AwardResult` per
        recipient in input order. Failures are collected, not raised. Never awards twice."""
        return award_many_job(
            lambda r: _award_call(badgeclass, r, narrative=narrative, notify=notify),
            recipients,
            concurrency=concurrency,
            progress=progress,
        )

    @op
    def revoke_many(
        self, assertions: Iterable[str], *, reason: str
    ) -> Call[list[RevocationResult]]:
        """Revoke several at once; one :class:`RevocationResult` per id (check ``.revoked``)."""
        body = [RevocationInput(revocation_reason=reason, entity_id=a) for a in assertions]
        return many(revoke_assertions, RevocationResult, body=body)

    @paged
    def list(
        self,
        *,
        badgeclass: str | None = None,
        issuer: str | None = None,
        recipient: str | None = None,
        include_expired: bool = False,
        include_revoked: bool = False,
        page_size: int | None = DEFAULT_PAGE_SIZE,
    ) -> Call[Assertion]:
        """Awards of one badge class or of one issuer (give exactly one), newest first."""
        if (badgeclass is None) == (issuer is None):
            raise ValueError("give exactly one of badgeclass= or issuer=")
        return pages(
            list_assertions,
            Assertion,
            page_size,
            scope="badgeclasses" if badgeclass is not None else "issuers",
            id_or_entity_id=badgeclass if badgeclass is not None else issuer,
            recipient=_opt(recipient),
            include_expired=include_expired,
            include_revoked=include_revoked,
        )

    @op
    def get(self, assertion: str) -> Call[Assertion]:
        return one(get_assertion, Assertion, id_or_entity_id=assertion)

    @op
    def update(
        self,
        assertion: str,
        *,
        narrative: str | None = None,
        expires: datetime.datetime | None = None,
        issued_on: datetime.datetime | None = None,
        evidence: Iterable[EvidenceInput | Mapping[str, Any]] | None = None,
    ) -> Call[Assertion]:
        body = AssertionUpdateInput(
            narrative=_opt(narrative),
            expires=_opt(expires),
            issued_on=_opt(issued_on),
            evidence=_models(EvidenceInput, evidence),
        )
        return one(update_assertion, Assertion, id_or_entity_id=assertion, body=body)

    @op
    def revoke(self, assertion: str, *, reason: str) -> Call[Assertion]:
        """Revoke with a reason. A retry refused because the first attempt already revoked it
        returns the revoked assertion."""
        return one(
            revoke_assertion,
            Assertion,
            recovery=Recovery(
                when=_is_bad_request,
                call=one(get_assertion, Assertion, id_or_entity_id=assertion),
                pick=_pick_revoked,
            ),
            id_or_entity_id=assertion,
            body=RevokeInput(revocation_reason=reason),
        )


# --------------------------------------------------------------------------------------------
class BackpackAssertions(Namespace[M]):
    """Badges you received."""

    @paged
    def list(
        self,
        *,
        include_expired: bool = False,
        include_revoked: bool = False,
        include_pending: bool = False,
        page_size: int | None = DEFAULT_PAGE_SIZE,
    ) -> Call[Assertion]:
        return pages(
            list_backpack_assertions,
            Assertion,
            page_size,
            include_expired=include_expired,
            include_revoked=include_revoked,
            include_pending=include_pending,
        )

    @op
    def get(self, assertion: str) -> Call[Assertion]:
        return one(get_backpack_assertion, Assertion, id_or_entity_id=assertion)

    @op
    def set_acceptance(self, assertion: str, acceptance: str = "Accepted") -> Call[Assertion]:
        """``Accepted``, ``Rejected`` or ``Unaccepted``."""
        body = AcceptanceInput.from_dict({"acceptance": acceptance})
        return one(update_backpack_assertion, Assertion, id_or_entity_id=assertion, body=body)

    @op
    def delete(self, assertion: str) -> Call[None]:
        return none(delete_backpack_assertion, id_or_entity_id=assertion)


class Collections(Namespace[M]):
    """Collections of backpack assertions."""

    @paged
    def list(self) -> Call[Collection]:
        return pages(list_collections, Collection, None)

    @op
    def create(
        self,
        *,
        name: str,
        published: bool = False,
        description: str | None = None,
        assertions: Sequence[str] | None = None,
    ) -> Call[Collection]:
        body = CollectionInput(
            name=name,
            published=published,
            description=_opt(description),
            assertions=UNSET if assertions is None else list(assertions),
        )
        return one(create_collection, Collection, body=body)

    @op
    def get(self, collection: str) -> Call[Collection]:
        return one(get_collection, Collection, id_or_entity_id=collection)

    @op
    def update(
        self,
        collection: str,
        *,
        name: str | None = None,
        description: str | None = None,
        published: bool | None = None,
        assertions: Sequence[str] | None = None,
    ) -> Call[Collection]:
        body = CollectionUpdateInput(
            name=_opt(name),
            description=_opt(description),
            published=_opt(published),
            assertions=UNSET if assertions is None else list(assertions),
        )
        return one(update_collection, Collection, id_or_entity_id=collection, body=body)

    @op
    def delete(self, collection: str) -> Call[None]:
        return none(delete_collection, id_or_entity_id=collection)


class Backpack(Namespace[M]):
    """``/v2/backpack``: received assertions, collections, and import."""

    def __init__(self, executor: Any) -> None:
        super().__init__(executor)
        self.assertions: BackpackAssertions[M] = BackpackAssertions(executor)
        self.collections: Collections[M] = Collections(executor)

    @op
    def import_badge(
        self,
        *,
        url: str | None = None,
        image: str | None = None,
        assertion: Mapping[str, Any] | None = None,
    ) -> Call[Assertion]:
        """Import a badge from its URL, a baked image, or Open Badges JSON (give exactly one)."""
        if sum(x is not None for x in (url, image, assertion)) != 1:
            raise ValueError("give exactly one of url=, image= or assertion=")
        body = BackpackImportInput(
            url=_opt(url),
            image=_opt(image),
            assertion=UNSET
            if assertion is None
            else BackpackImportInputAssertion.from_dict(dict(assertion)),
        )
        return one(import_backpack_assertion, Assertion, body=body)


# --------------------------------------------------------------------------------------------
class Organizations(Namespace[M]):
    @paged
    def list(self) -> Call[Organization]:
        """Organizations where you are admin."""
        return pages(list_organizations, Organization, None)

    @paged
    def public_issuers(
        self, organization: str, *, name_query: str | None = None, page_size: int | None = None
    ) -> Call[Issuer]:
        """Public issuers of an organization (page-number paging, followed through ``Link``)."""
        return pages(
            list_organization_public_issuers,
            Issuer,
            page_size,
            id=organization,
            name_query=_opt(name_query),
        )


class Pathways(Namespace[M]):
    @paged
    def list(self, issuer: str) -> Call[Pathway]:
        return pages(list_issuer_pathways, Pathway, None, id_or_entity_id=issuer)

    @op
    def create(
        self, *, issuer: str, name: str | None = None, description: str | None = None
    ) -> Call[Pathway]:
        body = PathwayInput(issuer_id=issuer, name=_opt(name), description=_opt(description))
        return one(create_pathway, Pathway, body=body)

    @op
    def get_draft(self, pathway: str) -> Call[Pathway]:
        return one(get_pathway_draft, Pathway, id=pathway)

    @op
    def update_draft(
        self, pathway: str, *, issuer: str, name: str | None = None, description: str | None = None
    ) -> Call[Pathway]:
        body = PathwayInput(issuer_id=issuer, name=_opt(name), description=_opt(description))
        return one(update_pathway_draft, Pathway, id=pathway, body=body)

    @op
    def revert_draft(self, pathway: str) -> Call[Pathway]:
        return one(revert_pathway_draft, Pathway, id=pathway)

    @op
    def get_published(self, pathway: str) -> Call[Pathway]:
        return one(get_pathway_published, Pathway, id=pathway)

    @op
    def publish(self, pathway: str) -> Call[Pathway]:
        return one(publish_pathway, Pathway, id=pathway)
