from __future__ import annotations

import datetime
import operator
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

if TYPE_CHECKING:
    from ..models.alignment import Alignment
    from ..models.badge_class_preferences import BadgeClassPreferences
    from ..models.empty_expiration import EmptyExpiration
    from ..models.expiration import Expiration
    from ..models.extensions import Extensions
    from ..models.ob_3_properties import Ob3Properties


T = TypeVar("T", bound="BadgeClass")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "entityType",
    "entityId",
    "issuer",
    "name",
    "id",
    "openBadgeId",
    "sourceUrl",
    "originalJson",
    "createdAt",
    "createdBy",
    "issuerOpenBadgeId",
    "image",
    "imageAltText",
    "description",
    "achievementType",
    "criteriaUrl",
    "criteriaNarrative",
    "alignments",
    "tags",
    "expires",
    "extensions",
    "source",
    "imagePath",
    "archived",
    "archivedDate",
    "archivalNote",
    "ob3Properties",
    "preferences",
)
_FIELD_NAMES = frozenset(
    (
        "entityType",
        "entityId",
        "issuer",
        "name",
        "id",
        "openBadgeId",
        "sourceUrl",
        "originalJson",
        "createdAt",
        "createdBy",
        "issuerOpenBadgeId",
        "image",
        "imageAltText",
        "description",
        "achievementType",
        "criteriaUrl",
        "criteriaNarrative",
        "alignments",
        "tags",
        "expires",
        "extensions",
        "source",
        "imagePath",
        "archived",
        "archivedDate",
        "archivalNote",
        "ob3Properties",
        "preferences",
    )
)


