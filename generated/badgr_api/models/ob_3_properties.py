from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Ob3Properties")


@_attrs_define
class Ob3Properties:
    """Open Badges 3.0 achievement properties."""

    credit_hours: float | None | Unset = UNSET
    field_of_study: None | str | Unset = UNSET
    human_code: None | str | Unset = UNSET
    specialization: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
        d = dict(src_dict)
        credit_hours: float | None | Unset = d.pop("creditHours", UNSET)

        field_of_study: None | str | Unset = d.pop("fieldOfStudy", UNSET)

        human_code: None | str | Unset = d.pop("humanCode", UNSET)

        specialization: None | str | Unset = d.pop("specialization", UNSET)

        ob_3_properties = cls(
            credit_hours=credit_hours,
            field_of_study=field_of_study,
            human_code=human_code,
            specialization=specialization,
        )

        ob_3_properties.additional_properties = d
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
