from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.staff_role import StaffRole, check_staff_role
from ..types import UNSET, Unset, empty_dict_until_set

if TYPE_CHECKING:
    from ..models.badge_user import BadgeUser


T = TypeVar("T", bound="IssuerStaff")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "role",
    "user",
    "userProfile",
)
_FIELD_NAMES = frozenset(
    (
        "role",
        "user",
        "userProfile",
    )
)


@_attrs_define
class IssuerStaff:
    role: StaffRole
    """ Role of the user in the issuer. Staff may award; editors may also define and edit badge classes; owners may
    also manage staff and delete the issuer. """
    user: str
    """ The staff member's user entity id. """
    user_profile: BadgeUser | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

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
        try:
            complete = len(src_dict) >= 3
            if complete:
                (
                    _role,
                    user,
                    _user_profile,
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
            _user_profile = src_dict.get("userProfile", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 3

        role = check_staff_role(_role)

        user_profile: BadgeUser | None | Unset
        if _user_profile is None or _user_profile is UNSET:
            user_profile = _user_profile
        else:
            try:
                if not isinstance(_user_profile, dict):
                    raise TypeError()
                user_profile_type_0 = BadgeUser.from_dict(_user_profile)

                user_profile = user_profile_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                user_profile = cast(BadgeUser | None | Unset, _user_profile)

        if cls is IssuerStaff:  # what attrs' __init__ would do, without its call overhead
            issuer_staff = _new_object(cls)
            issuer_staff.role = role
            issuer_staff.user = user
            issuer_staff.user_profile = user_profile
        else:  # a subclass may bring fields or an __init__ of its own
            issuer_staff = cls(
                role=role,
                user=user,
                user_profile=user_profile,
            )

        if has_extra_keys:
            issuer_staff.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
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


IssuerStaff.additional_properties = empty_dict_until_set(IssuerStaff.additional_properties)  # type: ignore[assignment]
from ..models.badge_user import BadgeUser
