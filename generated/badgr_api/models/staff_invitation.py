from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.staff_role import StaffRole, check_staff_role

T = TypeVar("T", bound="StaffInvitation")


@_attrs_define
class StaffInvitation:
    email: str
    role: StaffRole
    """ Role of the user in the issuer. Staff may award; editors may also define and edit badge classes; owners may
    also manage staff and delete the issuer. """
    status: str
    """ Invitation state; known value `PENDING`, servers may add others. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
        d = dict(src_dict)
        email = d.pop("email")

        role = check_staff_role(d.pop("role"))

        status = d.pop("status")

        staff_invitation = cls(
            email=email,
            role=role,
            status=status,
        )

        staff_invitation.additional_properties = d
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
