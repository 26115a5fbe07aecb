from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.token_request_grant_type import TokenRequestGrantType, check_token_request_grant_type
from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="TokenRequest")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "grant_type",
    "username",
    "password",
    "client_id",
    "client_secret",
    "scope",
    "refresh_token",
    "code",
    "redirect_uri",
)
_FIELD_NAMES = frozenset(
    (
        "grant_type",
        "username",
        "password",
        "client_id",
        "client_secret",
        "scope",
        "refresh_token",
        "code",
        "redirect_uri",
    )
)


@_attrs_define
class TokenRequest:
    grant_type: TokenRequestGrantType | Unset = "password"
    username: str | Unset = UNSET
    password: str | Unset = UNSET
    client_id: str | Unset = UNSET
    client_secret: str | Unset = UNSET
    scope: str | Unset = UNSET
    """ Space-separated scopes. """
    refresh_token: str | Unset = UNSET
    code: str | Unset = UNSET
    redirect_uri: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        grant_type: str | Unset = UNSET
        if not isinstance(self.grant_type, Unset):
            grant_type = self.grant_type

        username = self.username

        password = self.password

        client_id = self.client_id

        client_secret = self.client_secret

        scope = self.scope

        refresh_token = self.refresh_token

        code = self.code

        redirect_uri = self.redirect_uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if grant_type is not UNSET:
            field_dict["grant_type"] = grant_type
        if username is not UNSET:
            field_dict["username"] = username
        if password is not UNSET:
            field_dict["password"] = password
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if scope is not UNSET:
            field_dict["scope"] = scope
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token
        if code is not UNSET:
            field_dict["code"] = code
        if redirect_uri is not UNSET:
            field_dict["redirect_uri"] = redirect_uri

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 9
            if complete:
                (
                    _grant_type,
                    username,
                    password,
                    client_id,
                    client_secret,
                    scope,
                    refresh_token,
                    code,
                    redirect_uri,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            _grant_type = src_dict.get("grant_type", UNSET)
            username = src_dict.get("username", UNSET)
            password = src_dict.get("password", UNSET)
            client_id = src_dict.get("client_id", UNSET)
            client_secret = src_dict.get("client_secret", UNSET)
            scope = src_dict.get("scope", UNSET)
            refresh_token = src_dict.get("refresh_token", UNSET)
            code = src_dict.get("code", UNSET)
            redirect_uri = src_dict.get("redirect_uri", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 9

        grant_type: TokenRequestGrantType | Unset
        if _grant_type is UNSET:
            grant_type = UNSET
        else:
            grant_type = check_token_request_grant_type(_grant_type)

        if cls is TokenRequest:  # what attrs' __init__ would do, without its call overhead
            token_request = _new_object(cls)
            token_request.grant_type = grant_type
            token_request.username = username
            token_request.password = password
            token_request.client_id = client_id
            token_request.client_secret = client_secret
            token_request.scope = scope
            token_request.refresh_token = refresh_token
            token_request.code = code
            token_request.redirect_uri = redirect_uri
        else:  # a subclass may bring fields or an __init__ of its own
            token_request = cls(
                grant_type=grant_type,
                username=username,
                password=password,
                client_id=client_id,
                client_secret=client_secret,
                scope=scope,
                refresh_token=refresh_token,
                code=code,
                redirect_uri=redirect_uri,
            )

        if has_extra_keys:
            token_request.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return token_request

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


TokenRequest.additional_properties = empty_dict_until_set(TokenRequest.additional_properties)  # type: ignore[assignment]
