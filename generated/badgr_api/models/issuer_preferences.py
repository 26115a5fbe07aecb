from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

if TYPE_CHECKING:
    from ..models.custom_property_definition import CustomPropertyDefinition


T = TypeVar("T", bound="IssuerPreferences")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "customPropertyDefinitions",
    "defaultPrintCertTemplateId",
    "enabledPrintCertTemplateIds",
)
_FIELD_NAMES = frozenset(
    (
        "customPropertyDefinitions",
        "defaultPrintCertTemplateId",
        "enabledPrintCertTemplateIds",
    )
)


@_attrs_define
class IssuerPreferences:
    custom_property_definitions: list[CustomPropertyDefinition] | Unset = UNSET
    default_print_cert_template_id: None | str | Unset = UNSET
    enabled_print_cert_template_ids: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        custom_property_definitions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.custom_property_definitions, Unset):
            custom_property_definitions = []
            for custom_property_definitions_item_data in self.custom_property_definitions:
                custom_property_definitions_item = custom_property_definitions_item_data.to_dict()
                custom_property_definitions.append(custom_property_definitions_item)

        default_print_cert_template_id: None | str | Unset
        if isinstance(self.default_print_cert_template_id, Unset):
            default_print_cert_template_id = UNSET
        else:
            default_print_cert_template_id = self.default_print_cert_template_id

        enabled_print_cert_template_ids: list[str] | Unset = UNSET
        if not isinstance(self.enabled_print_cert_template_ids, Unset):
            enabled_print_cert_template_ids = self.enabled_print_cert_template_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if custom_property_definitions is not UNSET:
            field_dict["customPropertyDefinitions"] = custom_property_definitions
        if default_print_cert_template_id is not UNSET:
            field_dict["defaultPrintCertTemplateId"] = default_print_cert_template_id
        if enabled_print_cert_template_ids is not UNSET:
            field_dict["enabledPrintCertTemplateIds"] = enabled_print_cert_template_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 3
            if complete:
                (
                    _custom_property_definitions,
                    default_print_cert_template_id,
                    _enabled_print_cert_template_ids,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            _custom_property_definitions = src_dict.get("customPropertyDefinitions", UNSET)
            default_print_cert_template_id = src_dict.get("defaultPrintCertTemplateId", UNSET)
            _enabled_print_cert_template_ids = src_dict.get("enabledPrintCertTemplateIds", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 3

        custom_property_definitions: list[CustomPropertyDefinition] | Unset = UNSET
        if _custom_property_definitions is not UNSET:
            custom_property_definitions = []
            for custom_property_definitions_item_data in _custom_property_definitions:
                custom_property_definitions_item = CustomPropertyDefinition.from_dict(
                    custom_property_definitions_item_data
                )

                custom_property_definitions.append(custom_property_definitions_item)

        enabled_print_cert_template_ids = cast(list[str], _enabled_print_cert_template_ids)

        if cls is IssuerPreferences:  # what attrs' __init__ would do, without its call overhead
            issuer_preferences = _new_object(cls)
            issuer_preferences.custom_property_definitions = custom_property_definitions
            issuer_preferences.default_print_cert_template_id = default_print_cert_template_id
            issuer_preferences.enabled_print_cert_template_ids = enabled_print_cert_template_ids
        else:  # a subclass may bring fields or an __init__ of its own
            issuer_preferences = cls(
                custom_property_definitions=custom_property_definitions,
                default_print_cert_template_id=default_print_cert_template_id,
                enabled_print_cert_template_ids=enabled_print_cert_template_ids,
            )

        if has_extra_keys:
            issuer_preferences.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return issuer_preferences

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


IssuerPreferences.additional_properties = empty_dict_until_set(IssuerPreferences.additional_properties)  # type: ignore[assignment]
from ..models.custom_property_definition import CustomPropertyDefinition
