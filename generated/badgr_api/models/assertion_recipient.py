from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recipient_type import RecipientType, check_recipient_type
from ..types import UNSET, Unset, empty_dict_until_set

T = TypeVar("T", bound="AssertionRecipient")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "identity",
    "hashed",
    "type",
    "salt",
    "plaintextIdentity",
)
_FIELD_NAMES = frozenset(
    (
        "identity",
        "hashed",
        "type",
        "salt",
        "plaintextIdentity",
    )
)


@_attrs_define
class AssertionRecipient:
    identity: str
    """ The identifier, or `sha256$<hex>` of identity + salt when hashed. """
    hashed: bool | Unset = UNSET
    type_: RecipientType | Unset = UNSET
    """ Kind of recipient identifier (`email` is the default). """
    salt: None | str | Unset = UNSET
    plaintext_identity: None | str | Unset = UNSET
    """ Shown to the issuer's staff only. """
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        identity = self.identity

        hashed = self.hashed

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        salt: None | str | Unset
        if isinstance(self.salt, Unset):
            salt = UNSET
        else:
            salt = self.salt

        plaintext_identity: None | str | Unset
        if isinstance(self.plaintext_identity, Unset):
            plaintext_identity = UNSET
        else:
            plaintext_identity = self.plaintext_identity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "identity": identity,
            }
        )
        if hashed is not UNSET:
            field_dict["hashed"] = hashed
        if type_ is not UNSET:
            field_dict["type"] = type_
        if salt is not UNSET:
            field_dict["salt"] = salt
        if plaintext_identity is not UNSET:
            field_dict["plaintextIdentity"] = plaintext_identity

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 5
            if complete:
                (
                    identity,
                    hashed,
                    _type_,
                    salt,
                    plaintext_identity,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            identity = src_dict["identity"]
            hashed = src_dict.get("hashed", UNSET)
            _type_ = src_dict.get("type", UNSET)
            salt = src_dict.get("salt", UNSET)
            plaintext_identity = src_dict.get("plaintextIdentity", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 5

        type_: RecipientType | Unset
        if _type_ is UNSET:
            type_ = UNSET
        else:
            type_ = check_recipient_type(_type_)

        if cls is AssertionRecipient:  # what attrs' __init__ would do, without its call overhead
            assertion_recipient = _new_object(cls)
            assertion_recipient.identity = identity
            assertion_recipient.hashed = hashed
            assertion_recipient.type_ = type_
            assertion_recipient.salt = salt
            assertion_recipient.plaintext_identity = plaintext_identity
        else:  # a subclass may bring fields or an __init__ of its own
            assertion_recipient = cls(
                identity=identity,
                hashed=hashed,
                type_=type_,
                salt=salt,
                plaintext_identity=plaintext_identity,
            )

        if has_extra_keys:
            assertion_recipient.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return assertion_recipient

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


AssertionRecipient.additional_properties = empty_dict_until_set(AssertionRecipient.additional_properties)  # type: ignore[assignment]
