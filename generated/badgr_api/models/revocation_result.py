from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="RevocationResult")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "revoked",
    "id",
    "entityId",
    "revocationReason",
    "reason",
    "code",
)
_FIELD_NAMES = frozenset(
    (
        "revoked",
        "id",
        "entityId",
        "revocationReason",
        "reason",
        "code",
    )
)


@_attrs_define
class RevocationResult:
    revoked: bool
    id: None | str | Unset = UNSET
    entity_id: None | str | Unset = UNSET
    revocation_reason: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    """ Why the revocation failed. """
    code: None | str | Unset = UNSET
    """ Error code when the revocation failed. """
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        revoked = self.revoked

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        entity_id: None | str | Unset
        if isinstance(self.entity_id, Unset):
            entity_id = UNSET
        else:
            entity_id = self.entity_id

        revocation_reason: None | str | Unset
        if isinstance(self.revocation_reason, Unset):
            revocation_reason = UNSET
        else:
            revocation_reason = self.revocation_reason

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "revoked": revoked,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if entity_id is not UNSET:
            field_dict["entityId"] = entity_id
        if revocation_reason is not UNSET:
            field_dict["revocationReason"] = revocation_reason
        if reason is not UNSET:
            field_dict["reason"] = reason
        if code is not UNSET:
            field_dict["code"] = code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 6
            if complete:
                (
                    revoked,
                    id,
                    entity_id,
                    revocation_reason,
                    reason,
                    code,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            revoked = src_dict["revoked"]
            id = src_dict.get("id", UNSET)
            entity_id = src_dict.get("entityId", UNSET)
            revocation_reason = src_dict.get("revocationReason", UNSET)
            reason = src_dict.get("reason", UNSET)
            code = src_dict.get("code", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 6

        if cls is RevocationResult:  # what attrs' __init__ would do, without its call overhead
            revocation_result = _new_object(cls)
            revocation_result.revoked = revoked
            revocation_result.id = id
            revocation_result.entity_id = entity_id
            revocation_result.revocation_reason = revocation_reason
            revocation_result.reason = reason
            revocation_result.code = code
        else:  # a subclass may bring fields or an __init__ of its own
            revocation_result = cls(
                revoked=revoked,
                id=id,
                entity_id=entity_id,
                revocation_reason=revocation_reason,
                reason=reason,
                code=code,
            )

        if has_extra_keys:
            revocation_result.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return revocation_result

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


RevocationResult.additional_properties = empty_dict_until_set(RevocationResult.additional_properties)  # type: ignore[assignment]
