"""``backpack``: badges you received, your collections, and import (``/v2/backpack``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

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
from badgr_api.models.acceptance_input import AcceptanceInput
from badgr_api.models.assertion import Assertion
from badgr_api.models.backpack_import_input import BackpackImportInput
from badgr_api.models.backpack_import_input_assertion import BackpackImportInputAssertion
from badgr_api.models.collection import Collection
from badgr_api.models.collection_input import CollectionInput
from badgr_api.models.collection_update_input import CollectionUpdateInput
from badgr_api.types import UNSET, Unset

from .._call import Call, Runner, none, one, pages
from .._namespace import M, Namespace, op, paged
from ._shared import DEFAULT_PAGE_SIZE, optional, optional_model

__all__ = ["Backpack", "BackpackAssertions", "Collections"]


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
        """Get the assertions in your backpack (lazy pager)."""
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
        """Get detail on an assertion in your backpack."""
        return one(get_backpack_assertion, Assertion, id_or_entity_id=assertion)

    @op
    def set_acceptance(self, assertion: str, acceptance: str = "Accepted") -> Call[Assertion]:
        """Accept or reject an assertion: ``Accepted``, ``Rejected`` or ``Unaccepted``."""
        body = AcceptanceInput.from_dict({"acceptance": acceptance})
        return one(update_backpack_assertion, Assertion, id_or_entity_id=assertion, body=body)

    @op
    def delete(self, assertion: str) -> Call[None]:
        """Remove an assertion from your backpack."""
        return none(delete_backpack_assertion, id_or_entity_id=assertion)


def _assertion_ids(assertions: Sequence[str] | None) -> list[str] | Unset:
    return UNSET if assertions is None else list(assertions)


class Collections(Namespace[M]):
    """Collections of backpack assertions."""

    @paged
    def list(self) -> Call[Collection]:
        """Get the collections of your backpack (lazy pager)."""
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
        """Create a collection of backpack assertions (by their ``entityId``)."""
        body = CollectionInput(
            name=name,
            published=published,
            description=optional(description),
            assertions=_assertion_ids(assertions),
        )
        return one(create_collection, Collection, body=body)

    @op
    def get(self, collection: str) -> Call[Collection]:
        """Get a collection in your backpack."""
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
        """Update a collection (PUT of the given fields)."""
        body = CollectionUpdateInput(
            name=optional(name),
            description=optional(description),
            published=optional(published),
            assertions=_assertion_ids(assertions),
        )
        return one(update_collection, Collection, id_or_entity_id=collection, body=body)

    @op
    def delete(self, collection: str) -> Call[None]:
        """Delete a collection (its assertions stay in the backpack)."""
        return none(delete_collection, id_or_entity_id=collection)


class Backpack(Namespace[M]):
    """``/v2/backpack``: received assertions, collections, and import."""

    def __init__(self, executor: Runner) -> None:
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
        """Import a badge into your backpack from its URL, a baked image, or Open Badges JSON
        (give exactly one)."""
        if sum(x is not None for x in (url, image, assertion)) != 1:
            raise ValueError("give exactly one of url=, image= or assertion=")
        body = BackpackImportInput(
            url=optional(url),
            image=optional(image),
            assertion=optional_model(BackpackImportInputAssertion, assertion),
        )
        return one(import_backpack_assertion, Assertion, body=body)
