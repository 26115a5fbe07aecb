from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="CollectionUpdateInput")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "name",
    "description",
    "published",
    "assertions",
    "credentials",
)
_FIELD_NAMES = frozenset(
    (
        "name",
        "description",
        "published",
        "assertions",
        "credentials",
    )
)


@_attrs_define
class CollectionUpdateInput:
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    published: bool | Unset = UNSET
    assertions: list[str] | Unset = UNSET
    credentials: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        published = self.published

        assertions: list[str] | Unset = UNSET
        if not isinstance(self.assertions, Unset):
            assertions = self.assertions

        credentials: list[str] | Unset = UNSET
        if not isinstance(self.credentials, Unset):
            credentials = self.credentials

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if published is not UNSET:
            field_dict["published"] = published
        if assertions is not UNSET:
            field_dict["assertions"] = assertions
        if credentials is not UNSET:
            field_dict["credentials"] = credentials

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 5
            if complete:
                (
                    name,
                    description,
                    published,
                    _assertions,
                    _credentials,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            name = src_dict.get("name", UNSET)
            description = src_dict.get("description", UNSET)
            published = src_dict.get("published", UNSET)
            _assertions = src_dict.get("assertions", UNSET)
            _credentials = src_dict.get("credentials", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 5

        assertions = cast(list[str], _assertions)

        credentials = cast(list[str], _credentials)

        if cls is CollectionUpdateInput:  # what attrs' __init__ would do, without its call overhead
            collection_update_input = _new_object(cls)
            collection_update_input.name = name
            collection_update_input.description = description
            collection_update_input.published = published
            collection_update_input.assertions = assertions
            collection_update_input.credentials = credentials
        else:  # a subclass may bring fields or an __init__ of its own
            collection_update_input = cls(
                name=name,
                description=description,
                published=published,
                assertions=assertions,
                credentials=credentials,
            )

        if has_extra_keys:
            collection_update_input.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return collection_update_input

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


CollectionUpdateInput.additional_properties = empty_dict_until_set(CollectionUpdateInput.additional_properties)  # type: ignore[assignment]
