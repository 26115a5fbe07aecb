from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

if TYPE_CHECKING:
    from ..models.user_email import UserEmail
    from ..models.user_recipient import UserRecipient


T = TypeVar("T", bound="BadgeUser")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "entityType",
    "entityId",
    "id",
    "firstName",
    "lastName",
    "emails",
    "url",
    "telephone",
    "badgrDomain",
    "agreedTermsVersion",
    "hasAgreedToLatestTermsVersion",
    "marketingOptIn",
    "hasPasswordSet",
    "recipient",
)
_FIELD_NAMES = frozenset(
    (
        "entityType",
        "entityId",
        "id",
        "firstName",
        "lastName",
        "emails",
        "url",
        "telephone",
        "badgrDomain",
        "agreedTermsVersion",
        "hasAgreedToLatestTermsVersion",
        "marketingOptIn",
        "hasPasswordSet",
        "recipient",
    )
)


@_attrs_define
class BadgeUser:
    entity_type: str
    """ `BadgeUser` """
    entity_id: str
    id: str | Unset = UNSET
    first_name: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    emails: list[UserEmail] | Unset = UNSET
    url: list[str] | Unset = UNSET
    telephone: list[str] | Unset = UNSET
    badgr_domain: None | str | Unset = UNSET
    agreed_terms_version: int | Unset = UNSET
    has_agreed_to_latest_terms_version: bool | Unset = UNSET
    marketing_opt_in: bool | Unset = UNSET
    has_password_set: bool | Unset = UNSET
    recipient: UserRecipient | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        entity_type = self.entity_type

        entity_id = self.entity_id

        id = self.id

        first_name: None | str | Unset
        if isinstance(self.first_name, Unset):
            first_name = UNSET
        else:
            first_name = self.first_name

        last_name: None | str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        emails: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = []
            for emails_item_data in self.emails:
                emails_item = emails_item_data.to_dict()
                emails.append(emails_item)

        url: list[str] | Unset = UNSET
        if not isinstance(self.url, Unset):
            url = self.url

        telephone: list[str] | Unset = UNSET
        if not isinstance(self.telephone, Unset):
            telephone = self.telephone

        badgr_domain: None | str | Unset
        if isinstance(self.badgr_domain, Unset):
            badgr_domain = UNSET
        else:
            badgr_domain = self.badgr_domain

        agreed_terms_version = self.agreed_terms_version

        has_agreed_to_latest_terms_version = self.has_agreed_to_latest_terms_version

        marketing_opt_in = self.marketing_opt_in

        has_password_set = self.has_password_set

        recipient: dict[str, Any] | Unset = UNSET
        if not isinstance(self.recipient, Unset):
            recipient = self.recipient.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entityType": entity_type,
                "entityId": entity_id,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if first_name is not UNSET:
            field_dict["firstName"] = first_name
        if last_name is not UNSET:
            field_dict["lastName"] = last_name
        if emails is not UNSET:
            field_dict["emails"] = emails
        if url is not UNSET:
            field_dict["url"] = url
        if telephone is not UNSET:
            field_dict["telephone"] = telephone
        if badgr_domain is not UNSET:
            field_dict["badgrDomain"] = badgr_domain
        if agreed_terms_version is not UNSET:
            field_dict["agreedTermsVersion"] = agreed_terms_version
        if has_agreed_to_latest_terms_version is not UNSET:
            field_dict["hasAgreedToLatestTermsVersion"] = has_agreed_to_latest_terms_version
        if marketing_opt_in is not UNSET:
            field_dict["marketingOptIn"] = marketing_opt_in
        if has_password_set is not UNSET:
            field_dict["hasPasswordSet"] = has_password_set
        if recipient is not UNSET:
            field_dict["recipient"] = recipient

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 14
            if complete:
                (
                    entity_type,
                    entity_id,
                    id,
                    first_name,
                    last_name,
                    _emails,
                    _url,
                    _telephone,
                    badgr_domain,
                    agreed_terms_version,
                    has_agreed_to_latest_terms_version,
                    marketing_opt_in,
                    has_password_set,
                    _recipient,
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
            id = src_dict.get("id", UNSET)
            first_name = src_dict.get("firstName", UNSET)
            last_name = src_dict.get("lastName", UNSET)
            _emails = src_dict.get("emails", UNSET)
            _url = src_dict.get("url", UNSET)
            _telephone = src_dict.get("telephone", UNSET)
            badgr_domain = src_dict.get("badgrDomain", UNSET)
            agreed_terms_version = src_dict.get("agreedTermsVersion", UNSET)
            has_agreed_to_latest_terms_version = src_dict.get("hasAgreedToLatestTermsVersion", UNSET)
            marketing_opt_in = src_dict.get("marketingOptIn", UNSET)
            has_password_set = src_dict.get("hasPasswordSet", UNSET)
            _recipient = src_dict.get("recipient", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 14

        emails: list[UserEmail] | Unset = UNSET
        if _emails is not UNSET:
            emails = []
            for emails_item_data in _emails:
                emails_item = UserEmail.from_dict(emails_item_data)

                emails.append(emails_item)

        url = cast(list[str], _url)

        telephone = cast(list[str], _telephone)

        recipient: UserRecipient | Unset
        if _recipient is UNSET:
            recipient = UNSET
        else:
            recipient = UserRecipient.from_dict(_recipient)

        if cls is BadgeUser:  # what attrs' __init__ would do, without its call overhead
            badge_user = _new_object(cls)
            badge_user.entity_type = entity_type
            badge_user.entity_id = entity_id
            badge_user.id = id
            badge_user.first_name = first_name
            badge_user.last_name = last_name
            badge_user.emails = emails
            badge_user.url = url
            badge_user.telephone = telephone
            badge_user.badgr_domain = badgr_domain
            badge_user.agreed_terms_version = agreed_terms_version
            badge_user.has_agreed_to_latest_terms_version = has_agreed_to_latest_terms_version
            badge_user.marketing_opt_in = marketing_opt_in
            badge_user.has_password_set = has_password_set
            badge_user.recipient = recipient
        else:  # a subclass may bring fields or an __init__ of its own
            badge_user = cls(
                entity_type=entity_type,
                entity_id=entity_id,
                id=id,
                first_name=first_name,
                last_name=last_name,
                emails=emails,
                url=url,
                telephone=telephone,
                badgr_domain=badgr_domain,
                agreed_terms_version=agreed_terms_version,
                has_agreed_to_latest_terms_version=has_agreed_to_latest_terms_version,
                marketing_opt_in=marketing_opt_in,
                has_password_set=has_password_set,
                recipient=recipient,
            )

        if has_extra_keys:
            badge_user.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return badge_user

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


BadgeUser.additional_properties = empty_dict_until_set(BadgeUser.additional_properties)  # type: ignore[assignment]
from ..models.user_email import UserEmail
from ..models.user_recipient import UserRecipient
