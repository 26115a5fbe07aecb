from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

if TYPE_CHECKING:
    from ..models.custom_property_choice import CustomPropertyChoice


T = TypeVar("T", bound="CustomPropertyDefinition")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "propertyType",
    "targetEntityType",
    "propertyId",
    "label",
    "subLabel",
    "public",
    "required",
    "choiceValues",
)
_FIELD_NAMES = frozenset(
    (
        "propertyType",
        "targetEntityType",
        "propertyId",
        "label",
        "subLabel",
        "public",
        "required",
        "choiceValues",
    )
)


@_attrs_define
class CustomPropertyDefinition:
    property_type: str | Unset = UNSET
    """ Known value `STRING_CHOICE`; servers may add others. """
    target_entity_type: str | Unset = UNSET
    """ Known value `BADGE_CLASS`; servers may add others. """
    property_id: str | Unset = UNSET
    label: str | Unset = UNSET
    sub_label: None | str | Unset = UNSET
    public: bool | Unset = UNSET
    required: bool | Unset = UNSET
    choice_values: list[CustomPropertyChoice] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        property_type = self.property_type

        target_entity_type = self.target_entity_type

        property_id = self.property_id

        label = self.label

        sub_label: None | str | Unset
        if isinstance(self.sub_label, Unset):
            sub_label = UNSET
        else:
            sub_label = self.sub_label

        public = self.public

        required = self.required

        choice_values: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.choice_values, Unset):
            choice_values = []
            for choice_values_item_data in self.choice_values:
                choice_values_item = choice_values_item_data.to_dict()
                choice_values.append(choice_values_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if property_type is not UNSET:
            field_dict["propertyType"] = property_type
        if target_entity_type is not UNSET:
            field_dict["targetEntityType"] = target_entity_type
        if property_id is not UNSET:
            field_dict["propertyId"] = property_id
        if label is not UNSET:
            field_dict["label"] = label
        if sub_label is not UNSET:
            field_dict["subLabel"] = sub_label
        if public is not UNSET:
            field_dict["public"] = public
        if required is not UNSET:
            field_dict["required"] = required
        if choice_values is not UNSET:
            field_dict["choiceValues"] = choice_values

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 8
            if complete:
                (
                    property_type,
                    target_entity_type,
                    property_id,
                    label,
                    sub_label,
                    public,
                    required,
                    _choice_values,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            property_type = src_dict.get("propertyType", UNSET)
            target_entity_type = src_dict.get("targetEntityType", UNSET)
            property_id = src_dict.get("propertyId", UNSET)
            label = src_dict.get("label", UNSET)
            sub_label = src_dict.get("subLabel", UNSET)
            public = src_dict.get("public", UNSET)
            required = src_dict.get("required", UNSET)
            _choice_values = src_dict.get("choiceValues", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 8

        choice_values: list[CustomPropertyChoice] | Unset = UNSET
        if _choice_values is not UNSET:
            choice_values = []
            for choice_values_item_data in _choice_values:
                choice_values_item = CustomPropertyChoice.from_dict(choice_values_item_data)

                choice_values.append(choice_values_item)

        if cls is CustomPropertyDefinition:  # what attrs' __init__ would do, without its call overhead
            custom_property_definition = _new_object(cls)
            custom_property_definition.property_type = property_type
            custom_property_definition.target_entity_type = target_entity_type
            custom_property_definition.property_id = property_id
            custom_property_definition.label = label
            custom_property_definition.sub_label = sub_label
            custom_property_definition.public = public
            custom_property_definition.required = required
            custom_property_definition.choice_values = choice_values
        else:  # a subclass may bring fields or an __init__ of its own
            custom_property_definition = cls(
                property_type=property_type,
                target_entity_type=target_entity_type,
                property_id=property_id,
                label=label,
                sub_label=sub_label,
                public=public,
                required=required,
                choice_values=choice_values,
            )

        if has_extra_keys:
            custom_property_definition.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return custom_property_definition

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


CustomPropertyDefinition.additional_properties = empty_dict_until_set(CustomPropertyDefinition.additional_properties)  # type: ignore[assignment]
from ..models.custom_property_choice import CustomPropertyChoice
