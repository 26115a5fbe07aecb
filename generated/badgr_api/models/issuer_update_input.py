from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

if TYPE_CHECKING:
    from ..models.extensions import Extensions
    from ..models.staff_ref_input import StaffRefInput


T = TypeVar("T", bound="IssuerUpdateInput")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "name",
    "email",
    "url",
    "description",
    "image",
    "badgrDomain",
    "staff",
    "extensions",
)
_FIELD_NAMES = frozenset(
    (
        "name",
        "email",
        "url",
        "description",
        "image",
        "badgrDomain",
        "staff",
        "extensions",
    )
)


@_attrs_define
class IssuerUpdateInput:
    name: str
    email: str
    url: str
    description: None | str
    image: None | str | Unset = UNSET
    """ A URL or a base64 PNG/SVG data URI. """
    badgr_domain: str | Unset = UNSET
    staff: list[StaffRefInput] | Unset = UNSET
    extensions: Extensions | Unset = UNSET
    """ Open Badges extensions, keyed by extension name. """
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        email = self.email

        url = self.url

        description: None | str
        description = self.description

        image: None | str | Unset
        if isinstance(self.image, Unset):
            image = UNSET
        else:
            image = self.image

        badgr_domain = self.badgr_domain

        staff: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.staff, Unset):
            staff = []
            for staff_item_data in self.staff:
                staff_item = staff_item_data.to_dict()
                staff.append(staff_item)

        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "email": email,
                "url": url,
                "description": description,
            }
        )
        if image is not UNSET:
            field_dict["image"] = image
        if badgr_domain is not UNSET:
            field_dict["badgrDomain"] = badgr_domain
        if staff is not UNSET:
            field_dict["staff"] = staff
        if extensions is not UNSET:
            field_dict["extensions"] = extensions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 8
            if complete:
                (
                    name,
                    email,
                    url,
                    description,
                    image,
                    badgr_domain,
                    _staff,
                    _extensions,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            name = src_dict["name"]
            email = src_dict["email"]
            url = src_dict["url"]
            description = src_dict["description"]
            image = src_dict.get("image", UNSET)
            badgr_domain = src_dict.get("badgrDomain", UNSET)
            _staff = src_dict.get("staff", UNSET)
            _extensions = src_dict.get("extensions", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 8

        staff: list[StaffRefInput] | Unset = UNSET
        if _staff is not UNSET:
            staff = []
            for staff_item_data in _staff:
                staff_item = StaffRefInput.from_dict(staff_item_data)

                staff.append(staff_item)

        extensions: Extensions | Unset
        if _extensions is UNSET:
            extensions = UNSET
        else:
            extensions = Extensions.from_dict(_extensions)

        if cls is IssuerUpdateInput:  # what attrs' __init__ would do, without its call overhead
            issuer_update_input = _new_object(cls)
            issuer_update_input.name = name
            issuer_update_input.email = email
            issuer_update_input.url = url
            issuer_update_input.description = description
            issuer_update_input.image = image
            issuer_update_input.badgr_domain = badgr_domain
            issuer_update_input.staff = staff
            issuer_update_input.extensions = extensions
        else:  # a subclass may bring fields or an __init__ of its own
            issuer_update_input = cls(
                name=name,
                email=email,
                url=url,
                description=description,
                image=image,
                badgr_domain=badgr_domain,
                staff=staff,
                extensions=extensions,
            )

        if has_extra_keys:
            issuer_update_input.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return issuer_update_input

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


IssuerUpdateInput.additional_properties = empty_dict_until_set(IssuerUpdateInput.additional_properties)  # type: ignore[assignment]
from ..models.extensions import Extensions
from ..models.staff_ref_input import StaffRefInput
