from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.acceptance import Acceptance, check_acceptance
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assertion_recipient import AssertionRecipient
    from ..models.assertion_ref import AssertionRef
    from ..models.badge_ref import BadgeRef
    from ..models.evidence import Evidence
    from ..models.extensions import Extensions
    from ..models.issuer_ref import IssuerRef
    from ..models.ob_3_award_properties import Ob3AwardProperties


T = TypeVar("T", bound="Assertion")


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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
        d = dict(src_dict)
        entity_type = d.pop("entityType")

        entity_id = d.pop("entityId")

        badgeclass = d.pop("badgeclass")

        issuer = d.pop("issuer")

        recipient = AssertionRecipient.from_dict(d.pop("recipient"))

        issued_on = datetime.datetime.fromisoformat(d.pop("issuedOn"))

        revoked = d.pop("revoked")

        id = d.pop("id", UNSET)

        open_badge_id = d.pop("openBadgeId", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        created_by: None | str | Unset = d.pop("createdBy", UNSET)

        badgeclass_open_badge_id = d.pop("badgeclassOpenBadgeId", UNSET)

        issuer_open_badge_id = d.pop("issuerOpenBadgeId", UNSET)

        image: None | str | Unset = d.pop("image", UNSET)

        narrative: None | str | Unset = d.pop("narrative", UNSET)

        _evidence = d.pop("evidence", UNSET)
        evidence: list[Evidence] | Unset = UNSET
        if _evidence is not UNSET:
            evidence = []
            for evidence_item_data in _evidence:
                evidence_item = Evidence.from_dict(evidence_item_data)

                evidence.append(evidence_item)

        revocation_reason: None | str | Unset = d.pop("revocationReason", UNSET)

        _acceptance = d.pop("acceptance", UNSET)
        acceptance: Acceptance | Unset
        if isinstance(_acceptance, Unset):
            acceptance = UNSET
        else:
            acceptance = check_acceptance(_acceptance)

        _expires = d.pop("expires", UNSET)
        expires: datetime.datetime | None | Unset
        if _expires is None or isinstance(_expires, Unset):
            expires = _expires
        else:
            try:
                if not isinstance(_expires, str):
                    raise TypeError()
                expires_type_0 = datetime.datetime.fromisoformat(_expires)

                expires = expires_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                expires = cast(datetime.datetime | None | Unset, _expires)

        _extensions = d.pop("extensions", UNSET)
        extensions: Extensions | Unset
        if isinstance(_extensions, Unset):
            extensions = UNSET
        else:
            extensions = Extensions.from_dict(_extensions)

        _assertion_ref = d.pop("assertionRef", UNSET)
        assertion_ref: AssertionRef | Unset
        if isinstance(_assertion_ref, Unset):
            assertion_ref = UNSET
        else:
            assertion_ref = AssertionRef.from_dict(_assertion_ref)

        _badge_ref = d.pop("badgeRef", UNSET)
        badge_ref: BadgeRef | Unset
        if isinstance(_badge_ref, Unset):
            badge_ref = UNSET
        else:
            badge_ref = BadgeRef.from_dict(_badge_ref)

        _issuer_ref = d.pop("issuerRef", UNSET)
        issuer_ref: IssuerRef | Unset
        if isinstance(_issuer_ref, Unset):
            issuer_ref = UNSET
        else:
            issuer_ref = IssuerRef.from_dict(_issuer_ref)

        pending = d.pop("pending", UNSET)

        source: None | str | Unset = d.pop("source", UNSET)

        source_url: None | str | Unset = d.pop("sourceUrl", UNSET)

        original_json: None | str | Unset = d.pop("originalJson", UNSET)

        image_path: None | str | Unset = d.pop("imagePath", UNSET)

        _ob_3_award_properties = d.pop("ob3AwardProperties", UNSET)
        ob_3_award_properties: None | Ob3AwardProperties | Unset
        if _ob_3_award_properties is None or isinstance(_ob_3_award_properties, Unset):
            ob_3_award_properties = _ob_3_award_properties
        else:
            try:
                if not isinstance(_ob_3_award_properties, dict):
                    raise TypeError()
                ob_3_award_properties_type_0 = Ob3AwardProperties.from_dict(_ob_3_award_properties)

                ob_3_award_properties = ob_3_award_properties_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                ob_3_award_properties = cast(None | Ob3AwardProperties | Unset, _ob_3_award_properties)

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

        assertion.additional_properties = d
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


from ..models.assertion_recipient import AssertionRecipient
from ..models.assertion_ref import AssertionRef
from ..models.badge_ref import BadgeRef
from ..models.evidence import Evidence
from ..models.extensions import Extensions
from ..models.issuer_ref import IssuerRef
from ..models.ob_3_award_properties import Ob3AwardProperties
