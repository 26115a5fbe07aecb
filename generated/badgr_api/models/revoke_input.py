from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import empty_dict_until_set

T = TypeVar("T", bound="RevokeInput")
_new_object = object.__new__
_FIELD_NAMES = frozenset(("revocation_reason",))


@_attrs_define
class RevokeInput:
    revocation_reason: str
    """ Why the assertion was revoked. """
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        revocation_reason = self.revocation_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "revocation_reason": revocation_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 1
            if complete:
                revocation_reason = src_dict["revocation_reason"]
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            revocation_reason = src_dict["revocation_reason"]
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 1

        if cls is RevokeInput:  # what attrs' __init__ would do, without its call overhead
            revoke_input = _new_object(cls)
            revoke_input.revocation_reason = revocation_reason
        else:  # a subclass may bring fields or an __init__ of its own
            revoke_input = cls(
                revocation_reason=revocation_reason,
            )

        if has_extra_keys:
            revoke_input.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return revoke_input

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


RevokeInput.additional_properties = empty_dict_until_set(RevokeInput.additional_properties)  # type: ignore[assignment]
