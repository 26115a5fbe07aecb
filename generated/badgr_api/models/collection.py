from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Collection")


@_attrs_define
class Collection:
    entity_id: str
    name: str
    id: str | Unset = UNSET
    entity_type: str | Unset = UNSET
    """ `BackpackCollection` """
    description: None | str | Unset = UNSET
    share_url: None | str | Unset = UNSET
    share_hash: None | str | Unset = UNSET
    published: bool | Unset = UNSET
    owner: None | str | Unset = UNSET
    assertions: list[str] | Unset = UNSET
    credentials: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entity_id = self.entity_id

        name = self.name

        id = self.id

        entity_type = self.entity_type

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        share_url: None | str | Unset
        if isinstance(self.share_url, Unset):
            share_url = UNSET
        else:
            share_url = self.share_url

        share_hash: None | str | Unset
        if isinstance(self.share_hash, Unset):
            share_hash = UNSET
        else:
            share_hash = self.share_hash

        published = self.published

        owner: None | str | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        else:
            owner = self.owner

        assertions: list[str] | Unset = UNSET
        if not isinstance(self.assertions, Unset):
            assertions = self.assertions

        credentials: list[str] | Unset = UNSET
        if not isinstance(self.credentials, Unset):
            credentials = self.credentials

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entityId": entity_id,
                "name": name,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if entity_type is not UNSET:
            field_dict["entityType"] = entity_type
        if description is not UNSET:
            field_dict["description"] = description
        if share_url is not UNSET:
            field_dict["share_url"] = share_url
        if share_hash is not UNSET:
            field_dict["shareHash"] = share_hash
        if published is not UNSET:
            field_dict["published"] = published
        if owner is not UNSET:
            field_dict["owner"] = owner
        if assertions is not UNSET:
            field_dict["assertions"] = assertions
        if credentials is not UNSET:
            field_dict["credentials"] = credentials

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        entity_id = d.pop("entityId")

        name = d.pop("name")

        id = d.pop("id", UNSET)

        entity_type = d.pop("entityType", UNSET)

        description: None | str | Unset = d.pop("description", UNSET)

        share_url: None | str | Unset = d.pop("share_url", UNSET)

        share_hash: None | str | Unset = d.pop("shareHash", UNSET)

        published = d.pop("published", UNSET)

        owner: None | str | Unset = d.pop("owner", UNSET)

        assertions = cast(list[str], d.pop("assertions", UNSET))

        credentials = cast(list[str], d.pop("credentials", UNSET))

        collection = cls(
            entity_id=entity_id,
            name=name,
            id=id,
            entity_type=entity_type,
            description=description,
            share_url=share_url,
            share_hash=share_hash,
            published=published,
            owner=owner,
            assertions=assertions,
            credentials=credentials,
        )

        collection.additional_properties = d
        return collection

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
