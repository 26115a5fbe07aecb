from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.backpack_import_input_assertion import BackpackImportInputAssertion


T = TypeVar("T", bound="BackpackImportInput")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "url",
    "image",
    "assertion",
)


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
        try:
            complete = len(src_dict) >= 3
            if complete:
                (
                    url,
                    image,
                    _assertion,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            url = src_dict.get("url", UNSET)
            image = src_dict.get("image", UNSET)
            _assertion = src_dict.get("assertion", UNSET)

        assertion: BackpackImportInputAssertion | Unset
        if _assertion is UNSET:
            assertion = UNSET
        else:
            assertion = BackpackImportInputAssertion.from_dict(_assertion)

        if cls is BackpackImportInput:  # what attrs' __init__ would do, without its call overhead
            backpack_import_input = _new_object(cls)
            backpack_import_input.url = url
            backpack_import_input.image = image
            backpack_import_input.assertion = assertion
        else:  # a subclass may bring fields or an __init__ of its own
            backpack_import_input = cls(
                url=url,
                image=image,
                assertion=assertion,
            )

        return backpack_import_input


from ..models.backpack_import_input_assertion import BackpackImportInputAssertion
