from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AlignmentInput")


@_attrs_define
class AlignmentInput:
    target_name: str
    target_url: str
    target_description: None | str | Unset = UNSET
    target_framework: None | str | Unset = UNSET
    target_code: None | str | Unset = UNSET
    display_as_skill: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        target_name = self.target_name

        target_url = self.target_url

        target_description: None | str | Unset
        if isinstance(self.target_description, Unset):
            target_description = UNSET
        else:
            target_description = self.target_description

        target_framework: None | str | Unset
        if isinstance(self.target_framework, Unset):
            target_framework = UNSET
        else:
            target_framework = self.target_framework

        target_code: None | str | Unset
        if isinstance(self.target_code, Unset):
            target_code = UNSET
        else:
            target_code = self.target_code

        display_as_skill = self.display_as_skill

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "targetName": target_name,
                "targetUrl": target_url,
            }
        )
        if target_description is not UNSET:
            field_dict["targetDescription"] = target_description
        if target_framework is not UNSET:
            field_dict["targetFramework"] = target_framework
        if target_code is not UNSET:
            field_dict["targetCode"] = target_code
        if display_as_skill is not UNSET:
            field_dict["displayAsSkill"] = display_as_skill

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        target_name = d.pop("targetName")

        target_url = d.pop("targetUrl")

        target_description: None | str | Unset = d.pop("targetDescription", UNSET)

        target_framework: None | str | Unset = d.pop("targetFramework", UNSET)

        target_code: None | str | Unset = d.pop("targetCode", UNSET)

        display_as_skill = d.pop("displayAsSkill", UNSET)

        alignment_input = cls(
            target_name=target_name,
            target_url=target_url,
            target_description=target_description,
            target_framework=target_framework,
            target_code=target_code,
            display_as_skill=display_as_skill,
        )

        alignment_input.additional_properties = d
        return alignment_input

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
