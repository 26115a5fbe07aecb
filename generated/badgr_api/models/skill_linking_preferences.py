from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SkillLinkingPreferences")


@_attrs_define
class SkillLinkingPreferences:
    type_: None | str | Unset = UNSET
    """ Skill-linking provider; known value `TALENT_NEURON`. """
    server_uri: None | str | Unset = UNSET
    indeed_region: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        server_uri: None | str | Unset
        if isinstance(self.server_uri, Unset):
            server_uri = UNSET
        else:
            server_uri = self.server_uri

        indeed_region: None | str | Unset
        if isinstance(self.indeed_region, Unset):
            indeed_region = UNSET
        else:
            indeed_region = self.indeed_region

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if server_uri is not UNSET:
            field_dict["serverUri"] = server_uri
        if indeed_region is not UNSET:
            field_dict["indeedRegion"] = indeed_region

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_: None | str | Unset = d.pop("type", UNSET)

        server_uri: None | str | Unset = d.pop("serverUri", UNSET)

        indeed_region: None | str | Unset = d.pop("indeedRegion", UNSET)

        skill_linking_preferences = cls(
            type_=type_,
            server_uri=server_uri,
            indeed_region=indeed_region,
        )

        skill_linking_preferences.additional_properties = d
        return skill_linking_preferences

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
