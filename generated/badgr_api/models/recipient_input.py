from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recipient_type import RecipientType, check_recipient_type
from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="RecipientInput")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "identity",
    "type",
    "hashed",
)
_FIELD_NAMES = frozenset(
    (
        "identity",
        "type",
        "hashed",
    )
)


@_attrs_define
class RecipientInput:
    identity: str
    """ An e-mail address, telephone number, URL or Open Badge id, per `type`. """
    type_: RecipientType | Unset = UNSET
    """ Kind of recipient identifier (`email` is the default). """
    hashed: bool | Unset = UNSET
    """ Defaults to true for email and telephone, false for url and openBadgeId. """
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        identity = self.identity

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        hashed = self.hashed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "identity": identity,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if hashed is not UNSET:
            field_dict["hashed"] = hashed

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 3
            if complete:
                (
                    identity,
                    _type_,
                    hashed,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            identity = src_dict["identity"]
            _type_ = src_dict.get("type", UNSET)
            hashed = src_dict.get("hashed", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 3

        type_: RecipientType | Unset
        if _type_ is UNSET:
            type_ = UNSET
        else:
            type_ = check_recipient_type(_type_)

        if cls is RecipientInput:  # what attrs' __init__ would do, without its call overhead
            recipient_input = _new_object(cls)
            recipient_input.identity = identity
            recipient_input.type_ = type_
            recipient_input.hashed = hashed
        else:  # a subclass may bring fields or an __init__ of its own
            recipient_input = cls(
                identity=identity,
                type_=type_,
                hashed=hashed,
            )

        if has_extra_keys:
            recipient_input.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return recipient_input

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


RecipientInput.additional_properties = empty_dict_until_set(RecipientInput.additional_properties)  # type: ignore[assignment]
