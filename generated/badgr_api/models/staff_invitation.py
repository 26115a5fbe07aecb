from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.staff_role import StaffRole, check_staff_role
from ..types import empty_dict_until_set

T = TypeVar("T", bound="StaffInvitation")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "email",
    "role",
    "status",
)
_FIELD_NAMES = frozenset(
    (
        "email",
        "role",
        "status",
    )
)


@_attrs_define
class StaffInvitation:
    email: str
    role: StaffRole
    """ Role of the user in the issuer. Staff may award; editors may also define and edit badge classes; owners may
    also manage staff and delete the issuer. """
    status: str
    """ Invitation state; known value `PENDING`, servers may add others. """
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        role: str = self.role

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "role": role,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 3
            if complete:
                (
                    email,
                    _role,
                    status,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            email = src_dict["email"]
            _role = src_dict["role"]
            status = src_dict["status"]
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 3

        role = check_staff_role(_role)

        if cls is StaffInvitation:  # what attrs' __init__ would do, without its call overhead
            staff_invitation = _new_object(cls)
            staff_invitation.email = email
            staff_invitation.role = role
            staff_invitation.status = status
        else:  # a subclass may bring fields or an __init__ of its own
            staff_invitation = cls(
                email=email,
                role=role,
                status=status,
            )

        if has_extra_keys:
            staff_invitation.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return staff_invitation

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


StaffInvitation.additional_properties = empty_dict_until_set(StaffInvitation.additional_properties)  # type: ignore[assignment]
