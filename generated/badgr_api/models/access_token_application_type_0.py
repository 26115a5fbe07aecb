from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="AccessTokenApplicationType0")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "name",
    "url",
    "image",
    "website_url",
    "clientId",
    "policyUri",
    "termsUri",
)
_FIELD_NAMES = frozenset(
    (
        "name",
        "url",
        "image",
        "website_url",
        "clientId",
        "policyUri",
        "termsUri",
    )
)


@_attrs_define
class AccessTokenApplicationType0:
    name: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    image: None | str | Unset = UNSET
    website_url: None | str | Unset = UNSET
    client_id: None | str | Unset = UNSET
    policy_uri: None | str | Unset = UNSET
    terms_uri: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        image: None | str | Unset
        if isinstance(self.image, Unset):
            image = UNSET
        else:
            image = self.image

        website_url: None | str | Unset
        if isinstance(self.website_url, Unset):
            website_url = UNSET
        else:
            website_url = self.website_url

        client_id: None | str | Unset
        if isinstance(self.client_id, Unset):
            client_id = UNSET
        else:
            client_id = self.client_id

        policy_uri: None | str | Unset
        if isinstance(self.policy_uri, Unset):
            policy_uri = UNSET
        else:
            policy_uri = self.policy_uri

        terms_uri: None | str | Unset
        if isinstance(self.terms_uri, Unset):
            terms_uri = UNSET
        else:
            terms_uri = self.terms_uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if url is not UNSET:
            field_dict["url"] = url
        if image is not UNSET:
            field_dict["image"] = image
        if website_url is not UNSET:
            field_dict["website_url"] = website_url
        if client_id is not UNSET:
            field_dict["clientId"] = client_id
        if policy_uri is not UNSET:
            field_dict["policyUri"] = policy_uri
        if terms_uri is not UNSET:
            field_dict["termsUri"] = terms_uri

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 7
            if complete:
                (
                    name,
                    url,
                    image,
                    website_url,
                    client_id,
                    policy_uri,
                    terms_uri,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            name = src_dict.get("name", UNSET)
            url = src_dict.get("url", UNSET)
            image = src_dict.get("image", UNSET)
            website_url = src_dict.get("website_url", UNSET)
            client_id = src_dict.get("clientId", UNSET)
            policy_uri = src_dict.get("policyUri", UNSET)
            terms_uri = src_dict.get("termsUri", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 7

        if cls is AccessTokenApplicationType0:  # what attrs' __init__ would do, without its call overhead
            access_token_application_type_0 = _new_object(cls)
            access_token_application_type_0.name = name
            access_token_application_type_0.url = url
            access_token_application_type_0.image = image
            access_token_application_type_0.website_url = website_url
            access_token_application_type_0.client_id = client_id
            access_token_application_type_0.policy_uri = policy_uri
            access_token_application_type_0.terms_uri = terms_uri
        else:  # a subclass may bring fields or an __init__ of its own
            access_token_application_type_0 = cls(
                name=name,
                url=url,
                image=image,
                website_url=website_url,
                client_id=client_id,
                policy_uri=policy_uri,
                terms_uri=terms_uri,
            )

        if has_extra_keys:
            access_token_application_type_0.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return access_token_application_type_0

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


AccessTokenApplicationType0.additional_properties = empty_dict_until_set(
    AccessTokenApplicationType0.additional_properties
)  # type: ignore[assignment]
