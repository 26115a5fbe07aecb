from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

if TYPE_CHECKING:
    from ..models.staff_ref_input import StaffRefInput


T = TypeVar("T", bound="IssuerInput")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "name",
    "email",
    "url",
    "sourceUrl",
    "originalJson",
    "image",
    "description",
    "badgrDomain",
    "createdBy",
    "organizationId",
    "staff",
)
_FIELD_NAMES = frozenset(
    (
        "name",
        "email",
        "url",
        "sourceUrl",
        "originalJson",
        "image",
        "description",
        "badgrDomain",
        "createdBy",
        "organizationId",
        "staff",
    )
)


@_attrs_define
class IssuerInput:
    name: str
    """ Name of the issuer """
    email: str
    """ Contact email for the Issuer; one of the caller's verified addresses. """
    url: str
    """ Homepage or website associated with the Issuer """
    source_url: str | Unset = UNSET
    """ The original URL of the issuer if it was imported """
    original_json: str | Unset = UNSET
    """ The original OB JSON of the issuer if it was imported """
    image: None | str | Unset = UNSET
    """ Image of the issuer. A URL or a base64 PNG/SVG data URI. """
    description: None | str | Unset = UNSET
    """ Short description of the Issuer """
    badgr_domain: str | Unset = UNSET
    """ Organization domain host """
    created_by: str | Unset = UNSET
    """ User who created this issuer """
    organization_id: str | Unset = UNSET
    """ The ID of the organization which this issuer should be associated with. Requires organization write access.
    """
    staff: list[StaffRefInput] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        email = self.email

        url = self.url

        source_url = self.source_url

        original_json = self.original_json

        image: None | str | Unset
        if isinstance(self.image, Unset):
            image = UNSET
        else:
            image = self.image

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        badgr_domain = self.badgr_domain

        created_by = self.created_by

        organization_id = self.organization_id

        staff: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.staff, Unset):
            staff = []
            for staff_item_data in self.staff:
                staff_item = staff_item_data.to_dict()
                staff.append(staff_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "email": email,
                "url": url,
            }
        )
        if source_url is not UNSET:
            field_dict["sourceUrl"] = source_url
        if original_json is not UNSET:
            field_dict["originalJson"] = original_json
        if image is not UNSET:
            field_dict["image"] = image
        if description is not UNSET:
            field_dict["description"] = description
        if badgr_domain is not UNSET:
            field_dict["badgrDomain"] = badgr_domain
        if created_by is not UNSET:
            field_dict["createdBy"] = created_by
        if organization_id is not UNSET:
            field_dict["organizationId"] = organization_id
        if staff is not UNSET:
            field_dict["staff"] = staff

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 11
            if complete:
                (
                    name,
                    email,
                    url,
                    source_url,
                    original_json,
                    image,
                    description,
                    badgr_domain,
                    created_by,
                    organization_id,
                    _staff,
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
            source_url = src_dict.get("sourceUrl", UNSET)
            original_json = src_dict.get("originalJson", UNSET)
            image = src_dict.get("image", UNSET)
            description = src_dict.get("description", UNSET)
            badgr_domain = src_dict.get("badgrDomain", UNSET)
            created_by = src_dict.get("createdBy", UNSET)
            organization_id = src_dict.get("organizationId", UNSET)
            _staff = src_dict.get("staff", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 11

        staff: list[StaffRefInput] | Unset = UNSET
        if _staff is not UNSET:
            staff = []
            for staff_item_data in _staff:
                staff_item = StaffRefInput.from_dict(staff_item_data)

                staff.append(staff_item)

        if cls is IssuerInput:  # what attrs' __init__ would do, without its call overhead
            issuer_input = _new_object(cls)
            issuer_input.name = name
            issuer_input.email = email
            issuer_input.url = url
            issuer_input.source_url = source_url
            issuer_input.original_json = original_json
            issuer_input.image = image
            issuer_input.description = description
            issuer_input.badgr_domain = badgr_domain
            issuer_input.created_by = created_by
            issuer_input.organization_id = organization_id
            issuer_input.staff = staff
        else:  # a subclass may bring fields or an __init__ of its own
            issuer_input = cls(
                name=name,
                email=email,
                url=url,
                source_url=source_url,
                original_json=original_json,
                image=image,
                description=description,
                badgr_domain=badgr_domain,
                created_by=created_by,
                organization_id=organization_id,
                staff=staff,
            )

        if has_extra_keys:
            issuer_input.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return issuer_input

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


IssuerInput.additional_properties = empty_dict_until_set(IssuerInput.additional_properties)  # type: ignore[assignment]
from ..models.staff_ref_input import StaffRefInput
