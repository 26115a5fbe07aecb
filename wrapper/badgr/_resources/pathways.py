"""``pathways``: an issuer's learning pathways, drafted then published."""

from __future__ import annotations

from typing import TypedDict, Unpack

from badgr_api.api.pathways import (
    create_pathway,
    get_pathway_draft,
    get_pathway_published,
    list_issuer_pathways,
    publish_pathway,
    revert_pathway_draft,
    update_pathway_draft,
)
from badgr_api.models.pathway import Pathway
from badgr_api.models.pathway_input import PathwayInput

from .._call import Call, one, pages
from .._namespace import M, Namespace, op, paged
from ._shared import field_values

__all__ = ["PathwayFields", "Pathways"]


class _RequiredPathwayFields(TypedDict):
    #: the issuer's ``entityId``
    issuer: str


class PathwayFields(_RequiredPathwayFields, total=False):
    """A pathway draft's fields: ``issuer`` is required; ``None`` leaves a field out."""

    name: str | None
    description: str | None


def _pathway_body(fields: PathwayFields, where: str) -> PathwayInput:
    values = field_values(PathwayFields, fields, where)
    return PathwayInput(issuer_id=values.pop("issuer"), **values)


class Pathways(Namespace[M]):
    """``/v2/pathways``: each pathway has a draft and a published version."""

    @paged
    def list(self, issuer: str) -> Call[Pathway]:
        """List all pathways of an issuer (lazy pager)."""
        return pages(list_issuer_pathways, Pathway, None, id_or_entity_id=issuer)

    @op
    def create(self, **fields: Unpack[PathwayFields]) -> Call[Pathway]:
        """Create a pathway in draft state."""
        return one(create_pathway, Pathway, body=_pathway_body(fields, "pathways.create"))

    @op
    def get_draft(self, pathway: str) -> Call[Pathway]:
        """Get a pathway's draft version."""
        return one(get_pathway_draft, Pathway, id=pathway)

    @op
    def update_draft(self, pathway: str, **fields: Unpack[PathwayFields]) -> Call[Pathway]:
        """Update a pathway's draft (PUT)."""
        body = _pathway_body(fields, "pathways.update_draft")
        return one(update_pathway_draft, Pathway, id=pathway, body=body)

    @op
    def revert_draft(self, pathway: str) -> Call[Pathway]:
        """Revert a pathway's draft to the current published version."""
        return one(revert_pathway_draft, Pathway, id=pathway)

    @op
    def get_published(self, pathway: str) -> Call[Pathway]:
        """Get a pathway's published version."""
        return one(get_pathway_published, Pathway, id=pathway)

    @op
    def publish(self, pathway: str) -> Call[Pathway]:
        """Promote a pathway's current draft to published."""
        return one(publish_pathway, Pathway, id=pathway)
