from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="CustomPropertyValue")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "propertyId",
    "stringValue",
    "doubleValue",
    "arrayValue",
    "public",
)
_FIELD_NAMES = frozenset(
    (
        "propertyId",
        "stringValue",
        "doubleValue",
        "arrayValue",
        "public",
    )
)


@_attrs_define
class CustomPropertyValue:
    property_id: str | Unset = UNSET
    string_value: None | str | Unset = UNSET
    double_value: float | None | Unset = UNSET
    array_value: list[str] | Unset = UNSET
    public: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        property_id = self.property_id

        string_value: None | str | Unset
        if isinstance(self.string_value, Unset):
            string_value = UNSET
        else:
            string_value = self.string_value

        double_value: float | None | Unset
        if isinstance(self.double_value, Unset):
            double_value = UNSET
        else:
            double_value = self.double_value

        array_value: list[str] | Unset = UNSET
        if not isinstance(self.array_value, Unset):
            array_value = self.array_value

        public = self.public

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if property_id is not UNSET:
            field_dict["propertyId"] = property_id
        if string_value is not UNSET:
            field_dict["stringValue"] = string_value
        if double_value is not UNSET:
            field_dict["doubleValue"] = double_value
        if array_value is not UNSET:
            field_dict["arrayValue"] = array_value
        if public is not UNSET:
            field_dict["public"] = public

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 5
            if complete:
                (
                    property_id,
                    string_value,
                    double_value,
                    _array_value,
                    public,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            property_id = src_dict.get("propertyId", UNSET)
            string_value = src_dict.get("stringValue", UNSET)
            double_value = src_dict.get("doubleValue", UNSET)
            _array_value = src_dict.get("arrayValue", UNSET)
            public = src_dict.get("public", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 5

        array_value = cast(list[str], _array_value)

        if cls is CustomPropertyValue:  # what attrs' __init__ would do, without its call overhead
            custom_property_value = _new_object(cls)
            custom_property_value.property_id = property_id
            custom_property_value.string_value = string_value
            custom_property_value.double_value = double_value
            custom_property_value.array_value = array_value
            custom_property_value.public = public
        else:  # a subclass may bring fields or an __init__ of its own
            custom_property_value = cls(
                property_id=property_id,
                string_value=string_value,
                double_value=double_value,
                array_value=array_value,
                public=public,
            )

        if has_extra_keys:
            custom_property_value.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return custom_property_value

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


CustomPropertyValue.additional_properties = empty_dict_until_set(CustomPropertyValue.additional_properties)  # type: ignore[assignment]
