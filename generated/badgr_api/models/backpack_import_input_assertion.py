from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import empty_dict_until_set

T = TypeVar("T", bound="BackpackImportInputAssertion")


@_attrs_define
class BackpackImportInputAssertion:
    """Open Badges assertion JSON."""

    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        backpack_import_input_assertion = cls()

        if len(src_dict):  # an empty object copies nothing (len raises for a number or None, as dict does)
            backpack_import_input_assertion.additional_properties = dict(src_dict)
        return backpack_import_input_assertion

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


BackpackImportInputAssertion.additional_properties = empty_dict_until_set(
    BackpackImportInputAssertion.additional_properties
)  # type: ignore[assignment]
