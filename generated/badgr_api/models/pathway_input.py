from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="PathwayInput")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "issuerId",
    "name",
    "description",
)
_FIELD_NAMES = frozenset(
    (
        "issuerId",
        "name",
        "description",
    )
)


@_attrs_define
class PathwayInput:
    issuer_id: str
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        issuer_id = self.issuer_id

        name = self.name

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "issuerId": issuer_id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 3
            if complete:
                (
                    issuer_id,
                    name,
                    description,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            issuer_id = src_dict["issuerId"]
            name = src_dict.get("name", UNSET)
            description = src_dict.get("description", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 3

        if cls is PathwayInput:  # what attrs' __init__ would do, without its call overhead
            pathway_input = _new_object(cls)
            pathway_input.issuer_id = issuer_id
            pathway_input.name = name
            pathway_input.description = description
        else:  # a subclass may bring fields or an __init__ of its own
            pathway_input = cls(
                issuer_id=issuer_id,
                name=name,
                description=description,
            )

        if has_extra_keys:
            pathway_input.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return pathway_input

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


PathwayInput.additional_properties = empty_dict_until_set(PathwayInput.additional_properties)  # type: ignore[assignment]
