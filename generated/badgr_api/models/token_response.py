from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="TokenResponse")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "access_token",
    "token_type",
    "expires_in",
    "refresh_token",
    "scope",
)
_FIELD_NAMES = frozenset(
    (
        "access_token",
        "token_type",
        "expires_in",
        "refresh_token",
        "scope",
    )
)


@_attrs_define
class TokenResponse:
    access_token: str
    token_type: str
    """ `Bearer` """
    expires_in: int | Unset = UNSET
    refresh_token: str | Unset = UNSET
    scope: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        token_type = self.token_type

        expires_in = self.expires_in

        refresh_token = self.refresh_token

        scope = self.scope

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
                "token_type": token_type,
            }
        )
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 5
            if complete:
                (
                    access_token,
                    token_type,
                    expires_in,
                    refresh_token,
                    scope,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            access_token = src_dict["access_token"]
            token_type = src_dict["token_type"]
            expires_in = src_dict.get("expires_in", UNSET)
            refresh_token = src_dict.get("refresh_token", UNSET)
            scope = src_dict.get("scope", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 5

        if cls is TokenResponse:  # what attrs' __init__ would do, without its call overhead
            token_response = _new_object(cls)
            token_response.access_token = access_token
            token_response.token_type = token_type
            token_response.expires_in = expires_in
            token_response.refresh_token = refresh_token
            token_response.scope = scope
        else:  # a subclass may bring fields or an __init__ of its own
            token_response = cls(
                access_token=access_token,
                token_type=token_type,
                expires_in=expires_in,
                refresh_token=refresh_token,
                scope=scope,
            )

        if has_extra_keys:
            token_response.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return token_response

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


TokenResponse.additional_properties = empty_dict_until_set(TokenResponse.additional_properties)  # type: ignore[assignment]
