from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Ob3AwardProperties")


@_attrs_define
class Ob3AwardProperties:
    """Open Badges 3.0 award properties."""

    activity_start: datetime.datetime | None | Unset = UNSET
    activity_end: datetime.datetime | None | Unset = UNSET
    license_number: None | str | Unset = UNSET
    role: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activity_start: None | str | Unset
        if isinstance(self.activity_start, Unset):
            activity_start = UNSET
        elif isinstance(self.activity_start, datetime.datetime):
            activity_start = self.activity_start.isoformat()
        else:
            activity_start = self.activity_start

        activity_end: None | str | Unset
        if isinstance(self.activity_end, Unset):
            activity_end = UNSET
        elif isinstance(self.activity_end, datetime.datetime):
            activity_end = self.activity_end.isoformat()
        else:
            activity_end = self.activity_end

        license_number: None | str | Unset
        if isinstance(self.license_number, Unset):
            license_number = UNSET
        else:
            license_number = self.license_number

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        else:
            role = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if activity_start is not UNSET:
            field_dict["activityStart"] = activity_start
        if activity_end is not UNSET:
            field_dict["activityEnd"] = activity_end
        if license_number is not UNSET:
            field_dict["licenseNumber"] = license_number
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_activity_start(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activity_start_type_0 = datetime.datetime.fromisoformat(data)

                return activity_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        activity_start = _parse_activity_start(d.pop("activityStart", UNSET))

        def _parse_activity_end(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activity_end_type_0 = datetime.datetime.fromisoformat(data)

                return activity_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        activity_end = _parse_activity_end(d.pop("activityEnd", UNSET))

        def _parse_license_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        license_number = _parse_license_number(d.pop("licenseNumber", UNSET))

        def _parse_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        ob_3_award_properties = cls(
            activity_start=activity_start,
            activity_end=activity_end,
            license_number=license_number,
            role=role,
        )

        ob_3_award_properties.additional_properties = d
        return ob_3_award_properties

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
