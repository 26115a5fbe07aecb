from __future__ import annotations

import datetime
import operator
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

if TYPE_CHECKING:
    from ..models.access_token_application_type_0 import AccessTokenApplicationType0


T = TypeVar("T", bound="AccessToken")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "entityId",
    "entityType",
    "application",
    "scope",
    "expires",
    "created",
)
_FIELD_NAMES = frozenset(
    (
        "entityId",
        "entityType",
        "application",
        "scope",
        "expires",
        "created",
    )
)


@_attrs_define
class AccessToken:
    """An OAuth access token the user has granted to an application."""

    entity_id: str
    entity_type: str | Unset = UNSET
    """ `AccessToken` """
    application: AccessTokenApplicationType0 | None | Unset = UNSET
    scope: None | str | Unset = UNSET
    expires: datetime.datetime | None | Unset = UNSET
    created: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        entity_id = self.entity_id

        entity_type = self.entity_type

        application: dict[str, Any] | None | Unset
        if isinstance(self.application, Unset):
            application = UNSET
        elif isinstance(self.application, AccessTokenApplicationType0):
            application = self.application.to_dict()
        else:
            application = self.application

        scope: None | str | Unset
        if isinstance(self.scope, Unset):
            scope = UNSET
        else:
            scope = self.scope

        expires: None | str | Unset
        if isinstance(self.expires, Unset):
            expires = UNSET
        elif isinstance(self.expires, datetime.datetime):
            expires = self.expires.isoformat()
        else:
            expires = self.expires

        created: None | str | Unset
        if isinstance(self.created, Unset):
            created = UNSET
        elif isinstance(self.created, datetime.datetime):
            created = self.created.isoformat()
        else:
            created = self.created

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entityId": entity_id,
            }
        )
        if entity_type is not UNSET:
            field_dict["entityType"] = entity_type
        if application is not UNSET:
            field_dict["application"] = application
        if scope is not UNSET:
            field_dict["scope"] = scope
        if expires is not UNSET:
            field_dict["expires"] = expires
        if created is not UNSET:
            field_dict["created"] = created

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 6
            if complete:
                (
                    entity_id,
                    entity_type,
                    _application,
                    scope,
                    _expires,
                    _created,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            entity_id = src_dict["entityId"]
            entity_type = src_dict.get("entityType", UNSET)
            _application = src_dict.get("application", UNSET)
            scope = src_dict.get("scope", UNSET)
            _expires = src_dict.get("expires", UNSET)
            _created = src_dict.get("created", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 6

        application: AccessTokenApplicationType0 | None | Unset
        if _application is None or _application is UNSET:
            application = _application
        else:
            try:
                if not isinstance(_application, dict):
                    raise TypeError()
                application_type_0 = AccessTokenApplicationType0.from_dict(_application)

                application = application_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                application = cast(AccessTokenApplicationType0 | None | Unset, _application)

        expires: datetime.datetime | None | Unset
        if _expires is None or _expires is UNSET:
            expires = _expires
        else:
            try:
                if not isinstance(_expires, str):
                    raise TypeError()
                expires_type_0 = datetime.datetime.fromisoformat(_expires)

                expires = expires_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                expires = cast(datetime.datetime | None | Unset, _expires)

        created: datetime.datetime | None | Unset
        if _created is None or _created is UNSET:
            created = _created
        else:
            try:
                if not isinstance(_created, str):
                    raise TypeError()
                created_type_0 = datetime.datetime.fromisoformat(_created)

                created = created_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                created = cast(datetime.datetime | None | Unset, _created)

        if cls is AccessToken:  # what attrs' __init__ would do, without its call overhead
            access_token = _new_object(cls)
            access_token.entity_id = entity_id
            access_token.entity_type = entity_type
            access_token.application = application
            access_token.scope = scope
            access_token.expires = expires
            access_token.created = created
        else:  # a subclass may bring fields or an __init__ of its own
            access_token = cls(
                entity_id=entity_id,
                entity_type=entity_type,
                application=application,
                scope=scope,
                expires=expires,
                created=created,
            )

        if has_extra_keys:
            access_token.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return access_token

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


AccessToken.additional_properties = empty_dict_until_set(AccessToken.additional_properties)  # type: ignore[assignment]
from ..models.access_token_application_type_0 import AccessTokenApplicationType0
