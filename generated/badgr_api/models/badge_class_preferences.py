from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.custom_property_value import CustomPropertyValue


T = TypeVar("T", bound="BadgeClassPreferences")

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
            (
                include_on_public_pages,
                _custom_property_values,
                _enabled_print_cert_template_ids,
                default_print_cert_template_id,
            ) = _read_all_fields(src_dict)
        except KeyError:  # an optional key is absent, or a required one (raised again just below)
            include_on_public_pages = src_dict.get("includeOnPublicPages", UNSET)
            _custom_property_values = src_dict.get("customPropertyValues", UNSET)
            _enabled_print_cert_template_ids = src_dict.get("enabledPrintCertTemplateIds", UNSET)
            default_print_cert_template_id = src_dict.get("defaultPrintCertTemplateId", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        except TypeError:  # not a mapping: converted with dict() as the stock template does
            return cls.from_dict(dict(src_dict))
        else:
            has_extra_keys = len(src_dict) > 4

        custom_property_values: list[CustomPropertyValue] | Unset = UNSET
        if _custom_property_values is not UNSET:
            custom_property_values = []
            for custom_property_values_item_data in _custom_property_values:
                custom_property_values_item = CustomPropertyValue.from_dict(custom_property_values_item_data)

                custom_property_values.append(custom_property_values_item)

        enabled_print_cert_template_ids = cast(list[str], _enabled_print_cert_template_ids)

        badge_class_preferences = cls(
            include_on_public_pages,
            custom_property_values,
            enabled_print_cert_template_ids,
            default_print_cert_template_id,
        )

        if has_extra_keys:
            badge_class_preferences.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return badge_class_preferences

    if not TYPE_CHECKING:  # type checkers keep reporting unknown attributes

        def __getattr__(self, name: str) -> Any:
            """Only reached while additional_properties is unset: it starts as an empty dict."""
            if name != "additional_properties":
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            additional_properties: dict[str, Any] = {}
            self.additional_properties = additional_properties
            return additional_properties

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


from ..models.custom_property_value import CustomPropertyValue
