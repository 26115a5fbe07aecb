from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.acceptance import Acceptance, check_acceptance
from ..types import empty_dict_until_set

T = TypeVar("T", bound="AcceptanceInput")
_new_object = object.__new__
_FIELD_NAMES = frozenset(("acceptance",))


@_attrs_define
class AcceptanceInput:
    acceptance: Acceptance
    """ The recipient's acceptance of an award. """
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        acceptance: str = self.acceptance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "acceptance": acceptance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 1
            if complete:
                _acceptance = src_dict["acceptance"]
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            _acceptance = src_dict["acceptance"]
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 1

        acceptance = check_acceptance(_acceptance)

        if cls is AcceptanceInput:  # what attrs' __init__ would do, without its call overhead
            acceptance_input = _new_object(cls)
            acceptance_input.acceptance = acceptance
        else:  # a subclass may bring fields or an __init__ of its own
            acceptance_input = cls(
                acceptance=acceptance,
            )

        if has_extra_keys:
            acceptance_input.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return acceptance_input

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


AcceptanceInput.additional_properties = empty_dict_until_set(AcceptanceInput.additional_properties)  # type: ignore[assignment]
