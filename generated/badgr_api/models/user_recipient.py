from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="UserRecipient")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "identity",
    "type",
)
_FIELD_NAMES = frozenset(
    (
        "identity",
        "type",
    )
)


@_attrs_define
class UserRecipient:
    identity: str | Unset = UNSET
    type_: str | Unset = UNSET
    """ Recipient identifier type, e.g. `email`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        identity = self.identity

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if identity is not UNSET:
            field_dict["identity"] = identity
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 2
            if complete:
                (
                    identity,
                    type_,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            identity = src_dict.get("identity", UNSET)
            type_ = src_dict.get("type", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 2

        if cls is UserRecipient:  # what attrs' __init__ would do, without its call overhead
            user_recipient = _new_object(cls)
            user_recipient.identity = identity
            user_recipient.type_ = type_
        else:  # a subclass may bring fields or an __init__ of its own
            user_recipient = cls(
                identity=identity,
                type_=type_,
            )

        if has_extra_keys:
            user_recipient.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return user_recipient

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


UserRecipient.additional_properties = empty_dict_until_set(UserRecipient.additional_properties)  # type: ignore[assignment]
