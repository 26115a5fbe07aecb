from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import empty_dict_until_set

T = TypeVar("T", bound="EmptyExpiration")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "amount",
    "duration",
)
_FIELD_NAMES = frozenset(
    (
        "amount",
        "duration",
    )
)


@_attrs_define
class EmptyExpiration:
    """How badgr-server says a badge class has no expiry: both members present and null."""

    amount: None
    duration: None
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        duration = self.duration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "duration": duration,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 2
            if complete:
                (
                    amount,
                    duration,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            amount = src_dict["amount"]
            duration = src_dict["duration"]
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 2

        if cls is EmptyExpiration:  # what attrs' __init__ would do, without its call overhead
            empty_expiration = _new_object(cls)
            empty_expiration.amount = amount
            empty_expiration.duration = duration
        else:  # a subclass may bring fields or an __init__ of its own
            empty_expiration = cls(
                amount=amount,
                duration=duration,
            )

        if has_extra_keys:
            empty_expiration.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return empty_expiration

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


EmptyExpiration.additional_properties = empty_dict_until_set(EmptyExpiration.additional_properties)  # type: ignore[assignment]
