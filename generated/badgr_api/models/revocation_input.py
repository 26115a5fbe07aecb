from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="RevocationInput")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "id",
    "entityId",
    "revocationReason",
)
_FIELD_NAMES = frozenset(
    (
        "id",
        "entityId",
        "revocationReason",
    )
)


@_attrs_define
class RevocationInput:
    """An item without `revocationReason` is not revoked: its result says `revoked: false, reason: "revocationReason is
    required"`.

    """

    id: str | Unset = UNSET
    entity_id: str | Unset = UNSET
    revocation_reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        entity_id = self.entity_id

        revocation_reason = self.revocation_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if entity_id is not UNSET:
            field_dict["entityId"] = entity_id
        if revocation_reason is not UNSET:
            field_dict["revocationReason"] = revocation_reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 3
            if complete:
                (
                    id,
                    entity_id,
                    revocation_reason,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            id = src_dict.get("id", UNSET)
            entity_id = src_dict.get("entityId", UNSET)
            revocation_reason = src_dict.get("revocationReason", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 3

        if cls is RevocationInput:  # what attrs' __init__ would do, without its call overhead
            revocation_input = _new_object(cls)
            revocation_input.id = id
            revocation_input.entity_id = entity_id
            revocation_input.revocation_reason = revocation_reason
        else:  # a subclass may bring fields or an __init__ of its own
            revocation_input = cls(
                id=id,
                entity_id=entity_id,
                revocation_reason=revocation_reason,
            )

        if has_extra_keys:
            revocation_input.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return revocation_input

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


RevocationInput.additional_properties = empty_dict_until_set(RevocationInput.additional_properties)  # type: ignore[assignment]
