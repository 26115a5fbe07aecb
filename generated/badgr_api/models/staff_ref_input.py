from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.staff_role import StaffRole, check_staff_role
from ..types import empty_dict_until_set

T = TypeVar("T", bound="StaffRefInput")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "role",
    "user",
)
_FIELD_NAMES = frozenset(
    (
        "role",
        "user",
    )
)


@_attrs_define
class StaffRefInput:
    role: StaffRole
    """ Role of the user in the issuer. Staff may award; editors may also define and edit badge classes; owners may
    also manage staff and delete the issuer. """
    user: str
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        role: str = self.role

        user = self.user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "user": user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 2
            if complete:
                (
                    _role,
                    user,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            _role = src_dict["role"]
            user = src_dict["user"]
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 2

        role = check_staff_role(_role)

        if cls is StaffRefInput:  # what attrs' __init__ would do, without its call overhead
            staff_ref_input = _new_object(cls)
            staff_ref_input.role = role
            staff_ref_input.user = user
        else:  # a subclass may bring fields or an __init__ of its own
            staff_ref_input = cls(
                role=role,
                user=user,
            )

        if has_extra_keys:
            staff_ref_input.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return staff_ref_input

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


StaffRefInput.additional_properties = empty_dict_until_set(StaffRefInput.additional_properties)  # type: ignore[assignment]
