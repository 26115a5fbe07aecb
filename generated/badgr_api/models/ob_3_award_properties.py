from __future__ import annotations

import datetime
import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="Ob3AwardProperties")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "activityStart",
    "activityEnd",
    "licenseNumber",
    "role",
)
_FIELD_NAMES = frozenset(
    (
        "activityStart",
        "activityEnd",
        "licenseNumber",
        "role",
    )
)


@_attrs_define
class Ob3AwardProperties:
    """Open Badges 3.0 award properties."""

    activity_start: datetime.datetime | None | Unset = UNSET
    activity_end: datetime.datetime | None | Unset = UNSET
    license_number: None | str | Unset = UNSET
    role: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

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
        try:
            complete = len(src_dict) >= 4
            if complete:
                (
                    _activity_start,
                    _activity_end,
                    license_number,
                    role,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            _activity_start = src_dict.get("activityStart", UNSET)
            _activity_end = src_dict.get("activityEnd", UNSET)
            license_number = src_dict.get("licenseNumber", UNSET)
            role = src_dict.get("role", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 4

        activity_start: datetime.datetime | None | Unset
        if _activity_start is None or _activity_start is UNSET:
            activity_start = _activity_start
        else:
            try:
                if not isinstance(_activity_start, str):
                    raise TypeError()
                activity_start_type_0 = datetime.datetime.fromisoformat(_activity_start)

                activity_start = activity_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                activity_start = cast(datetime.datetime | None | Unset, _activity_start)

        activity_end: datetime.datetime | None | Unset
        if _activity_end is None or _activity_end is UNSET:
            activity_end = _activity_end
        else:
            try:
                if not isinstance(_activity_end, str):
                    raise TypeError()
                activity_end_type_0 = datetime.datetime.fromisoformat(_activity_end)

                activity_end = activity_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                activity_end = cast(datetime.datetime | None | Unset, _activity_end)

        if cls is Ob3AwardProperties:  # what attrs' __init__ would do, without its call overhead
            ob_3_award_properties = _new_object(cls)
            ob_3_award_properties.activity_start = activity_start
            ob_3_award_properties.activity_end = activity_end
            ob_3_award_properties.license_number = license_number
            ob_3_award_properties.role = role
        else:  # a subclass may bring fields or an __init__ of its own
            ob_3_award_properties = cls(
                activity_start=activity_start,
                activity_end=activity_end,
                license_number=license_number,
                role=role,
            )

        if has_extra_keys:
            ob_3_award_properties.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
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


Ob3AwardProperties.additional_properties = empty_dict_until_set(Ob3AwardProperties.additional_properties)  # type: ignore[assignment]
