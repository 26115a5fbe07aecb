from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recipient_type import RecipientType, check_recipient_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssertionRecipient")


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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
        d = dict(src_dict)
        identity = d.pop("identity")

        hashed = d.pop("hashed", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: RecipientType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_recipient_type(_type_)

        salt: None | str | Unset = d.pop("salt", UNSET)

        plaintext_identity: None | str | Unset = d.pop("plaintextIdentity", UNSET)

        assertion_recipient = cls(
            identity=identity,
            hashed=hashed,
            type_=type_,
            salt=salt,
            plaintext_identity=plaintext_identity,
        )

        assertion_recipient.additional_properties = d
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
