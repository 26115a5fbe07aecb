from __future__ import annotations

import datetime
import operator
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.acceptance import Acceptance, check_acceptance
from ..types import UNSET, Unset, empty_dict_until_set

if TYPE_CHECKING:
    from ..models.assertion_recipient import AssertionRecipient
    from ..models.assertion_ref import AssertionRef
    from ..models.badge_ref import BadgeRef
    from ..models.evidence import Evidence
    from ..models.extensions import Extensions
    from ..models.issuer_ref import IssuerRef
    from ..models.ob_3_award_properties import Ob3AwardProperties


T = TypeVar("T", bound="Assertion")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "entityType",
    "entityId",
    "badgeclass",
    "issuer",
    "recipient",
    "issuedOn",
    "revoked",
    "id",
    "openBadgeId",
    "createdAt",
    "createdBy",
    "badgeclassOpenBadgeId",
    "issuerOpenBadgeId",
    "image",
    "narrative",
    "evidence",
    "revocationReason",
    "acceptance",
    "expires",
    "extensions",
    "assertionRef",
    "badgeRef",
    "issuerRef",
    "pending",
    "source",
    "sourceUrl",
    "originalJson",
    "imagePath",
    "ob3AwardProperties",
)
_FIELD_NAMES = frozenset(
    (
        "entityType",
        "entityId",
        "badgeclass",
        "issuer",
        "recipient",
        "issuedOn",
        "revoked",
        "id",
        "openBadgeId",
        "createdAt",
        "createdBy",
        "badgeclassOpenBadgeId",
        "issuerOpenBadgeId",
        "image",
        "narrative",
        "evidence",
        "revocationReason",
        "acceptance",
        "expires",
        "extensions",
        "assertionRef",
        "badgeRef",
        "issuerRef",
        "pending",
        "source",
        "sourceUrl",
        "originalJson",
        "imagePath",
        "ob3AwardProperties",
    )
)


