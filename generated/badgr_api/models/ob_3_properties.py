from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="Ob3Properties")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "creditHours",
    "fieldOfStudy",
    "humanCode",
    "specialization",
)
_FIELD_NAMES = frozenset(
    (
        "creditHours",
        "fieldOfStudy",
        "humanCode",
        "specialization",
    )
)


@_attrs_define
class Ob3Properties:
    """Open Badges 3.0 achievement properties."""

    credit_hours: float | None | Unset = UNSET
    field_of_study: None | str | Unset = UNSET
    human_code: None | str | Unset = UNSET
    specialization: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        credit_hours: float | None | Unset
        if isinstance(self.credit_hours, Unset):
            credit_hours = UNSET
        else:
            credit_hours = self.credit_hours

        field_of_study: None | str | Unset
        if isinstance(self.field_of_study, Unset):
            field_of_study = UNSET
        else:
            field_of_study = self.field_of_study

        human_code: None | str | Unset
        if isinstance(self.human_code, Unset):
            human_code = UNSET
        else:
            human_code = self.human_code

        specialization: None | str | Unset
        if isinstance(self.specialization, Unset):
            specialization = UNSET
        else:
            specialization = self.specialization

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if credit_hours is not UNSET:
            field_dict["creditHours"] = credit_hours
        if field_of_study is not UNSET:
            field_dict["fieldOfStudy"] = field_of_study
        if human_code is not UNSET:
            field_dict["humanCode"] = human_code
        if specialization is not UNSET:
            field_dict["specialization"] = specialization

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 4
            if complete:
                (
                    credit_hours,
                    field_of_study,
                    human_code,
                    specialization,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            credit_hours = src_dict.get("creditHours", UNSET)
            field_of_study = src_dict.get("fieldOfStudy", UNSET)
            human_code = src_dict.get("humanCode", UNSET)
            specialization = src_dict.get("specialization", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 4

        if cls is Ob3Properties:  # what attrs' __init__ would do, without its call overhead
            ob_3_properties = _new_object(cls)
            ob_3_properties.credit_hours = credit_hours
            ob_3_properties.field_of_study = field_of_study
            ob_3_properties.human_code = human_code
            ob_3_properties.specialization = specialization
        else:  # a subclass may bring fields or an __init__ of its own
            ob_3_properties = cls(
                credit_hours=credit_hours,
                field_of_study=field_of_study,
                human_code=human_code,
                specialization=specialization,
            )

        if has_extra_keys:
            ob_3_properties.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return ob_3_properties

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


Ob3Properties.additional_properties = empty_dict_until_set(Ob3Properties.additional_properties)  # type: ignore[assignment]
