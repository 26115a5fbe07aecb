from __future__ import annotations

import datetime
import operator
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

if TYPE_CHECKING:
    from ..models.evidence_input import EvidenceInput
    from ..models.extensions import Extensions
    from ..models.ob_3_award_properties import Ob3AwardProperties
    from ..models.recipient_input import RecipientInput


T = TypeVar("T", bound="AssertionInput")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "recipient",
    "badgeclass",
    "badgeclassOpenBadgeId",
    "issuedOn",
    "allowDuplicateAwards",
    "narrative",
    "evidence",
    "extensions",
    "expires",
    "notify",
    "ob3AwardProperties",
)
_FIELD_NAMES = frozenset(
    (
        "recipient",
        "badgeclass",
        "badgeclassOpenBadgeId",
        "issuedOn",
        "allowDuplicateAwards",
        "narrative",
        "evidence",
        "extensions",
        "expires",
        "notify",
        "ob3AwardProperties",
    )
)


@_attrs_define
class AssertionInput:
    """When the path scope is `issuers`, one of `badgeclass` or `badgeclassOpenBadgeId` is required."""

    recipient: RecipientInput
    badgeclass: str | Unset = UNSET
    """ ID or Entity ID of the badge class to be awarded """
    badgeclass_open_badge_id: str | Unset = UNSET
    """ OB URL of the badge class to be awarded """
    issued_on: datetime.datetime | Unset = UNSET
    """ Timestamp when the assertion was issued (ISO 8601 with a zone, not in the future) """
    allow_duplicate_awards: bool | Unset = UNSET
    """ If set to false and the recipient already has this assertion, then the request will fail """
    narrative: None | str | Unset = UNSET
    """ Markdown narrative of the achievement """
    evidence: list[EvidenceInput] | None | Unset = UNSET
    extensions: Extensions | Unset = UNSET
    """ Open Badges extensions, keyed by extension name. """
    expires: datetime.datetime | None | Unset = UNSET
    notify: bool | Unset = UNSET
    """ Whether to e-mail the recipient. """
    ob_3_award_properties: Ob3AwardProperties | Unset = UNSET
    """ Open Badges 3.0 award properties. """
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        recipient = self.recipient.to_dict()

        badgeclass = self.badgeclass

        badgeclass_open_badge_id = self.badgeclass_open_badge_id

        issued_on: str | Unset = UNSET
        if not isinstance(self.issued_on, Unset):
            issued_on = self.issued_on.isoformat()

        allow_duplicate_awards = self.allow_duplicate_awards

        narrative: None | str | Unset
        if isinstance(self.narrative, Unset):
            narrative = UNSET
        else:
            narrative = self.narrative

        evidence: list[dict[str, Any]] | None | Unset
        if isinstance(self.evidence, Unset):
            evidence = UNSET
        elif isinstance(self.evidence, list):
            evidence = []
            for evidence_type_0_item_data in self.evidence:
                evidence_type_0_item = evidence_type_0_item_data.to_dict()
                evidence.append(evidence_type_0_item)

        else:
            evidence = self.evidence

        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()

        expires: None | str | Unset
        if isinstance(self.expires, Unset):
            expires = UNSET
        elif isinstance(self.expires, datetime.datetime):
            expires = self.expires.isoformat()
        else:
            expires = self.expires

        notify = self.notify

        ob_3_award_properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ob_3_award_properties, Unset):
            ob_3_award_properties = self.ob_3_award_properties.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recipient": recipient,
            }
        )
        if badgeclass is not UNSET:
            field_dict["badgeclass"] = badgeclass
        if badgeclass_open_badge_id is not UNSET:
            field_dict["badgeclassOpenBadgeId"] = badgeclass_open_badge_id
        if issued_on is not UNSET:
            field_dict["issuedOn"] = issued_on
        if allow_duplicate_awards is not UNSET:
            field_dict["allowDuplicateAwards"] = allow_duplicate_awards
        if narrative is not UNSET:
            field_dict["narrative"] = narrative
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if extensions is not UNSET:
            field_dict["extensions"] = extensions
        if expires is not UNSET:
            field_dict["expires"] = expires
        if notify is not UNSET:
            field_dict["notify"] = notify
        if ob_3_award_properties is not UNSET:
            field_dict["ob3AwardProperties"] = ob_3_award_properties

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 11
            if complete:
                (
                    _recipient,
                    badgeclass,
                    badgeclass_open_badge_id,
                    _issued_on,
                    allow_duplicate_awards,
                    narrative,
                    _evidence,
                    _extensions,
                    _expires,
                    notify,
                    _ob_3_award_properties,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            _recipient = src_dict["recipient"]
            badgeclass = src_dict.get("badgeclass", UNSET)
            badgeclass_open_badge_id = src_dict.get("badgeclassOpenBadgeId", UNSET)
            _issued_on = src_dict.get("issuedOn", UNSET)
            allow_duplicate_awards = src_dict.get("allowDuplicateAwards", UNSET)
            narrative = src_dict.get("narrative", UNSET)
            _evidence = src_dict.get("evidence", UNSET)
            _extensions = src_dict.get("extensions", UNSET)
            _expires = src_dict.get("expires", UNSET)
            notify = src_dict.get("notify", UNSET)
            _ob_3_award_properties = src_dict.get("ob3AwardProperties", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 11

        recipient = RecipientInput.from_dict(_recipient)

        issued_on: datetime.datetime | Unset
        if _issued_on is UNSET:
            issued_on = UNSET
        else:
            issued_on = datetime.datetime.fromisoformat(_issued_on)

        evidence: list[EvidenceInput] | None | Unset
        if _evidence is None or _evidence is UNSET:
            evidence = _evidence
        else:
            try:
                if not isinstance(_evidence, list):
                    raise TypeError()
                evidence_type_0 = []
                _evidence_type_0 = _evidence
                for evidence_type_0_item_data in _evidence_type_0:
                    evidence_type_0_item = EvidenceInput.from_dict(evidence_type_0_item_data)

                    evidence_type_0.append(evidence_type_0_item)

                evidence = evidence_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                evidence = cast(list[EvidenceInput] | None | Unset, _evidence)

        extensions: Extensions | Unset
        if _extensions is UNSET:
            extensions = UNSET
        else:
            extensions = Extensions.from_dict(_extensions)

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

        ob_3_award_properties: Ob3AwardProperties | Unset
        if _ob_3_award_properties is UNSET:
            ob_3_award_properties = UNSET
        else:
            ob_3_award_properties = Ob3AwardProperties.from_dict(_ob_3_award_properties)

        if cls is AssertionInput:  # what attrs' __init__ would do, without its call overhead
            assertion_input = _new_object(cls)
            assertion_input.recipient = recipient
            assertion_input.badgeclass = badgeclass
            assertion_input.badgeclass_open_badge_id = badgeclass_open_badge_id
            assertion_input.issued_on = issued_on
            assertion_input.allow_duplicate_awards = allow_duplicate_awards
            assertion_input.narrative = narrative
            assertion_input.evidence = evidence
            assertion_input.extensions = extensions
            assertion_input.expires = expires
            assertion_input.notify = notify
            assertion_input.ob_3_award_properties = ob_3_award_properties
        else:  # a subclass may bring fields or an __init__ of its own
            assertion_input = cls(
                recipient=recipient,
                badgeclass=badgeclass,
                badgeclass_open_badge_id=badgeclass_open_badge_id,
                issued_on=issued_on,
                allow_duplicate_awards=allow_duplicate_awards,
                narrative=narrative,
                evidence=evidence,
                extensions=extensions,
                expires=expires,
                notify=notify,
                ob_3_award_properties=ob_3_award_properties,
            )

        if has_extra_keys:
            assertion_input.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return assertion_input

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


AssertionInput.additional_properties = empty_dict_until_set(AssertionInput.additional_properties)  # type: ignore[assignment]
from ..models.evidence_input import EvidenceInput
from ..models.extensions import Extensions
from ..models.ob_3_award_properties import Ob3AwardProperties
from ..models.recipient_input import RecipientInput
