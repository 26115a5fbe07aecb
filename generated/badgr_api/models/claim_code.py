from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClaimCode")


@_attrs_define
class ClaimCode:
    code: str
    badgeclass: str | Unset = UNSET
    label: None | str | Unset = UNSET
    limit: int | None | Unset = UNSET
    """ How many times the code may be claimed. """
    claim_count: int | Unset = UNSET
    expiration_date: datetime.datetime | None | Unset = UNSET
    enabled: bool | Unset = UNSET
    archived: bool | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        badgeclass = self.badgeclass

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        limit: int | None | Unset
        if isinstance(self.limit, Unset):
            limit = UNSET
        else:
            limit = self.limit

        claim_count = self.claim_count

        expiration_date: None | str | Unset
        if isinstance(self.expiration_date, Unset):
            expiration_date = UNSET
        elif isinstance(self.expiration_date, datetime.datetime):
            expiration_date = self.expiration_date.isoformat()
        else:
            expiration_date = self.expiration_date

        enabled = self.enabled

        archived = self.archived

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
            }
        )
        if badgeclass is not UNSET:
            field_dict["badgeclass"] = badgeclass
        if label is not UNSET:
            field_dict["label"] = label
        if limit is not UNSET:
            field_dict["limit"] = limit
        if claim_count is not UNSET:
            field_dict["claimCount"] = claim_count
        if expiration_date is not UNSET:
            field_dict["expirationDate"] = expiration_date
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if archived is not UNSET:
            field_dict["archived"] = archived
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        badgeclass = d.pop("badgeclass", UNSET)

        label: None | str | Unset = d.pop("label", UNSET)

        limit: int | None | Unset = d.pop("limit", UNSET)

        claim_count = d.pop("claimCount", UNSET)

        _expiration_date = d.pop("expirationDate", UNSET)
        expiration_date: datetime.datetime | None | Unset
        if _expiration_date is None or isinstance(_expiration_date, Unset):
            expiration_date = _expiration_date
        else:
            try:
                if not isinstance(_expiration_date, str):
                    raise TypeError()
                expiration_date_type_0 = datetime.datetime.fromisoformat(_expiration_date)

                expiration_date = expiration_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                expiration_date = cast(datetime.datetime | None | Unset, _expiration_date)

        enabled = d.pop("enabled", UNSET)

        archived = d.pop("archived", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        claim_code = cls(
            code=code,
            badgeclass=badgeclass,
            label=label,
            limit=limit,
            claim_count=claim_count,
            expiration_date=expiration_date,
            enabled=enabled,
            archived=archived,
            created_at=created_at,
        )

        claim_code.additional_properties = d
        return claim_code

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
