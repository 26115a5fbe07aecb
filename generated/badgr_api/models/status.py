from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="Status")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "success",
    "description",
)
_FIELD_NAMES = frozenset(
    (
        "success",
        "description",
    )
)


@_attrs_define
class Status:
    success: bool
    description: str | Unset = UNSET
    """ "ok" on success; on failure a short reason such as "bad request". """
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 2
            if complete:
                (
                    success,
                    description,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            success = src_dict["success"]
            description = src_dict.get("description", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 2

        if cls is Status:  # what attrs' __init__ would do, without its call overhead
            status = _new_object(cls)
            status.success = success
            status.description = description
        else:  # a subclass may bring fields or an __init__ of its own
            status = cls(
                success=success,
                description=description,
            )

        if has_extra_keys:
            status.additional_properties = {key: value for key, value in src_dict.items() if key not in _FIELD_NAMES}
        return status

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


Status.additional_properties = empty_dict_until_set(Status.additional_properties)  # type: ignore[assignment]
