from __future__ import annotations

import datetime
import operator
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

if TYPE_CHECKING:
    from ..models.extensions import Extensions
    from ..models.issuer_preferences import IssuerPreferences
    from ..models.issuer_staff import IssuerStaff
    from ..models.skill_linking_preferences import SkillLinkingPreferences


T = TypeVar("T", bound="Issuer")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "entityType",
    "entityId",
    "name",
    "id",
    "openBadgeId",
    "createdAt",
    "image",
    "email",
    "description",
    "url",
    "staff",
    "badgrDomain",
    "createdBy",
    "organizationId",
    "extensions",
    "source",
    "sourceUrl",
    "imagePath",
    "originalJson",
    "badgeSkillLinkingPreferences",
    "preferences",
)
_FIELD_NAMES = frozenset(
    (
        "entityType",
        "entityId",
        "name",
        "id",
        "openBadgeId",
        "createdAt",
        "image",
        "email",
        "description",
        "url",
        "staff",
        "badgrDomain",
        "createdBy",
        "organizationId",
        "extensions",
        "source",
        "sourceUrl",
        "imagePath",
        "originalJson",
        "badgeSkillLinkingPreferences",
        "preferences",
    )
)


@_attrs_define
class Issuer:
    entity_type: str
    """ `Issuer` """
    entity_id: str
    name: str
    id: str | Unset = UNSET
    open_badge_id: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    image: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    staff: list[IssuerStaff] | Unset = UNSET
    badgr_domain: None | str | Unset = UNSET
    created_by: None | str | Unset = UNSET
    organization_id: None | str | Unset = UNSET
    extensions: Extensions | Unset = UNSET
    """ Open Badges extensions, keyed by extension name. """
    source: None | str | Unset = UNSET
    """ Where the issuer came from; known value `local`. """
    source_url: None | str | Unset = UNSET
    image_path: None | str | Unset = UNSET
    original_json: None | str | Unset = UNSET
    badge_skill_linking_preferences: None | SkillLinkingPreferences | Unset = UNSET
    preferences: IssuerPreferences | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        entity_type = self.entity_type

        entity_id = self.entity_id

        name = self.name

        id = self.id

        open_badge_id = self.open_badge_id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        image: None | str | Unset
        if isinstance(self.image, Unset):
            image = UNSET
        else:
            image = self.image

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        staff: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.staff, Unset):
            staff = []
            for staff_item_data in self.staff:
                staff_item = staff_item_data.to_dict()
                staff.append(staff_item)

        badgr_domain: None | str | Unset
        if isinstance(self.badgr_domain, Unset):
            badgr_domain = UNSET
        else:
            badgr_domain = self.badgr_domain

        created_by: None | str | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        else:
            created_by = self.created_by

        organization_id: None | str | Unset
        if isinstance(self.organization_id, Unset):
            organization_id = UNSET
        else:
            organization_id = self.organization_id

        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        source_url: None | str | Unset
        if isinstance(self.source_url, Unset):
            source_url = UNSET
        else:
            source_url = self.source_url

        image_path: None | str | Unset
        if isinstance(self.image_path, Unset):
            image_path = UNSET
        else:
            image_path = self.image_path

        original_json: None | str | Unset
        if isinstance(self.original_json, Unset):
            original_json = UNSET
        else:
            original_json = self.original_json

        badge_skill_linking_preferences: dict[str, Any] | None | Unset
        if isinstance(self.badge_skill_linking_preferences, Unset):
            badge_skill_linking_preferences = UNSET
        elif isinstance(self.badge_skill_linking_preferences, SkillLinkingPreferences):
            badge_skill_linking_preferences = self.badge_skill_linking_preferences.to_dict()
        else:
            badge_skill_linking_preferences = self.badge_skill_linking_preferences

        preferences: dict[str, Any] | None | Unset
        if isinstance(self.preferences, Unset):
            preferences = UNSET
        elif isinstance(self.preferences, IssuerPreferences):
            preferences = self.preferences.to_dict()
        else:
            preferences = self.preferences

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entityType": entity_type,
                "entityId": entity_id,
                "name": name,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if open_badge_id is not UNSET:
            field_dict["openBadgeId"] = open_badge_id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if image is not UNSET:
            field_dict["image"] = image
        if email is not UNSET:
            field_dict["email"] = email
        if description is not UNSET:
            field_dict["description"] = description
        if url is not UNSET:
            field_dict["url"] = url
        if staff is not UNSET:
            field_dict["staff"] = staff
        if badgr_domain is not UNSET:
            field_dict["badgrDomain"] = badgr_domain
        if created_by is not UNSET:
            field_dict["createdBy"] = created_by
        if organization_id is not UNSET:
            field_dict["organizationId"] = organization_id
        if extensions is not UNSET:
            field_dict["extensions"] = extensions
        if source is not UNSET:
            field_dict["source"] = source
        if source_url is not UNSET:
            field_dict["sourceUrl"] = source_url
        if image_path is not UNSET:
            field_dict["imagePath"] = image_path
        if original_json is not UNSET:
            field_dict["originalJson"] = original_json
        if badge_skill_linking_preferences is not UNSET:
            field_dict["badgeSkillLinkingPreferences"] = badge_skill_linking_preferences
        if preferences is not UNSET:
            field_dict["preferences"] = preferences

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 21
            if complete:
                (
                    entity_type,
                    entity_id,
                    name,
                    id,
                    open_badge_id,
                    _created_at,
                    image,
                    email,
                    description,
                    url,
                    _staff,
                    badgr_domain,
                    created_by,
                    organization_id,
                    _extensions,
                    source,
                    source_url,
                    image_path,
                    original_json,
                    _badge_skill_linking_preferences,
                    _preferences,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            entity_type = src_dict["entityType"]
            entity_id = src_dict["entityId"]
            name = src_dict["name"]
            id = src_dict.get("id", UNSET)
            open_badge_id = src_dict.get("openBadgeId", UNSET)
            _created_at = src_dict.get("createdAt", UNSET)
            image = src_dict.get("image", UNSET)
            email = src_dict.get("email", UNSET)
            description = src_dict.get("description", UNSET)
            url = src_dict.get("url", UNSET)
            _staff = src_dict.get("staff", UNSET)
            badgr_domain = src_dict.get("badgrDomain", UNSET)
            created_by = src_dict.get("createdBy", UNSET)
            organization_id = src_dict.get("organizationId", UNSET)
            _extensions = src_dict.get("extensions", UNSET)
            source = src_dict.get("source", UNSET)
            source_url = src_dict.get("sourceUrl", UNSET)
            image_path = src_dict.get("imagePath", UNSET)
            original_json = src_dict.get("originalJson", UNSET)
            _badge_skill_linking_preferences = src_dict.get("badgeSkillLinkingPreferences", UNSET)
            _preferences = src_dict.get("preferences", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 21

        created_at: datetime.datetime | Unset
        if _created_at is UNSET:
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        staff: list[IssuerStaff] | Unset = UNSET
        if _staff is not UNSET:
            staff = []
            for staff_item_data in _staff:
                staff_item = IssuerStaff.from_dict(staff_item_data)

                staff.append(staff_item)

        extensions: Extensions | Unset
        if _extensions is UNSET:
            extensions = UNSET
        else:
            extensions = Extensions.from_dict(_extensions)

        badge_skill_linking_preferences: None | SkillLinkingPreferences | Unset
        if _badge_skill_linking_preferences is None or _badge_skill_linking_preferences is UNSET:
            badge_skill_linking_preferences = _badge_skill_linking_preferences
        else:
            try:
                if not isinstance(_badge_skill_linking_preferences, dict):
                    raise TypeError()
                badge_skill_linking_preferences_type_0 = SkillLinkingPreferences.from_dict(
                    _badge_skill_linking_preferences
                )

                badge_skill_linking_preferences = badge_skill_linking_preferences_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                badge_skill_linking_preferences = cast(
                    None | SkillLinkingPreferences | Unset, _badge_skill_linking_preferences
                )

        preferences: IssuerPreferences | None | Unset
        if _preferences is None or _preferences is UNSET:
            preferences = _preferences
        else:
            try:
                if not isinstance(_preferences, dict):
                    raise TypeError()
                preferences_type_0 = IssuerPreferences.from_dict(_preferences)

                preferences = preferences_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                preferences = cast(IssuerPreferences | None | Unset, _preferences)

        if cls is Issuer:  # what attrs' __init__ would do, without its call overhead
            issuer = _new_object(cls)
            issuer.entity_type = entity_type
            issuer.entity_id = entity_id
            issuer.name = name
            issuer.id = id
            issuer.open_badge_id = open_badge_id
            issuer.created_at = created_at
            issuer.image = image
            issuer.email = email
            issuer.description = description
            issuer.url = url
            issuer.staff = staff
            issuer.badgr_domain = badgr_domain
            issuer.created_by = created_by
            issuer.organization_id = organization_id
            issuer.extensions = extensions
            issuer.source = source
            issuer.source_url = source_url
            issuer.image_path = image_path
            issuer.original_json = original_json
            issuer.badge_skill_linking_preferences = badge_skill_linking_preferences
            issuer.preferences = preferences
        else:  # a subclass may bring fields or an __init__ of its own
            issuer = cls(
                entity_type=entity_type,
                entity_id=entity_id,
                name=name,
                id=id,
                open_badge_id=open_badge_id,
                created_at=created_at,
                image=image,
                email=email,
                description=description,
                url=url,
                staff=staff,
                badgr_domain=badgr_domain,
                created_by=created_by,
                organization_id=organization_id,
                extensions=extensions,
                source=source,
                source_url=source_url,
                image_path=image_path,
                original_json=original_json,
                badge_skill_linking_preferences=badge_skill_linking_preferences,
                preferences=preferences,
            )

        if has_extra_keys:
            issuer.additional_properties = {key: value for key, value in src_dict.items() if key not in _FIELD_NAMES}
        return issuer

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


Issuer.additional_properties = empty_dict_until_set(Issuer.additional_properties)  # type: ignore[assignment]
from ..models.extensions import Extensions
from ..models.issuer_preferences import IssuerPreferences
from ..models.issuer_staff import IssuerStaff
from ..models.skill_linking_preferences import SkillLinkingPreferences
