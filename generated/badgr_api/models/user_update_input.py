from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="UserUpdateInput")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "firstName",
    "lastName",
    "marketingOptIn",
)
_FIELD_NAMES = frozenset(
    (
        "firstName",
        "lastName",
        "marketingOptIn",
    )
)


@_attrs_define
class UserUpdateInput:
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    marketing_opt_in: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        first_name = self.first_name

        last_name = self.last_name

        marketing_opt_in = self.marketing_opt_in

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if first_name is not UNSET:
            field_dict["firstName"] = first_name
        if last_name is not UNSET:
            field_dict["lastName"] = last_name
        if marketing_opt_in is not UNSET:
            field_dict["marketingOptIn"] = marketing_opt_in

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 3
            if complete:
                (
                    first_name,
                    last_name,
                    marketing_opt_in,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            first_name = src_dict.get("firstName", UNSET)
            last_name = src_dict.get("lastName", UNSET)
            marketing_opt_in = src_dict.get("marketingOptIn", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 3

        if cls is UserUpdateInput:  # what attrs' __init__ would do, without its call overhead
            user_update_input = _new_object(cls)
            user_update_input.first_name = first_name
            user_update_input.last_name = last_name
            user_update_input.marketing_opt_in = marketing_opt_in
        else:  # a subclass may bring fields or an __init__ of its own
            user_update_input = cls(
                first_name=first_name,
                last_name=last_name,
                marketing_opt_in=marketing_opt_in,
            )

        if has_extra_keys:
            user_update_input.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return user_update_input

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


UserUpdateInput.additional_properties = empty_dict_until_set(UserUpdateInput.additional_properties)  # type: ignore[assignment]
