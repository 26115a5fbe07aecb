from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EvidenceInput")


@_attrs_define
class EvidenceInput:
    """An evidence item needs a `url` and/or a `narrative`."""

    url: str | Unset = UNSET
    narrative: str | Unset = UNSET
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    genre: str | Unset = UNSET
    audience: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        narrative = self.narrative

        name = self.name

        description = self.description

        genre = self.genre

        audience = self.audience

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url
        if narrative is not UNSET:
            field_dict["narrative"] = narrative
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if genre is not UNSET:
            field_dict["genre"] = genre
        if audience is not UNSET:
            field_dict["audience"] = audience

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        url = d.pop("url", UNSET)

        narrative = d.pop("narrative", UNSET)

        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        genre = d.pop("genre", UNSET)

        audience = d.pop("audience", UNSET)

        evidence_input = cls(
            url=url,
            narrative=narrative,
            name=name,
            description=description,
            genre=genre,
            audience=audience,
        )

        evidence_input.additional_properties = d
        return evidence_input

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
