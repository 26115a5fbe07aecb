from __future__ import annotations

import datetime
import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="ClaimCodeInput")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "label",
    "limit",
    "expirationDate",
)
_FIELD_NAMES = frozenset(
    (
        "label",
        "limit",
        "expirationDate",
    )
)


@_attrs_define
class ClaimCodeInput:
    label: str | Unset = UNSET
    limit: int | Unset = UNSET
    """ Number of uses """
    expiration_date: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        limit = self.limit

        expiration_date: str | Unset = UNSET
        if not isinstance(self.expiration_date, Unset):
            expiration_date = self.expiration_date.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if label is not UNSET:
            field_dict["label"] = label
        if limit is not UNSET:
            field_dict["limit"] = limit
        if expiration_date is not UNSET:
            field_dict["expirationDate"] = expiration_date

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 3
            if complete:
                (
                    label,
                    limit,
                    _expiration_date,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            label = src_dict.get("label", UNSET)
            limit = src_dict.get("limit", UNSET)
            _expiration_date = src_dict.get("expirationDate", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 3

        expiration_date: datetime.datetime | Unset
        if _expiration_date is UNSET:
            expiration_date = UNSET
        else:
            expiration_date = datetime.datetime.fromisoformat(_expiration_date)

        if cls is ClaimCodeInput:  # what attrs' __init__ would do, without its call overhead
            claim_code_input = _new_object(cls)
            claim_code_input.label = label
            claim_code_input.limit = limit
            claim_code_input.expiration_date = expiration_date
        else:  # a subclass may bring fields or an __init__ of its own
            claim_code_input = cls(
                label=label,
                limit=limit,
                expiration_date=expiration_date,
            )

        if has_extra_keys:
            claim_code_input.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return claim_code_input

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


ClaimCodeInput.additional_properties = empty_dict_until_set(ClaimCodeInput.additional_properties)  # type: ignore[assignment]
