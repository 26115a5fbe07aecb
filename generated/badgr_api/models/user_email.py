from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserEmail")

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
            (
                email,
                verified,
                primary,
                _case_variants,
            ) = _read_all_fields(src_dict)
        except KeyError:  # an optional key is absent, or a required one (raised again just below)
            email = src_dict["email"]
            verified = src_dict.get("verified", UNSET)
            primary = src_dict.get("primary", UNSET)
            _case_variants = src_dict.get("caseVariants", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        except TypeError:  # not a mapping: converted with dict() as the stock template does
            return cls.from_dict(dict(src_dict))
        else:
            has_extra_keys = len(src_dict) > 4

        case_variants = cast(list[str], _case_variants)

        user_email = cls(
            email,
            verified,
            primary,
            case_variants,
        )

        if has_extra_keys:
            user_email.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return user_email

    if not TYPE_CHECKING:  # type checkers keep reporting unknown attributes

        def __getattr__(self, name: str) -> Any:
            """Only reached while additional_properties is unset: it starts as an empty dict."""
            if name != "additional_properties":
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            additional_properties: dict[str, Any] = {}
            self.additional_properties = additional_properties
            return additional_properties

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
