"""``organizations``: organizations you administer and their public issuers."""

from __future__ import annotations

from badgr_api.api.organizations import list_organization_public_issuers, list_organizations
from badgr_api.models.issuer import Issuer
from badgr_api.models.organization import Organization

from .._call import Call, pages
from .._namespace import M, Namespace, paged
from ._shared import optional

__all__ = ["Organizations"]


class Organizations(Namespace[M]):
    """``/v2/organizations``."""

    @paged
    def list(self) -> Call[Organization]:
        """Get the organizations where you are admin (lazy pager)."""
        return pages(list_organizations, Organization, None)

    @paged
    def public_issuers(
        self, organization: str, *, name_query: str | None = None, page_size: int | None = None
    ) -> Call[Issuer]:
        """List the public issuers of an organization, optionally filtered by name (lazy pager;
        page-number paging followed through ``Link``)."""
        return pages(
            list_organization_public_issuers,
            Issuer,
            page_size,
            id=organization,
            name_query=optional(name_query),
        )
