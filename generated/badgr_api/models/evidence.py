from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="Evidence")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "url",
    "narrative",
    "name",
    "description",
    "genre",
    "audience",
)
_FIELD_NAMES = frozenset(
    (
        "url",
        "narrative",
        "name",
        "description",
        "genre",
        "audience",
    )
)


@_attrs_define
class Evidence:
    url: None | str | Unset = UNSET
    narrative: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    genre: None | str | Unset = UNSET
    audience: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        narrative: None | str | Unset
        if isinstance(self.narrative, Unset):
            narrative = UNSET
        else:
            narrative = self.narrative

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

        genre: None | str | Unset
        if isinstance(self.genre, Unset):
            genre = UNSET
        else:
            genre = self.genre

        audience: None | str | Unset
        if isinstance(self.audience, Unset):
            audience = UNSET
        else:
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
        try:
            complete = len(src_dict) >= 6
            if complete:
                (
                    url,
                    narrative,
                    name,
                    description,
                    genre,
                    audience,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            url = src_dict.get("url", UNSET)
            narrative = src_dict.get("narrative", UNSET)
            name = src_dict.get("name", UNSET)
            description = src_dict.get("description", UNSET)
            genre = src_dict.get("genre", UNSET)
            audience = src_dict.get("audience", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 6

        if cls is Evidence:  # what attrs' __init__ would do, without its call overhead
            evidence = _new_object(cls)
            evidence.url = url
            evidence.narrative = narrative
            evidence.name = name
            evidence.description = description
            evidence.genre = genre
            evidence.audience = audience
        else:  # a subclass may bring fields or an __init__ of its own
            evidence = cls(
                url=url,
                narrative=narrative,
                name=name,
                description=description,
                genre=genre,
                audience=audience,
            )

        if has_extra_keys:
            evidence.additional_properties = {key: value for key, value in src_dict.items() if key not in _FIELD_NAMES}
        return evidence

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


Evidence.additional_properties = empty_dict_until_set(Evidence.additional_properties)  # type: ignore[assignment]
