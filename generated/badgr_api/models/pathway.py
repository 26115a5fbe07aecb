from __future__ import annotations

import datetime
import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="Pathway")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "id",
    "issuerId",
    "name",
    "description",
    "version",
    "updatedAt",
)
_FIELD_NAMES = frozenset(
    (
        "id",
        "issuerId",
        "name",
        "description",
        "version",
        "updatedAt",
    )
)


@_attrs_define
class Pathway:
    id: str
    issuer_id: str
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    version: str | Unset = UNSET
    """ `draft` or `published`. """
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        issuer_id = self.issuer_id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        version = self.version

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "issuerId": issuer_id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if version is not UNSET:
            field_dict["version"] = version
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 6
            if complete:
                (
                    id,
                    issuer_id,
                    name,
                    description,
                    version,
                    _updated_at,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            id = src_dict["id"]
            issuer_id = src_dict["issuerId"]
            name = src_dict.get("name", UNSET)
            description = src_dict.get("description", UNSET)
            version = src_dict.get("version", UNSET)
            _updated_at = src_dict.get("updatedAt", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 6

        updated_at: datetime.datetime | Unset
        if _updated_at is UNSET:
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        if cls is Pathway:  # what attrs' __init__ would do, without its call overhead
            pathway = _new_object(cls)
            pathway.id = id
            pathway.issuer_id = issuer_id
            pathway.name = name
            pathway.description = description
            pathway.version = version
            pathway.updated_at = updated_at
        else:  # a subclass may bring fields or an __init__ of its own
            pathway = cls(
                id=id,
                issuer_id=issuer_id,
                name=name,
                description=description,
                version=version,
                updated_at=updated_at,
            )

        if has_extra_keys:
            pathway.additional_properties = {key: value for key, value in src_dict.items() if key not in _FIELD_NAMES}
        return pathway

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


Pathway.additional_properties = empty_dict_until_set(Pathway.additional_properties)  # type: ignore[assignment]
