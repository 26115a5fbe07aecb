from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="RevokeTokenRequest")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "token",
    "token_type_hint",
    "client_id",
    "client_secret",
)
_FIELD_NAMES = frozenset(
    (
        "token",
        "token_type_hint",
        "client_id",
        "client_secret",
    )
)


@_attrs_define
class RevokeTokenRequest:
    """RFC 7009 §2.1: the token to revoke and the client it was issued to (a confidential client
    also sends its secret). Form-encoded, never in the query string.

    """

    token: str
    """ An access token or a refresh token. """
    token_type_hint: str | Unset = UNSET
    """ `access_token` or `refresh_token`; the server may ignore it (RFC 7009 §2.1). """
    client_id: str | Unset = UNSET
    """ The client the token was issued to (default `public`). """
    client_secret: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        token_type_hint = self.token_type_hint

        client_id = self.client_id

        client_secret = self.client_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "token": token,
            }
        )
        if token_type_hint is not UNSET:
            field_dict["token_type_hint"] = token_type_hint
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 4
            if complete:
                (
                    token,
                    token_type_hint,
                    client_id,
                    client_secret,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            token = src_dict["token"]
            token_type_hint = src_dict.get("token_type_hint", UNSET)
            client_id = src_dict.get("client_id", UNSET)
            client_secret = src_dict.get("client_secret", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 4

        if cls is RevokeTokenRequest:  # what attrs' __init__ would do, without its call overhead
            revoke_token_request = _new_object(cls)
            revoke_token_request.token = token
            revoke_token_request.token_type_hint = token_type_hint
            revoke_token_request.client_id = client_id
            revoke_token_request.client_secret = client_secret
        else:  # a subclass may bring fields or an __init__ of its own
            revoke_token_request = cls(
                token=token,
                token_type_hint=token_type_hint,
                client_id=client_id,
                client_secret=client_secret,
            )

        if has_extra_keys:
            revoke_token_request.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return revoke_token_request

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


RevokeTokenRequest.additional_properties = empty_dict_until_set(RevokeTokenRequest.additional_properties)  # type: ignore[assignment]
