from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="Collection")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "entityId",
    "name",
    "id",
    "entityType",
    "description",
    "share_url",
    "shareHash",
    "published",
    "owner",
    "assertions",
    "credentials",
)
_FIELD_NAMES = frozenset(
    (
        "entityId",
        "name",
        "id",
        "entityType",
        "description",
        "share_url",
        "shareHash",
        "published",
        "owner",
        "assertions",
        "credentials",
    )
)


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
    additional_properties: dict[str, Any] = _attrs_field(init=False)

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
        try:
            complete = len(src_dict) >= 11
            if complete:
                (
                    entity_id,
                    name,
                    id,
                    entity_type,
                    description,
                    share_url,
                    share_hash,
                    published,
                    owner,
                    _assertions,
                    _credentials,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            entity_id = src_dict["entityId"]
            name = src_dict["name"]
            id = src_dict.get("id", UNSET)
            entity_type = src_dict.get("entityType", UNSET)
            description = src_dict.get("description", UNSET)
            share_url = src_dict.get("share_url", UNSET)
            share_hash = src_dict.get("shareHash", UNSET)
            published = src_dict.get("published", UNSET)
            owner = src_dict.get("owner", UNSET)
            _assertions = src_dict.get("assertions", UNSET)
            _credentials = src_dict.get("credentials", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 11

        assertions = cast(list[str], _assertions)

        credentials = cast(list[str], _credentials)

        if cls is Collection:  # what attrs' __init__ would do, without its call overhead
            collection = _new_object(cls)
            collection.entity_id = entity_id
            collection.name = name
            collection.id = id
            collection.entity_type = entity_type
            collection.description = description
            collection.share_url = share_url
            collection.share_hash = share_hash
            collection.published = published
            collection.owner = owner
            collection.assertions = assertions
            collection.credentials = credentials
        else:  # a subclass may bring fields or an __init__ of its own
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

        if has_extra_keys:
            collection.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
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


Collection.additional_properties = empty_dict_until_set(Collection.additional_properties)  # type: ignore[assignment]
