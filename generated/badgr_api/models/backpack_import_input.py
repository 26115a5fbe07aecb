from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.backpack_import_input_assertion import BackpackImportInputAssertion


T = TypeVar("T", bound="BackpackImportInput")


@_attrs_define
class BackpackImportInput:
    """Exactly one of `url`, `image` or `assertion`."""

    url: str | Unset = UNSET
    image: str | Unset = UNSET
    """ A baked badge image, as a URL or a base64 data URI. """
    assertion: BackpackImportInputAssertion | Unset = UNSET
    """ Open Badges assertion JSON. """

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        image = self.image

        assertion: dict[str, Any] | Unset = UNSET
        if not isinstance(self.assertion, Unset):
            assertion = self.assertion.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url
        if image is not UNSET:
            field_dict["image"] = image
        if assertion is not UNSET:
            field_dict["assertion"] = assertion

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        url = d.pop("url", UNSET)

        image = d.pop("image", UNSET)

        _assertion = d.pop("assertion", UNSET)
        assertion: BackpackImportInputAssertion | Unset
        if isinstance(_assertion, Unset):
            assertion = UNSET
        else:
            assertion = BackpackImportInputAssertion.from_dict(_assertion)

        backpack_import_input = cls(
            url=url,
            image=image,
            assertion=assertion,
        )

        return backpack_import_input


from ..models.backpack_import_input_assertion import BackpackImportInputAssertion
