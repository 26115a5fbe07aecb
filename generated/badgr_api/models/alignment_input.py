from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="AlignmentInput")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "targetName",
    "targetUrl",
    "targetDescription",
    "targetFramework",
    "targetCode",
    "displayAsSkill",
)
_FIELD_NAMES = frozenset(
    (
        "targetName",
        "targetUrl",
        "targetDescription",
        "targetFramework",
        "targetCode",
        "displayAsSkill",
    )
)


@_attrs_define
class AlignmentInput:
    target_name: str
    target_url: str
    target_description: None | str | Unset = UNSET
    target_framework: None | str | Unset = UNSET
    target_code: None | str | Unset = UNSET
    display_as_skill: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

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
        try:
            complete = len(src_dict) >= 6
            if complete:
                (
                    target_name,
                    target_url,
                    target_description,
                    target_framework,
                    target_code,
                    display_as_skill,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            target_name = src_dict["targetName"]
            target_url = src_dict["targetUrl"]
            target_description = src_dict.get("targetDescription", UNSET)
            target_framework = src_dict.get("targetFramework", UNSET)
            target_code = src_dict.get("targetCode", UNSET)
            display_as_skill = src_dict.get("displayAsSkill", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 6

        if cls is AlignmentInput:  # what attrs' __init__ would do, without its call overhead
            alignment_input = _new_object(cls)
            alignment_input.target_name = target_name
            alignment_input.target_url = target_url
            alignment_input.target_description = target_description
            alignment_input.target_framework = target_framework
            alignment_input.target_code = target_code
            alignment_input.display_as_skill = display_as_skill
        else:  # a subclass may bring fields or an __init__ of its own
            alignment_input = cls(
                target_name=target_name,
                target_url=target_url,
                target_description=target_description,
                target_framework=target_framework,
                target_code=target_code,
                display_as_skill=display_as_skill,
            )

        if has_extra_keys:
            alignment_input.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
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


AlignmentInput.additional_properties = empty_dict_until_set(AlignmentInput.additional_properties)  # type: ignore[assignment]
