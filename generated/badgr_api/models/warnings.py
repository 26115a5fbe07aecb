from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import empty_dict_until_set

T = TypeVar("T", bound="Warnings")


@_attrs_define
class Warnings:
    """Non-fatal messages, keyed by field name."""

    additional_properties: dict[str, list[str]] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        warnings = cls()

        additional_properties = {}
        for prop_name, prop_dict in src_dict.items():
            additional_property = cast(list[str], prop_dict)

            additional_properties[prop_name] = additional_property
        warnings.additional_properties = additional_properties

        return warnings

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> list[str]:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: list[str]) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


Warnings.additional_properties = empty_dict_until_set(Warnings.additional_properties)  # type: ignore[assignment]
