from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RevocationResult")


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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
        d = dict(src_dict)
        revoked = d.pop("revoked")

        id: None | str | Unset = d.pop("id", UNSET)

        entity_id: None | str | Unset = d.pop("entityId", UNSET)

        revocation_reason: None | str | Unset = d.pop("revocationReason", UNSET)

        reason: None | str | Unset = d.pop("reason", UNSET)

        code: None | str | Unset = d.pop("code", UNSET)

        revocation_result = cls(
            revoked=revoked,
            id=id,
            entity_id=entity_id,
            revocation_reason=revocation_reason,
            reason=reason,
            code=code,
        )

        revocation_result.additional_properties = d
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
