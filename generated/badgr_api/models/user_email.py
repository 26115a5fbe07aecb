from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="UserEmail")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "email",
    "verified",
    "primary",
    "caseVariants",
)
_FIELD_NAMES = frozenset(
    (
        "email",
        "verified",
        "primary",
        "caseVariants",
    )
)


@_attrs_define
class UserEmail:
    email: str
    verified: bool | Unset = UNSET
    primary: bool | Unset = UNSET
    case_variants: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        verified = self.verified

        primary = self.primary

        case_variants: list[str] | Unset = UNSET
        if not isinstance(self.case_variants, Unset):
            case_variants = self.case_variants

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
            }
        )
        if verified is not UNSET:
            field_dict["verified"] = verified
        if primary is not UNSET:
            field_dict["primary"] = primary
        if case_variants is not UNSET:
            field_dict["caseVariants"] = case_variants

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 4
            if complete:
                (
                    email,
                    verified,
                    primary,
                    _case_variants,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            email = src_dict["email"]
            verified = src_dict.get("verified", UNSET)
            primary = src_dict.get("primary", UNSET)
            _case_variants = src_dict.get("caseVariants", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 4

        case_variants = cast(list[str], _case_variants)

        if cls is UserEmail:  # what attrs' __init__ would do, without its call overhead
            user_email = _new_object(cls)
            user_email.email = email
            user_email.verified = verified
            user_email.primary = primary
            user_email.case_variants = case_variants
        else:  # a subclass may bring fields or an __init__ of its own
            user_email = cls(
                email=email,
                verified=verified,
                primary=primary,
                case_variants=case_variants,
            )

        if has_extra_keys:
            user_email.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return user_email

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


UserEmail.additional_properties = empty_dict_until_set(UserEmail.additional_properties)  # type: ignore[assignment]
