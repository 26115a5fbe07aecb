"""``issuers``: issuers, their staff and staff invitations (``/v2/issuers``)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

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
    list_changed_issuers,
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
from badgr_api.models.extensions import Extensions
from badgr_api.models.issuer import Issuer
from badgr_api.models.issuer_input import IssuerInput
from badgr_api.models.issuer_staff import IssuerStaff
from badgr_api.models.issuer_update_input import IssuerUpdateInput
from badgr_api.models.staff_input import StaffInput
from badgr_api.models.staff_invitation import StaffInvitation
from badgr_api.models.staff_role import StaffRole

from .._call import Call, Runner, none, one, pages
from .._namespace import M, Namespace, op, paged
from ._shared import (
    DEFAULT_PAGE_SIZE,
    ID_PARAM,
    By,
    address,
    encode_ref,
    flag,
    optional,
    optional_model,
)

__all__ = ["IssuerInvitations", "IssuerStaffMembers", "Issuers"]

_BY_OPEN_BADGE_ID = "issuer_open_badge_id_base_64"
_GET = {
    "id": (get_issuer, ID_PARAM),
    "open_badge_id": (get_issuer_by_open_badge_id, _BY_OPEN_BADGE_ID),
    "ref": (get_issuer_by_ref, _BY_OPEN_BADGE_ID),
}
_PUT = {
    "id": (update_issuer, ID_PARAM),
    "open_badge_id": (update_issuer_by_open_badge_id, _BY_OPEN_BADGE_ID),
    "ref": (update_issuer_by_ref, _BY_OPEN_BADGE_ID),
}
_PATCH = {
    "id": (patch_issuer, ID_PARAM),
    "open_badge_id": (patch_issuer_by_open_badge_id, _BY_OPEN_BADGE_ID),
    "ref": (patch_issuer_by_ref, _BY_OPEN_BADGE_ID),
}
_DELETE = {
    "id": (delete_issuer, ID_PARAM),
    "open_badge_id": (delete_issuer_by_open_badge_id, _BY_OPEN_BADGE_ID),
    "ref": (delete_issuer_by_ref, _BY_OPEN_BADGE_ID),
}


class IssuerStaffMembers(Namespace[M]):
    """Staff of an issuer (owner only)."""

    @op
    def add(self, issuer: str, email: str, role: StaffRole = "staff") -> Call[IssuerStaff]:
        """Add a staff member (``staff``, ``editor`` or ``owner``) to an issuer."""
        body = StaffInput(email, role)
        return one(add_issuer_staff, IssuerStaff, id_or_entity_id=issuer, body=body)

    @op
    def update(
        self, issuer: str, email: str, role: StaffRole, *, replace: bool = False
    ) -> Call[IssuerStaff]:
        """Update a staff member's role on the issuer (PATCH; ``replace=True`` sends PUT)."""
        operation = update_issuer_staff if replace else patch_issuer_staff
        return one(operation, IssuerStaff, id_or_entity_id=issuer, body=StaffInput(email, role))

    @op
    def remove(self, issuer: str, email: str) -> Call[None]:
        """Remove a staff member from the issuer."""
        return none(remove_issuer_staff, id_or_entity_id=issuer, email_base_64=encode_ref(email))


class IssuerInvitations(Namespace[M]):
    """Invitations to become staff of an issuer."""

    @op
    def create(self, issuer: str, email: str, role: StaffRole = "staff") -> Call[StaffInvitation]:
        """Invite someone (who may not have an account yet) to become staff of an issuer."""
        body = StaffInput(email, role)
        return one(invite_issuer_staff, StaffInvitation, id_or_entity_id=issuer, body=body)


class Issuers(Namespace[M]):
    """``/v2/issuers``: issuers you are staff of, with ``.staff`` and ``.invitations``.

    Badge classes of an issuer: ``client.badgeclasses.list(issuer=...)``.
    """

    def __init__(self, executor: Runner) -> None:
        super().__init__(executor)
        self.staff: IssuerStaffMembers[M] = IssuerStaffMembers(executor)
        self.invitations: IssuerInvitations[M] = IssuerInvitations(executor)

    @paged
    def list(
        self, *, page_size: int | None = DEFAULT_PAGE_SIZE, include_staff: bool = True
    ) -> Call[Issuer]:
        """Get the issuers you are staff of (lazy pager)."""
        return pages(list_issuers, Issuer, page_size, include_staff=flag(include_staff))

    @paged
    def changed(
        self, *, since: datetime.datetime | None = None, page_size: int | None = DEFAULT_PAGE_SIZE
    ) -> Call[Issuer]:
        """Your issuers changed since ``since`` (badgr-server only), oldest change first (lazy
        pager following the body's ``pagination.nextResults``)."""
        return pages(list_changed_issuers, Issuer, page_size, since=optional(since))

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
        """Create a new issuer; ``email`` must be one of your verified addresses."""
        body = IssuerInput(
            name=name,
            email=email,
            url=url,
            description=optional(description),
            image=optional(image),
            badgr_domain=optional(badgr_domain),
            organization_id=optional(organization_id),
            source_url=optional(source_url),
        )
        return one(create_issuer, Issuer, body=body)

    @op
    def get(self, issuer: str, *, by: By = "id", include_staff: bool = True) -> Call[Issuer]:
        """Get a single issuer by id / ``entityId``, or ``by="open_badge_id"`` / ``"ref"`` by
        its ``openBadgeId`` URL."""
        operation, path = address(_GET, by, issuer)
        return one(operation, Issuer, include_staff=flag(include_staff), **path)

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
        by: By = "id",
        replace: bool = True,
    ) -> Call[Issuer]:
        """Update a single issuer. Every required field is sent; ``replace=True`` (the default,
        the form badgr-server supports) sends PUT, ``replace=False`` PATCH."""
        operation, path = address(_PUT if replace else _PATCH, by, issuer)
        body = IssuerUpdateInput(
            name=name,
            email=email,
            url=url,
            description=description,
            image=optional(image),
            badgr_domain=optional(badgr_domain),
            extensions=optional_model(Extensions, extensions),
        )
        return one(operation, Issuer, body=body, **path)

    @op
    def delete(self, issuer: str, *, by: By = "id") -> Call[None]:
        """Delete a single issuer (owners only; refused while it has unrevoked awards)."""
        operation, path = address(_DELETE, by, issuer)
        return none(operation, **path)
