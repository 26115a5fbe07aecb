from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="OAuthError")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "error",
    "error_description",
    "expires",
)
_FIELD_NAMES = frozenset(
    (
        "error",
        "error_description",
        "expires",
    )
)


@_attrs_define
class OAuthError:
    error: str
    error_description: str | Unset = UNSET
    expires: int | Unset = UNSET
    """ Seconds until the login back-off ends. """
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        error_description = self.error_description

        expires = self.expires

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )
        if error_description is not UNSET:
            field_dict["error_description"] = error_description
        if expires is not UNSET:
            field_dict["expires"] = expires

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 3
            if complete:
                (
                    error,
                    error_description,
                    expires,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            error = src_dict["error"]
            error_description = src_dict.get("error_description", UNSET)
            expires = src_dict.get("expires", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 3

        if cls is OAuthError:  # what attrs' __init__ would do, without its call overhead
            o_auth_error = _new_object(cls)
            o_auth_error.error = error
            o_auth_error.error_description = error_description
            o_auth_error.expires = expires
        else:  # a subclass may bring fields or an __init__ of its own
            o_auth_error = cls(
                error=error,
                error_description=error_description,
                expires=expires,
            )

        if has_extra_keys:
            o_auth_error.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return o_auth_error

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


OAuthError.additional_properties = empty_dict_until_set(OAuthError.additional_properties)  # type: ignore[assignment]