@_attrs_define
class Assertion:
    entity_type: str
    """ `Assertion` """
    entity_id: str
    badgeclass: str
    issuer: str
    recipient: AssertionRecipient
    issued_on: datetime.datetime
    revoked: bool
    id: str | Unset = UNSET
    open_badge_id: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    created_by: None | str | Unset = UNSET
    badgeclass_open_badge_id: str | Unset = UNSET
    issuer_open_badge_id: str | Unset = UNSET
    image: None | str | Unset = UNSET
    narrative: None | str | Unset = UNSET
    evidence: list[Evidence] | Unset = UNSET
    revocation_reason: None | str | Unset = UNSET
    acceptance: Acceptance | Unset = UNSET
    """ The recipient's acceptance of an award. """
    expires: datetime.datetime | None | Unset = UNSET
    extensions: Extensions | Unset = UNSET
    """ Open Badges extensions, keyed by extension name. """
    assertion_ref: AssertionRef | Unset = UNSET
    badge_ref: BadgeRef | Unset = UNSET
    issuer_ref: IssuerRef | Unset = UNSET
    pending: bool | Unset = UNSET
    source: None | str | Unset = UNSET
    source_url: None | str | Unset = UNSET
    original_json: None | str | Unset = UNSET
    image_path: None | str | Unset = UNSET
    ob_3_award_properties: None | Ob3AwardProperties | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        entity_type = self.entity_type

        entity_id = self.entity_id

        badgeclass = self.badgeclass

        issuer = self.issuer

        recipient = self.recipient.to_dict()

        issued_on = self.issued_on.isoformat()

        revoked = self.revoked

        id = self.id

        open_badge_id = self.open_badge_id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        created_by: None | str | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        else:
            created_by = self.created_by

        badgeclass_open_badge_id = self.badgeclass_open_badge_id

        issuer_open_badge_id = self.issuer_open_badge_id

        image: None | str | Unset
        if isinstance(self.image, Unset):
            image = UNSET
        else:
            image = self.image

        narrative: None | str | Unset
        if isinstance(self.narrative, Unset):
            narrative = UNSET
        else:
            narrative = self.narrative

        evidence: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.evidence, Unset):
            evidence = []
            for evidence_item_data in self.evidence:
                evidence_item = evidence_item_data.to_dict()
                evidence.append(evidence_item)

        revocation_reason: None | str | Unset
        if isinstance(self.revocation_reason, Unset):
            revocation_reason = UNSET
        else:
            revocation_reason = self.revocation_reason

        acceptance: str | Unset = UNSET
        if not isinstance(self.acceptance, Unset):
            acceptance = self.acceptance

        expires: None | str | Unset
        if isinstance(self.expires, Unset):
            expires = UNSET
        elif isinstance(self.expires, datetime.datetime):
            expires = self.expires.isoformat()
        else:
            expires = self.expires

        extensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions.to_dict()

        assertion_ref: dict[str, Any] | Unset = UNSET
        if not isinstance(self.assertion_ref, Unset):
            assertion_ref = self.assertion_ref.to_dict()

        badge_ref: dict[str, Any] | Unset = UNSET
        if not isinstance(self.badge_ref, Unset):
            badge_ref = self.badge_ref.to_dict()

        issuer_ref: dict[str, Any] | Unset = UNSET
        if not isinstance(self.issuer_ref, Unset):
            issuer_ref = self.issuer_ref.to_dict()

        pending = self.pending

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

        original_json: None | str | Unset
        if isinstance(self.original_json, Unset):
            original_json = UNSET
        else:
            original_json = self.original_json

        image_path: None | str | Unset
        if isinstance(self.image_path, Unset):
            image_path = UNSET
        else:
            image_path = self.image_path

        ob_3_award_properties: dict[str, Any] | None | Unset
        if isinstance(self.ob_3_award_properties, Unset):
            ob_3_award_properties = UNSET
        elif isinstance(self.ob_3_award_properties, Ob3AwardProperties):
            ob_3_award_properties = self.ob_3_award_properties.to_dict()
        else:
            ob_3_award_properties = self.ob_3_award_properties

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entityType": entity_type,
                "entityId": entity_id,
                "badgeclass": badgeclass,
                "issuer": issuer,
                "recipient": recipient,
                "issuedOn": issued_on,
                "revoked": revoked,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if open_badge_id is not UNSET:
            field_dict["openBadgeId"] = open_badge_id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if created_by is not UNSET:
            field_dict["createdBy"] = created_by
        if badgeclass_open_badge_id is not UNSET:
            field_dict["badgeclassOpenBadgeId"] = badgeclass_open_badge_id
        if issuer_open_badge_id is not UNSET:
            field_dict["issuerOpenBadgeId"] = issuer_open_badge_id
        if image is not UNSET:
            field_dict["image"] = image
        if narrative is not UNSET:
            field_dict["narrative"] = narrative
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if revocation_reason is not UNSET:
            field_dict["revocationReason"] = revocation_reason
        if acceptance is not UNSET:
            field_dict["acceptance"] = acceptance
        if expires is not UNSET:
            field_dict["expires"] = expires
        if extensions is not UNSET:
            field_dict["extensions"] = extensions
        if assertion_ref is not UNSET:
            field_dict["assertionRef"] = assertion_ref
        if badge_ref is not UNSET:
            field_dict["badgeRef"] = badge_ref
        if issuer_ref is not UNSET:
            field_dict["issuerRef"] = issuer_ref
        if pending is not UNSET:
            field_dict["pending"] = pending
        if source is not UNSET:
            field_dict["source"] = source
        if source_url is not UNSET:
            field_dict["sourceUrl"] = source_url
        if original_json is not UNSET:
            field_dict["originalJson"] = original_json
        if image_path is not UNSET:
            field_dict["imagePath"] = image_path
        if ob_3_award_properties is not UNSET:
            field_dict["ob3AwardProperties"] = ob_3_award_properties

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 29
            if complete:
                (
                    entity_type,
                    entity_id,
                    badgeclass,
                    issuer,
                    _recipient,
                    _issued_on,
                    revoked,
                    id,
                    open_badge_id,
                    _created_at,
                    created_by,
                    badgeclass_open_badge_id,
                    issuer_open_badge_id,
                    image,
                    narrative,
                    _evidence,
                    revocation_reason,
                    _acceptance,
                    _expires,
                    _extensions,
                    _assertion_ref,
                    _badge_ref,
                    _issuer_ref,
                    pending,
                    source,
                    source_url,
                    original_json,
                    image_path,
                    _ob_3_award_properties,
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
            badgeclass = src_dict["badgeclass"]
            issuer = src_dict["issuer"]
            _recipient = src_dict["recipient"]
            _issued_on = src_dict["issuedOn"]
            revoked = src_dict["revoked"]
            id = src_dict.get("id", UNSET)
            open_badge_id = src_dict.get("openBadgeId", UNSET)
            _created_at = src_dict.get("createdAt", UNSET)
            created_by = src_dict.get("createdBy", UNSET)
            badgeclass_open_badge_id = src_dict.get("badgeclassOpenBadgeId", UNSET)
            issuer_open_badge_id = src_dict.get("issuerOpenBadgeId", UNSET)
            image = src_dict.get("image", UNSET)
            narrative = src_dict.get("narrative", UNSET)
            _evidence = src_dict.get("evidence", UNSET)
            revocation_reason = src_dict.get("revocationReason", UNSET)
            _acceptance = src_dict.get("acceptance", UNSET)
            _expires = src_dict.get("expires", UNSET)
            _extensions = src_dict.get("extensions", UNSET)
            _assertion_ref = src_dict.get("assertionRef", UNSET)
            _badge_ref = src_dict.get("badgeRef", UNSET)
            _issuer_ref = src_dict.get("issuerRef", UNSET)
            pending = src_dict.get("pending", UNSET)
            source = src_dict.get("source", UNSET)
            source_url = src_dict.get("sourceUrl", UNSET)
            original_json = src_dict.get("originalJson", UNSET)
            image_path = src_dict.get("imagePath", UNSET)
            _ob_3_award_properties = src_dict.get("ob3AwardProperties", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 29

        recipient = AssertionRecipient.from_dict(_recipient)

        issued_on = datetime.datetime.fromisoformat(_issued_on)

        created_at: datetime.datetime | Unset
        if _created_at is UNSET:
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        evidence: list[Evidence] | Unset = UNSET
        if _evidence is not UNSET:
            evidence = []
            for evidence_item_data in _evidence:
                evidence_item = Evidence.from_dict(evidence_item_data)

                evidence.append(evidence_item)

        acceptance: Acceptance | Unset
        if _acceptance is UNSET:
            acceptance = UNSET
        else:
            acceptance = check_acceptance(_acceptance)

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

        extensions: Extensions | Unset
        if _extensions is UNSET:
            extensions = UNSET
        else:
            extensions = Extensions.from_dict(_extensions)

        assertion_ref: AssertionRef | Unset
        if _assertion_ref is UNSET:
            assertion_ref = UNSET
        else:
            assertion_ref = AssertionRef.from_dict(_assertion_ref)

        badge_ref: BadgeRef | Unset
        if _badge_ref is UNSET:
            badge_ref = UNSET
        else:
            badge_ref = BadgeRef.from_dict(_badge_ref)

        issuer_ref: IssuerRef | Unset
        if _issuer_ref is UNSET:
            issuer_ref = UNSET
        else:
            issuer_ref = IssuerRef.from_dict(_issuer_ref)

        ob_3_award_properties: None | Ob3AwardProperties | Unset
        if _ob_3_award_properties is None or _ob_3_award_properties is UNSET:
            ob_3_award_properties = _ob_3_award_properties
        else:
            try:
                if not isinstance(_ob_3_award_properties, dict):
                    raise TypeError()
                ob_3_award_properties_type_0 = Ob3AwardProperties.from_dict(_ob_3_award_properties)

                ob_3_award_properties = ob_3_award_properties_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                ob_3_award_properties = cast(None | Ob3AwardProperties | Unset, _ob_3_award_properties)

        if cls is Assertion:  # what attrs' __init__ would do, without its call overhead
            assertion = _new_object(cls)
            assertion.entity_type = entity_type
            assertion.entity_id = entity_id
            assertion.badgeclass = badgeclass
            assertion.issuer = issuer
            assertion.recipient = recipient
            assertion.issued_on = issued_on
            assertion.revoked = revoked
            assertion.id = id
            assertion.open_badge_id = open_badge_id
            assertion.created_at = created_at
            assertion.created_by = created_by
            assertion.badgeclass_open_badge_id = badgeclass_open_badge_id
            assertion.issuer_open_badge_id = issuer_open_badge_id
            assertion.image = image
            assertion.narrative = narrative
            assertion.evidence = evidence
            assertion.revocation_reason = revocation_reason
            assertion.acceptance = acceptance
            assertion.expires = expires
            assertion.extensions = extensions
            assertion.assertion_ref = assertion_ref
            assertion.badge_ref = badge_ref
            assertion.issuer_ref = issuer_ref
            assertion.pending = pending
            assertion.source = source
            assertion.source_url = source_url
            assertion.original_json = original_json
            assertion.image_path = image_path
            assertion.ob_3_award_properties = ob_3_award_properties
        else:  # a subclass may bring fields or an __init__ of its own
            assertion = cls(
                entity_type=entity_type,
                entity_id=entity_id,
                badgeclass=badgeclass,
                issuer=issuer,
                recipient=recipient,
                issued_on=issued_on,
                revoked=revoked,
                id=id,
                open_badge_id=open_badge_id,
                created_at=created_at,
                created_by=created_by,
                badgeclass_open_badge_id=badgeclass_open_badge_id,
                issuer_open_badge_id=issuer_open_badge_id,
                image=image,
                narrative=narrative,
                evidence=evidence,
                revocation_reason=revocation_reason,
                acceptance=acceptance,
                expires=expires,
                extensions=extensions,
                assertion_ref=assertion_ref,
                badge_ref=badge_ref,
                issuer_ref=issuer_ref,
                pending=pending,
                source=source,
                source_url=source_url,
                original_json=original_json,
                image_path=image_path,
                ob_3_award_properties=ob_3_award_properties,
            )

        if has_extra_keys:
            assertion.additional_properties = {key: value for key, value in src_dict.items() if key not in _FIELD_NAMES}
        return assertion

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


Assertion.additional_properties = empty_dict_until_set(Assertion.additional_properties)  # type: ignore[assignment]
from ..models.assertion_recipient import AssertionRecipient
from ..models.assertion_ref import AssertionRef
from ..models.badge_ref import BadgeRef
from ..models.evidence import Evidence
from ..models.extensions import Extensions
from ..models.issuer_ref import IssuerRef
from ..models.ob_3_award_properties import Ob3AwardProperties
