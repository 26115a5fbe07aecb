from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.staff_role import StaffRole, check_staff_role
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.badge_user import BadgeUser


T = TypeVar("T", bound="IssuerStaff")


@_attrs_define
class IssuerStaff:
    role: StaffRole
    """ Role of the user in the issuer. Staff may award; editors may also define and edit badge classes; owners may
    also manage staff and delete the issuer. """
    user: str
    """ The staff member's user entity id. """
    user_profile: BadgeUser | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role: str = self.role

        user = self.user

        user_profile: dict[str, Any] | None | Unset
        if isinstance(self.user_profile, Unset):
            user_profile = UNSET
        elif isinstance(self.user_profile, BadgeUser):
            user_profile = self.user_profile.to_dict()
        else:
            user_profile = self.user_profile

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "user": user,
            }
        )
        if user_profile is not UNSET:
            field_dict["userProfile"] = user_profile

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        role = check_staff_role(d.pop("role"))

        user = d.pop("user")

        _user_profile = d.pop("userProfile", UNSET)
        user_profile: BadgeUser | None | Unset
        if _user_profile is None or isinstance(_user_profile, Unset):
            user_profile = _user_profile
        else:
            try:
                if not isinstance(_user_profile, dict):
                    raise TypeError()
                user_profile_type_0 = BadgeUser.from_dict(_user_profile)

                user_profile = user_profile_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                user_profile = cast(BadgeUser | None | Unset, _user_profile)

        issuer_staff = cls(
            role=role,
            user=user,
            user_profile=user_profile,
        )

        issuer_staff.additional_properties = d
        return issuer_staff

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


from ..models.badge_user import BadgeUser
