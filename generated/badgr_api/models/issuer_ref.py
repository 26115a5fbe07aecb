from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="IssuerRef")
_new_object = object.__new__
_FIELD_NAMES = frozenset(("issuerUrl",))


@_attrs_define
class IssuerRef:
    issuer_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        issuer_url = self.issuer_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if issuer_url is not UNSET:
            field_dict["issuerUrl"] = issuer_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 1
            if complete:
                issuer_url = src_dict["issuerUrl"]
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            issuer_url = src_dict.get("issuerUrl", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 1

        if cls is IssuerRef:  # what attrs' __init__ would do, without its call overhead
            issuer_ref = _new_object(cls)
            issuer_ref.issuer_url = issuer_url
        else:  # a subclass may bring fields or an __init__ of its own
            issuer_ref = cls(
                issuer_url=issuer_url,
            )

        if has_extra_keys:
            issuer_ref.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return issuer_ref

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


IssuerRef.additional_properties = empty_dict_until_set(IssuerRef.additional_properties)  # type: ignore[assignment]
