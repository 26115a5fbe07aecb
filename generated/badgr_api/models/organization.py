from __future__ import annotations

import datetime
import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="Organization")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "id",
    "name",
    "entityType",
    "entityId",
    "description",
    "url",
    "badgrDomain",
    "createdAt",
)
_FIELD_NAMES = frozenset(
    (
        "id",
        "name",
        "entityType",
        "entityId",
        "description",
        "url",
        "badgrDomain",
        "createdAt",
    )
)


@_attrs_define
class Organization:
    id: str
    name: str
    entity_type: str | Unset = UNSET
    entity_id: str | Unset = UNSET
    description: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    badgr_domain: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        entity_type = self.entity_type

        entity_id = self.entity_id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        badgr_domain: None | str | Unset
        if isinstance(self.badgr_domain, Unset):
            badgr_domain = UNSET
        else:
            badgr_domain = self.badgr_domain

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if entity_type is not UNSET:
            field_dict["entityType"] = entity_type
        if entity_id is not UNSET:
            field_dict["entityId"] = entity_id
        if description is not UNSET:
            field_dict["description"] = description
        if url is not UNSET:
            field_dict["url"] = url
        if badgr_domain is not UNSET:
            field_dict["badgrDomain"] = badgr_domain
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 8
            if complete:
                (
                    id,
                    name,
                    entity_type,
                    entity_id,
                    description,
                    url,
                    badgr_domain,
                    _created_at,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            id = src_dict["id"]
            name = src_dict["name"]
            entity_type = src_dict.get("entityType", UNSET)
            entity_id = src_dict.get("entityId", UNSET)
            description = src_dict.get("description", UNSET)
            url = src_dict.get("url", UNSET)
            badgr_domain = src_dict.get("badgrDomain", UNSET)
            _created_at = src_dict.get("createdAt", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 8

        created_at: datetime.datetime | Unset
        if _created_at is UNSET:
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        if cls is Organization:  # what attrs' __init__ would do, without its call overhead
            organization = _new_object(cls)
            organization.id = id
            organization.name = name
            organization.entity_type = entity_type
            organization.entity_id = entity_id
            organization.description = description
            organization.url = url
            organization.badgr_domain = badgr_domain
            organization.created_at = created_at
        else:  # a subclass may bring fields or an __init__ of its own
            organization = cls(
                id=id,
                name=name,
                entity_type=entity_type,
                entity_id=entity_id,
                description=description,
                url=url,
                badgr_domain=badgr_domain,
                created_at=created_at,
            )

        if has_extra_keys:
            organization.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return organization

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


Organization.additional_properties = empty_dict_until_set(Organization.additional_properties)  # type: ignore[assignment]
