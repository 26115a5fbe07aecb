from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

if TYPE_CHECKING:
    from ..models.alignment_input import AlignmentInput
    from ..models.badge_class_preferences import BadgeClassPreferences
    from ..models.expiration import Expiration
    from ..models.extensions import Extensions
    from ..models.ob_3_properties import Ob3Properties


T = TypeVar("T", bound="BadgeClassInput")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "name",
    "image",
    "description",
    "issuer",
    "imageAltText",
    "achievementType",
    "criteriaUrl",
    "criteriaNarrative",
    "tags",
    "alignments",
    "expires",
    "extensions",
    "ob3Properties",
    "preferences",
)
_FIELD_NAMES = frozenset(
    (
        "name",
        "image",
        "description",
        "issuer",
        "imageAltText",
        "achievementType",
        "criteriaUrl",
        "criteriaNarrative",
        "tags",
        "alignments",
        "expires",
        "extensions",
        "ob3Properties",
        "preferences",
    )
)


@_attrs_define
class BadgeClassInput:
    """Criteria are required as `criteriaNarrative` and/or `criteriaUrl`."""

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
    additional_properties: dict[str, Any] = _attrs_field(init=False)

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
        try:
            complete = len(src_dict) >= 14
            if complete:
                (
                    name,
                    image,
                    description,
                    issuer,
                    image_alt_text,
                    achievement_type,
                    criteria_url,
                    criteria_narrative,
                    _tags,
                    _alignments,
                    _expires,
                    _extensions,
                    _ob_3_properties,
                    _preferences,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            name = src_dict["name"]
            image = src_dict["image"]
            description = src_dict["description"]
            issuer = src_dict.get("issuer", UNSET)
            image_alt_text = src_dict.get("imageAltText", UNSET)
            achievement_type = src_dict.get("achievementType", UNSET)
            criteria_url = src_dict.get("criteriaUrl", UNSET)
            criteria_narrative = src_dict.get("criteriaNarrative", UNSET)
            _tags = src_dict.get("tags", UNSET)
            _alignments = src_dict.get("alignments", UNSET)
            _expires = src_dict.get("expires", UNSET)
            _extensions = src_dict.get("extensions", UNSET)
            _ob_3_properties = src_dict.get("ob3Properties", UNSET)
            _preferences = src_dict.get("preferences", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 14

        tags = cast(list[str], _tags)

        alignments: list[AlignmentInput] | Unset = UNSET
        if _alignments is not UNSET:
            alignments = []
            for alignments_item_data in _alignments:
                alignments_item = AlignmentInput.from_dict(alignments_item_data)

                alignments.append(alignments_item)

        expires: Expiration | None | Unset
        if _expires is None or _expires is UNSET:
            expires = _expires
        else:
            try:
                if not isinstance(_expires, dict):
                    raise TypeError()
                expires_type_0 = Expiration.from_dict(_expires)

                expires = expires_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                expires = cast(Expiration | None | Unset, _expires)

        extensions: Extensions | Unset
        if _extensions is UNSET:
            extensions = UNSET
        else:
            extensions = Extensions.from_dict(_extensions)

        ob_3_properties: Ob3Properties | Unset
        if _ob_3_properties is UNSET:
            ob_3_properties = UNSET
        else:
            ob_3_properties = Ob3Properties.from_dict(_ob_3_properties)

        preferences: BadgeClassPreferences | Unset
        if _preferences is UNSET:
            preferences = UNSET
        else:
            preferences = BadgeClassPreferences.from_dict(_preferences)

        if cls is BadgeClassInput:  # what attrs' __init__ would do, without its call overhead
            badge_class_input = _new_object(cls)
            badge_class_input.name = name
            badge_class_input.image = image
            badge_class_input.description = description
            badge_class_input.issuer = issuer
            badge_class_input.image_alt_text = image_alt_text
            badge_class_input.achievement_type = achievement_type
            badge_class_input.criteria_url = criteria_url
            badge_class_input.criteria_narrative = criteria_narrative
            badge_class_input.tags = tags
            badge_class_input.alignments = alignments
            badge_class_input.expires = expires
            badge_class_input.extensions = extensions
            badge_class_input.ob_3_properties = ob_3_properties
            badge_class_input.preferences = preferences
        else:  # a subclass may bring fields or an __init__ of its own
            badge_class_input = cls(
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

        if has_extra_keys:
            badge_class_input.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return badge_class_input

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


BadgeClassInput.additional_properties = empty_dict_until_set(BadgeClassInput.additional_properties)  # type: ignore[assignment]
from ..models.alignment_input import AlignmentInput
from ..models.badge_class_preferences import BadgeClassPreferences
from ..models.expiration import Expiration
from ..models.extensions import Extensions
from ..models.ob_3_properties import Ob3Properties
