from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserEmail")


@_attrs_define
class UserEmail:
    email: str
    verified: bool | Unset = UNSET
    primary: bool | Unset = UNSET
    case_variants: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
        d = dict(src_dict)
        email = d.pop("email")

        verified = d.pop("verified", UNSET)

        primary = d.pop("primary", UNSET)

        case_variants = cast(list[str], d.pop("caseVariants", UNSET))

        user_email = cls(
            email=email,
            verified=verified,
            primary=primary,
            case_variants=case_variants,
        )

        user_email.additional_properties = d
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
