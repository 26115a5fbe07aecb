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
    from ..models.recipient_input import RecipientInput


T = TypeVar("T", bound="BatchAwardItem")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "recipient",
    "issuedOn",
    "narrative",
    "evidence",
    "expires",
)
_FIELD_NAMES = frozenset(
    (
        "recipient",
        "issuedOn",
        "narrative",
        "evidence",
        "expires",
    )
)


@_attrs_define
class BatchAwardItem:
    recipient: RecipientInput
    issued_on: datetime.datetime | Unset = UNSET
    narrative: None | str | Unset = UNSET
    evidence: list[EvidenceInput] | None | Unset = UNSET
    expires: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        recipient = self.recipient.to_dict()

        issued_on: str | Unset = UNSET
        if not isinstance(self.issued_on, Unset):
            issued_on = self.issued_on.isoformat()

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

        expires: None | str | Unset
        if isinstance(self.expires, Unset):
            expires = UNSET
        elif isinstance(self.expires, datetime.datetime):
            expires = self.expires.isoformat()
        else:
            expires = self.expires

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recipient": recipient,
            }
        )
        if issued_on is not UNSET:
            field_dict["issuedOn"] = issued_on
        if narrative is not UNSET:
            field_dict["narrative"] = narrative
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if expires is not UNSET:
            field_dict["expires"] = expires

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 5
            if complete:
                (
                    _recipient,
                    _issued_on,
                    narrative,
                    _evidence,
                    _expires,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            _recipient = src_dict["recipient"]
            _issued_on = src_dict.get("issuedOn", UNSET)
            narrative = src_dict.get("narrative", UNSET)
            _evidence = src_dict.get("evidence", UNSET)
            _expires = src_dict.get("expires", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 5

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

        if cls is BatchAwardItem:  # what attrs' __init__ would do, without its call overhead
            batch_award_item = _new_object(cls)
            batch_award_item.recipient = recipient
            batch_award_item.issued_on = issued_on
            batch_award_item.narrative = narrative
            batch_award_item.evidence = evidence
            batch_award_item.expires = expires
        else:  # a subclass may bring fields or an __init__ of its own
            batch_award_item = cls(
                recipient=recipient,
                issued_on=issued_on,
                narrative=narrative,
                evidence=evidence,
                expires=expires,
            )

        if has_extra_keys:
            batch_award_item.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return batch_award_item

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


BatchAwardItem.additional_properties = empty_dict_until_set(BatchAwardItem.additional_properties)  # type: ignore[assignment]
from ..models.evidence_input import EvidenceInput
from ..models.recipient_input import RecipientInput
