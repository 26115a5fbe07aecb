from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.alignment_input import AlignmentInput
    from ..models.badge_class_preferences import BadgeClassPreferences
    from ..models.expiration import Expiration
    from ..models.extensions import Extensions
    from ..models.ob_3_properties import Ob3Properties


T = TypeVar("T", bound="BadgeClassUpdateInput")


@_attrs_define
class BadgeClassUpdateInput:
    """A PUT of a badge class: every field, as on creation (criteria as `criteriaNarrative` and/or `criteriaUrl`). Its own
    schema because servers differ in what a PUT may leave out.

    """

    name: str
    image: str
    """ A URL or a base64 PNG/SVG data URI. """
    description: str
    issuer: str | Unset = UNSET
    """ Entity ID of the issuer """
    image_alt_text: str | Unset = UNSET
    achievement_type: str | Unset = UNSET
    criteria_url: None | str | Unset = UNSET
    criteria_narrative: str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    alignments: list[AlignmentInput] | Unset = UNSET
    expires: Expiration | None | Unset = UNSET
    extensions: Extensions | Unset = UNSET
    """ Open Badges extensions, keyed by extension name. """
    ob_3_properties: Ob3Properties | Unset = UNSET
    """ Open Badges 3.0 achievement properties. """
    preferences: BadgeClassPreferences | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        image = self.image

        description = self.description

        issuer = self.issuer

        image_alt_text = self.image_alt_text

        achievement_type = self.achievement_type

        criteria_url: None | str | Unset
        if isinstance(self.criteria_url, Unset):
            criteria_url = UNSET
        else:
            criteria_url = self.criteria_url

        criteria_narrative = self.criteria_narrative

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        alignments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.alignments, Unset):
            alignments = []
            for alignments_item_data in self.alignments:
                alignments_item = alignments_item_data.to_dict()
                alignments.append(alignments_item)

        expires: dict[str, Any] | None | Unset
        if isinstance(self.expires, Unset):
            expires = UNSET
        elif isinstance(self.expires, Expiration):
            expires = self.expires.to_dict()
        else:
            expires = self.expires

        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()

        ob_3_properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ob_3_properties, Unset):
            ob_3_properties = self.ob_3_properties.to_dict()

        preferences: dict[str, Any] | Unset = UNSET
        if not isinstance(self.preferences, Unset):
            preferences = self.preferences.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "image": image,
                "description": description,
            }
        )
        if issuer is not UNSET:
            field_dict["issuer"] = issuer
        if image_alt_text is not UNSET:
            field_dict["imageAltText"] = image_alt_text
        if achievement_type is not UNSET:
            field_dict["achievementType"] = achievement_type
        if criteria_url is not UNSET:
            field_dict["criteriaUrl"] = criteria_url
        if criteria_narrative is not UNSET:
            field_dict["criteriaNarrative"] = criteria_narrative
        if tags is not UNSET:
            field_dict["tags"] = tags
        if alignments is not UNSET:
            field_dict["alignments"] = alignments
        if expires is not UNSET:
            field_dict["expires"] = expires
        if extensions is not UNSET:
            field_dict["extensions"] = extensions
        if ob_3_properties is not UNSET:
            field_dict["ob3Properties"] = ob_3_properties
        if preferences is not UNSET:
            field_dict["preferences"] = preferences

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        image = d.pop("image")

        description = d.pop("description")

        issuer = d.pop("issuer", UNSET)

        image_alt_text = d.pop("imageAltText", UNSET)

        achievement_type = d.pop("achievementType", UNSET)

        criteria_url: None | str | Unset = d.pop("criteriaUrl", UNSET)

        criteria_narrative = d.pop("criteriaNarrative", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        _alignments = d.pop("alignments", UNSET)
        alignments: list[AlignmentInput] | Unset = UNSET
        if _alignments is not UNSET:
            alignments = []
            for alignments_item_data in _alignments:
                alignments_item = AlignmentInput.from_dict(alignments_item_data)

                alignments.append(alignments_item)

        _expires = d.pop("expires", UNSET)
        expires: Expiration | None | Unset
        if _expires is None or isinstance(_expires, Unset):
            expires = _expires
        else:
            try:
                if not isinstance(_expires, dict):
                    raise TypeError()
                expires_type_0 = Expiration.from_dict(_expires)

                expires = expires_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                expires = cast(Expiration | None | Unset, _expires)

        _extensions = d.pop("extensions", UNSET)
        extensions: Extensions | Unset
        if isinstance(_extensions, Unset):
            extensions = UNSET
        else:
            extensions = Extensions.from_dict(_extensions)

        _ob_3_properties = d.pop("ob3Properties", UNSET)
        ob_3_properties: Ob3Properties | Unset
        if isinstance(_ob_3_properties, Unset):
            ob_3_properties = UNSET
        else:
            ob_3_properties = Ob3Properties.from_dict(_ob_3_properties)

        _preferences = d.pop("preferences", UNSET)
        preferences: BadgeClassPreferences | Unset
        if isinstance(_preferences, Unset):
            preferences = UNSET
        else:
            preferences = BadgeClassPreferences.from_dict(_preferences)

        badge_class_update_input = cls(
            name=name,
            image=image,
            description=description,
            issuer=issuer,
            image_alt_text=image_alt_text,
            achievement_type=achievement_type,
            criteria_url=criteria_url,
            criteria_narrative=criteria_narrative,
            tags=tags,
            alignments=alignments,
            expires=expires,
            extensions=extensions,
            ob_3_properties=ob_3_properties,
            preferences=preferences,
        )

        badge_class_update_input.additional_properties = d
        return badge_class_update_input

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


from ..models.alignment_input import AlignmentInput
from ..models.badge_class_preferences import BadgeClassPreferences
from ..models.expiration import Expiration
from ..models.extensions import Extensions
from ..models.ob_3_properties import Ob3Properties
