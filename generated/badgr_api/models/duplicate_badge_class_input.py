from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import empty_dict_until_set

T = TypeVar("T", bound="DuplicateBadgeClassInput")
_new_object = object.__new__
_FIELD_NAMES = frozenset(("newName",))


@_attrs_define
class DuplicateBadgeClassInput:
    new_name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        new_name = self.new_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "newName": new_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 1
            if complete:
                new_name = src_dict["newName"]
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            new_name = src_dict["newName"]
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 1

        if cls is DuplicateBadgeClassInput:  # what attrs' __init__ would do, without its call overhead
            duplicate_badge_class_input = _new_object(cls)
            duplicate_badge_class_input.new_name = new_name
        else:  # a subclass may bring fields or an __init__ of its own
            duplicate_badge_class_input = cls(
                new_name=new_name,
            )

        if has_extra_keys:
            duplicate_badge_class_input.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return duplicate_badge_class_input

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


DuplicateBadgeClassInput.additional_properties = empty_dict_until_set(DuplicateBadgeClassInput.additional_properties)  # type: ignore[assignment]