@_attrs_define
class BadgeClass:
    entity_type: str
    """ `BadgeClass` """
    entity_id: str
    issuer: str
    """ Entity id of the issuer. """
    name: str
    id: str | Unset = UNSET
    open_badge_id: str | Unset = UNSET
    source_url: None | str | Unset = UNSET
    original_json: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    created_by: None | str | Unset = UNSET
    issuer_open_badge_id: str | Unset = UNSET
    image: None | str | Unset = UNSET
    image_alt_text: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    achievement_type: None | str | Unset = UNSET
    criteria_url: None | str | Unset = UNSET
    criteria_narrative: None | str | Unset = UNSET
    alignments: list[Alignment] | Unset = UNSET
    tags: list[str] | Unset = UNSET
    expires: EmptyExpiration | Expiration | None | Unset = UNSET
    extensions: Extensions | Unset = UNSET
    """ Open Badges extensions, keyed by extension name. """
    source: None | str | Unset = UNSET
    image_path: None | str | Unset = UNSET
    archived: bool | Unset = UNSET
    archived_date: datetime.datetime | None | Unset = UNSET
    archival_note: None | str | Unset = UNSET
    ob_3_properties: None | Ob3Properties | Unset = UNSET
    preferences: BadgeClassPreferences | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        entity_type = self.entity_type

        entity_id = self.entity_id

        issuer = self.issuer

        name = self.name

        id = self.id

        open_badge_id = self.open_badge_id

        source_url: None | str | Unset
        if isinstance(self.source_url, Unset):
            source_url = UNSET
        else:
            source_url = self.source_url

        original_json: None | str | Unset
        if isinstance(self.original_json, Unset):
            original_json = UNSET
        else:
            original_json = self.original_json

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        created_by: None | str | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        else:
            created_by = self.created_by

        issuer_open_badge_id = self.issuer_open_badge_id

        image: None | str | Unset
        if isinstance(self.image, Unset):
            image = UNSET
        else:
            image = self.image

        image_alt_text: None | str | Unset
        if isinstance(self.image_alt_text, Unset):
            image_alt_text = UNSET
        else:
            image_alt_text = self.image_alt_text

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        achievement_type: None | str | Unset
        if isinstance(self.achievement_type, Unset):
            achievement_type = UNSET
        else:
            achievement_type = self.achievement_type

        criteria_url: None | str | Unset
        if isinstance(self.criteria_url, Unset):
            criteria_url = UNSET
        else:
            criteria_url = self.criteria_url

        criteria_narrative: None | str | Unset
        if isinstance(self.criteria_narrative, Unset):
            criteria_narrative = UNSET
        else:
            criteria_narrative = self.criteria_narrative

        alignments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.alignments, Unset):
            alignments = []
            for alignments_item_data in self.alignments:
                alignments_item = alignments_item_data.to_dict()
                alignments.append(alignments_item)

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        expires: dict[str, Any] | None | Unset
        if isinstance(self.expires, Unset):
            expires = UNSET
        elif isinstance(self.expires, Expiration) or isinstance(self.expires, EmptyExpiration):
            expires = self.expires.to_dict()
        else:
            expires = self.expires

        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        image_path: None | str | Unset
        if isinstance(self.image_path, Unset):
            image_path = UNSET
        else:
            image_path = self.image_path

        archived = self.archived

        archived_date: None | str | Unset
        if isinstance(self.archived_date, Unset):
            archived_date = UNSET
        elif isinstance(self.archived_date, datetime.datetime):
            archived_date = self.archived_date.isoformat()
        else:
            archived_date = self.archived_date

        archival_note: None | str | Unset
        if isinstance(self.archival_note, Unset):
            archival_note = UNSET
        else:
            archival_note = self.archival_note

        ob_3_properties: dict[str, Any] | None | Unset
        if isinstance(self.ob_3_properties, Unset):
            ob_3_properties = UNSET
        elif isinstance(self.ob_3_properties, Ob3Properties):
            ob_3_properties = self.ob_3_properties.to_dict()
        else:
            ob_3_properties = self.ob_3_properties

        preferences: dict[str, Any] | None | Unset
        if isinstance(self.preferences, Unset):
            preferences = UNSET
        elif isinstance(self.preferences, BadgeClassPreferences):
            preferences = self.preferences.to_dict()
        else:
            preferences = self.preferences

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entityType": entity_type,
                "entityId": entity_id,
                "issuer": issuer,
                "name": name,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if open_badge_id is not UNSET:
            field_dict["openBadgeId"] = open_badge_id
        if source_url is not UNSET:
            field_dict["sourceUrl"] = source_url
        if original_json is not UNSET:
            field_dict["originalJson"] = original_json
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if created_by is not UNSET:
            field_dict["createdBy"] = created_by
        if issuer_open_badge_id is not UNSET:
            field_dict["issuerOpenBadgeId"] = issuer_open_badge_id
        if image is not UNSET:
            field_dict["image"] = image
        if image_alt_text is not UNSET:
            field_dict["imageAltText"] = image_alt_text
        if description is not UNSET:
            field_dict["description"] = description
        if achievement_type is not UNSET:
            field_dict["achievementType"] = achievement_type
        if criteria_url is not UNSET:
            field_dict["criteriaUrl"] = criteria_url
        if criteria_narrative is not UNSET:
            field_dict["criteriaNarrative"] = criteria_narrative
        if alignments is not UNSET:
            field_dict["alignments"] = alignments
        if tags is not UNSET:
            field_dict["tags"] = tags
        if expires is not UNSET:
            field_dict["expires"] = expires
        if extensions is not UNSET:
            field_dict["extensions"] = extensions
        if source is not UNSET:
            field_dict["source"] = source
        if image_path is not UNSET:
            field_dict["imagePath"] = image_path
        if archived is not UNSET:
            field_dict["archived"] = archived
        if archived_date is not UNSET:
            field_dict["archivedDate"] = archived_date
        if archival_note is not UNSET:
            field_dict["archivalNote"] = archival_note
        if ob_3_properties is not UNSET:
            field_dict["ob3Properties"] = ob_3_properties
        if preferences is not UNSET:
            field_dict["preferences"] = preferences

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 28
            if complete:
                (
                    entity_type,
                    entity_id,
                    issuer,
                    name,
                    id,
                    open_badge_id,
                    source_url,
                    original_json,
                    _created_at,
                    created_by,
                    issuer_open_badge_id,
                    image,
                    image_alt_text,
                    description,
                    achievement_type,
                    criteria_url,
                    criteria_narrative,
                    _alignments,
                    _tags,
                    _expires,
                    _extensions,
                    source,
                    image_path,
                    archived,
                    _archived_date,
                    archival_note,
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
            entity_type = src_dict["entityType"]
            entity_id = src_dict["entityId"]
            issuer = src_dict["issuer"]
            name = src_dict["name"]
            id = src_dict.get("id", UNSET)
            open_badge_id = src_dict.get("openBadgeId", UNSET)
            source_url = src_dict.get("sourceUrl", UNSET)
            original_json = src_dict.get("originalJson", UNSET)
            _created_at = src_dict.get("createdAt", UNSET)
            created_by = src_dict.get("createdBy", UNSET)
            issuer_open_badge_id = src_dict.get("issuerOpenBadgeId", UNSET)
            image = src_dict.get("image", UNSET)
            image_alt_text = src_dict.get("imageAltText", UNSET)
            description = src_dict.get("description", UNSET)
            achievement_type = src_dict.get("achievementType", UNSET)
            criteria_url = src_dict.get("criteriaUrl", UNSET)
            criteria_narrative = src_dict.get("criteriaNarrative", UNSET)
            _alignments = src_dict.get("alignments", UNSET)
            _tags = src_dict.get("tags", UNSET)
            _expires = src_dict.get("expires", UNSET)
            _extensions = src_dict.get("extensions", UNSET)
            source = src_dict.get("source", UNSET)
            image_path = src_dict.get("imagePath", UNSET)
            archived = src_dict.get("archived", UNSET)
            _archived_date = src_dict.get("archivedDate", UNSET)
            archival_note = src_dict.get("archivalNote", UNSET)
            _ob_3_properties = src_dict.get("ob3Properties", UNSET)
            _preferences = src_dict.get("preferences", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 28

        created_at: datetime.datetime | Unset
        if _created_at is UNSET:
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        alignments: list[Alignment] | Unset = UNSET
        if _alignments is not UNSET:
            alignments = []
            for alignments_item_data in _alignments:
                alignments_item = Alignment.from_dict(alignments_item_data)

                alignments.append(alignments_item)

        tags = cast(list[str], _tags)

        def _parse_expires(data: object) -> EmptyExpiration | Expiration | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                expires_type_0 = Expiration.from_dict(data)

                return expires_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                expires_type_2 = EmptyExpiration.from_dict(data)

                return expires_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmptyExpiration | Expiration | None | Unset, data)

        expires = _parse_expires(_expires)

        extensions: Extensions | Unset
        if _extensions is UNSET:
            extensions = UNSET
        else:
            extensions = Extensions.from_dict(_extensions)

        archived_date: datetime.datetime | None | Unset
        if _archived_date is None or _archived_date is UNSET:
            archived_date = _archived_date
        else:
            try:
                if not isinstance(_archived_date, str):
                    raise TypeError()
                archived_date_type_0 = datetime.datetime.fromisoformat(_archived_date)

                archived_date = archived_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                archived_date = cast(datetime.datetime | None | Unset, _archived_date)

        ob_3_properties: None | Ob3Properties | Unset
        if _ob_3_properties is None or _ob_3_properties is UNSET:
            ob_3_properties = _ob_3_properties
        else:
            try:
                if not isinstance(_ob_3_properties, dict):
                    raise TypeError()
                ob_3_properties_type_0 = Ob3Properties.from_dict(_ob_3_properties)

                ob_3_properties = ob_3_properties_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                ob_3_properties = cast(None | Ob3Properties | Unset, _ob_3_properties)

        preferences: BadgeClassPreferences | None | Unset
        if _preferences is None or _preferences is UNSET:
            preferences = _preferences
        else:
            try:
                if not isinstance(_preferences, dict):
                    raise TypeError()
                preferences_type_0 = BadgeClassPreferences.from_dict(_preferences)

                preferences = preferences_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                preferences = cast(BadgeClassPreferences | None | Unset, _preferences)

        if cls is BadgeClass:  # what attrs' __init__ would do, without its call overhead
            badge_class = _new_object(cls)
            badge_class.entity_type = entity_type
            badge_class.entity_id = entity_id
            badge_class.issuer = issuer
            badge_class.name = name
            badge_class.id = id
            badge_class.open_badge_id = open_badge_id
            badge_class.source_url = source_url
            badge_class.original_json = original_json
            badge_class.created_at = created_at
            badge_class.created_by = created_by
            badge_class.issuer_open_badge_id = issuer_open_badge_id
            badge_class.image = image
            badge_class.image_alt_text = image_alt_text
            badge_class.description = description
            badge_class.achievement_type = achievement_type
            badge_class.criteria_url = criteria_url
            badge_class.criteria_narrative = criteria_narrative
            badge_class.alignments = alignments
            badge_class.tags = tags
            badge_class.expires = expires
            badge_class.extensions = extensions
            badge_class.source = source
            badge_class.image_path = image_path
            badge_class.archived = archived
            badge_class.archived_date = archived_date
            badge_class.archival_note = archival_note
            badge_class.ob_3_properties = ob_3_properties
            badge_class.preferences = preferences
        else:  # a subclass may bring fields or an __init__ of its own
            badge_class = cls(
                entity_type=entity_type,
                entity_id=entity_id,
                issuer=issuer,
                name=name,
                id=id,
                open_badge_id=open_badge_id,
                source_url=source_url,
                original_json=original_json,
                created_at=created_at,
                created_by=created_by,
                issuer_open_badge_id=issuer_open_badge_id,
                image=image,
                image_alt_text=image_alt_text,
                description=description,
                achievement_type=achievement_type,
                criteria_url=criteria_url,
                criteria_narrative=criteria_narrative,
                alignments=alignments,
                tags=tags,
                expires=expires,
                extensions=extensions,
                source=source,
                image_path=image_path,
                archived=archived,
                archived_date=archived_date,
                archival_note=archival_note,
                ob_3_properties=ob_3_properties,
                preferences=preferences,
            )

        if has_extra_keys:
            badge_class.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return badge_class

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


BadgeClass.additional_properties = empty_dict_until_set(BadgeClass.additional_properties)  # type: ignore[assignment]
from ..models.alignment import Alignment
from ..models.badge_class_preferences import BadgeClassPreferences
from ..models.empty_expiration import EmptyExpiration
from ..models.expiration import Expiration
from ..models.extensions import Extensions
from ..models.ob_3_properties import Ob3Properties
