from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="SkillLinkingPreferences")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "type",
    "serverUri",
    "indeedRegion",
)
_FIELD_NAMES = frozenset(
    (
        "type",
        "serverUri",
        "indeedRegion",
    )
)


@_attrs_define
class SkillLinkingPreferences:
    type_: None | str | Unset = UNSET
    """ Skill-linking provider; known value `TALENT_NEURON`. """
    server_uri: None | str | Unset = UNSET
    indeed_region: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

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
        try:
            complete = len(src_dict) >= 3
            if complete:
                (
                    type_,
                    server_uri,
                    indeed_region,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            type_ = src_dict.get("type", UNSET)
            server_uri = src_dict.get("serverUri", UNSET)
            indeed_region = src_dict.get("indeedRegion", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 3

        if cls is SkillLinkingPreferences:  # what attrs' __init__ would do, without its call overhead
            skill_linking_preferences = _new_object(cls)
            skill_linking_preferences.type_ = type_
            skill_linking_preferences.server_uri = server_uri
            skill_linking_preferences.indeed_region = indeed_region
        else:  # a subclass may bring fields or an __init__ of its own
            skill_linking_preferences = cls(
                type_=type_,
                server_uri=server_uri,
                indeed_region=indeed_region,
            )

        if has_extra_keys:
            skill_linking_preferences.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
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


SkillLinkingPreferences.additional_properties = empty_dict_until_set(SkillLinkingPreferences.additional_properties)  # type: ignore[assignment]
