from __future__ import annotations

import datetime
import operator
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Pathway")

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
            (
                id,
                issuer_id,
                name,
                description,
                version,
                _updated_at,
            ) = _read_all_fields(src_dict)
        except KeyError:  # an optional key is absent, or a required one (raised again just below)
            id = src_dict["id"]
            issuer_id = src_dict["issuerId"]
            name = src_dict.get("name", UNSET)
            description = src_dict.get("description", UNSET)
            version = src_dict.get("version", UNSET)
            _updated_at = src_dict.get("updatedAt", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        except TypeError:  # not a mapping: converted with dict() as the stock template does
            return cls.from_dict(dict(src_dict))
        else:
            has_extra_keys = len(src_dict) > 6

        updated_at: datetime.datetime | Unset
        if _updated_at is UNSET:
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        pathway = cls(
            id,
            issuer_id,
            name,
            description,
            version,
            updated_at,
        )

        if has_extra_keys:
            pathway.additional_properties = {key: value for key, value in src_dict.items() if key not in _FIELD_NAMES}
        return pathway

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
