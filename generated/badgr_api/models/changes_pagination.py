from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="ChangesPagination")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "hasNext",
    "hasPrevious",
    "nextResults",
    "previousResults",
)
_FIELD_NAMES = frozenset(
    (
        "hasNext",
        "hasPrevious",
        "nextResults",
        "previousResults",
    )
)


@_attrs_define
class ChangesPagination:
    """Where the next and previous pages of a `/changed` feed are."""

    has_next: bool
    has_previous: bool
    next_results: None | str | Unset = UNSET
    """ Absolute URL of the next page (follow it as given). """
    previous_results: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        has_next = self.has_next

        has_previous = self.has_previous

        next_results: None | str | Unset
        if isinstance(self.next_results, Unset):
            next_results = UNSET
        else:
            next_results = self.next_results

        previous_results: None | str | Unset
        if isinstance(self.previous_results, Unset):
            previous_results = UNSET
        else:
            previous_results = self.previous_results

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hasNext": has_next,
                "hasPrevious": has_previous,
            }
        )
        if next_results is not UNSET:
            field_dict["nextResults"] = next_results
        if previous_results is not UNSET:
            field_dict["previousResults"] = previous_results

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 4
            if complete:
                (
                    has_next,
                    has_previous,
                    next_results,
                    previous_results,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            has_next = src_dict["hasNext"]
            has_previous = src_dict["hasPrevious"]
            next_results = src_dict.get("nextResults", UNSET)
            previous_results = src_dict.get("previousResults", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 4

        if cls is ChangesPagination:  # what attrs' __init__ would do, without its call overhead
            changes_pagination = _new_object(cls)
            changes_pagination.has_next = has_next
            changes_pagination.has_previous = has_previous
            changes_pagination.next_results = next_results
            changes_pagination.previous_results = previous_results
        else:  # a subclass may bring fields or an __init__ of its own
            changes_pagination = cls(
                has_next=has_next,
                has_previous=has_previous,
                next_results=next_results,
                previous_results=previous_results,
            )

        if has_extra_keys:
            changes_pagination.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return changes_pagination

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


ChangesPagination.additional_properties = empty_dict_until_set(ChangesPagination.additional_properties)  # type: ignore[assignment]
