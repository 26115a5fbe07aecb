from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

if TYPE_CHECKING:
    from ..models.custom_property_value import CustomPropertyValue


T = TypeVar("T", bound="BadgeClassPreferences")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "includeOnPublicPages",
    "customPropertyValues",
    "enabledPrintCertTemplateIds",
    "defaultPrintCertTemplateId",
)
_FIELD_NAMES = frozenset(
    (
        "includeOnPublicPages",
        "customPropertyValues",
        "enabledPrintCertTemplateIds",
        "defaultPrintCertTemplateId",
    )
)


@_attrs_define
class BadgeClassPreferences:
    include_on_public_pages: bool | Unset = UNSET
    custom_property_values: list[CustomPropertyValue] | Unset = UNSET
    enabled_print_cert_template_ids: list[str] | Unset = UNSET
    default_print_cert_template_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        include_on_public_pages = self.include_on_public_pages

        custom_property_values: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.custom_property_values, Unset):
            custom_property_values = []
            for custom_property_values_item_data in self.custom_property_values:
                custom_property_values_item = custom_property_values_item_data.to_dict()
                custom_property_values.append(custom_property_values_item)

        enabled_print_cert_template_ids: list[str] | Unset = UNSET
        if not isinstance(self.enabled_print_cert_template_ids, Unset):
            enabled_print_cert_template_ids = self.enabled_print_cert_template_ids

        default_print_cert_template_id: None | str | Unset
        if isinstance(self.default_print_cert_template_id, Unset):
            default_print_cert_template_id = UNSET
        else:
            default_print_cert_template_id = self.default_print_cert_template_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if include_on_public_pages is not UNSET:
            field_dict["includeOnPublicPages"] = include_on_public_pages
        if custom_property_values is not UNSET:
            field_dict["customPropertyValues"] = custom_property_values
        if enabled_print_cert_template_ids is not UNSET:
            field_dict["enabledPrintCertTemplateIds"] = enabled_print_cert_template_ids
        if default_print_cert_template_id is not UNSET:
            field_dict["defaultPrintCertTemplateId"] = default_print_cert_template_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 4
            if complete:
                (
                    include_on_public_pages,
                    _custom_property_values,
                    _enabled_print_cert_template_ids,
                    default_print_cert_template_id,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            include_on_public_pages = src_dict.get("includeOnPublicPages", UNSET)
            _custom_property_values = src_dict.get("customPropertyValues", UNSET)
            _enabled_print_cert_template_ids = src_dict.get("enabledPrintCertTemplateIds", UNSET)
            default_print_cert_template_id = src_dict.get("defaultPrintCertTemplateId", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 4

        custom_property_values: list[CustomPropertyValue] | Unset = UNSET
        if _custom_property_values is not UNSET:
            custom_property_values = []
            for custom_property_values_item_data in _custom_property_values:
                custom_property_values_item = CustomPropertyValue.from_dict(custom_property_values_item_data)

                custom_property_values.append(custom_property_values_item)

        enabled_print_cert_template_ids = cast(list[str], _enabled_print_cert_template_ids)

        if cls is BadgeClassPreferences:  # what attrs' __init__ would do, without its call overhead
            badge_class_preferences = _new_object(cls)
            badge_class_preferences.include_on_public_pages = include_on_public_pages
            badge_class_preferences.custom_property_values = custom_property_values
            badge_class_preferences.enabled_print_cert_template_ids = enabled_print_cert_template_ids
            badge_class_preferences.default_print_cert_template_id = default_print_cert_template_id
        else:  # a subclass may bring fields or an __init__ of its own
            badge_class_preferences = cls(
                include_on_public_pages=include_on_public_pages,
                custom_property_values=custom_property_values,
                enabled_print_cert_template_ids=enabled_print_cert_template_ids,
                default_print_cert_template_id=default_print_cert_template_id,
            )

        if has_extra_keys:
            badge_class_preferences.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return badge_class_preferences

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


BadgeClassPreferences.additional_properties = empty_dict_until_set(BadgeClassPreferences.additional_properties)  # type: ignore[assignment]
from ..models.custom_property_value import CustomPropertyValue
