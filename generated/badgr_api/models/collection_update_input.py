from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CollectionUpdateInput")


@_attrs_define
class CollectionUpdateInput:
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    published: bool | Unset = UNSET
    assertions: list[str] | Unset = UNSET
    credentials: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        published = d.pop("published", UNSET)

        assertions = cast(list[str], d.pop("assertions", UNSET))

        credentials = cast(list[str], d.pop("credentials", UNSET))

        collection_update_input = cls(
            name=name,
            description=description,
            published=published,
            assertions=assertions,
            credentials=credentials,
        )

        collection_update_input.additional_properties = d
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
