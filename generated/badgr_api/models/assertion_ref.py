from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="AssertionRef")
_new_object = object.__new__
_FIELD_NAMES = frozenset(("assertionUrl",))


@_attrs_define
class AssertionRef:
    assertion_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        assertion_url = self.assertion_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if assertion_url is not UNSET:
            field_dict["assertionUrl"] = assertion_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 1
            if complete:
                assertion_url = src_dict["assertionUrl"]
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            assertion_url = src_dict.get("assertionUrl", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 1

        if cls is AssertionRef:  # what attrs' __init__ would do, without its call overhead
            assertion_ref = _new_object(cls)
            assertion_ref.assertion_url = assertion_url
        else:  # a subclass may bring fields or an __init__ of its own
            assertion_ref = cls(
                assertion_url=assertion_url,
            )

        if has_extra_keys:
            assertion_ref.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return assertion_ref

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


AssertionRef.additional_properties = empty_dict_until_set(AssertionRef.additional_properties)  # type: ignore[assignment]
