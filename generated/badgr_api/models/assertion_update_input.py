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


T = TypeVar("T", bound="AssertionUpdateInput")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "narrative",
    "expires",
    "issuedOn",
    "evidence",
)
_FIELD_NAMES = frozenset(
    (
        "narrative",
        "expires",
        "issuedOn",
        "evidence",
    )
)


@_attrs_define
class AssertionUpdateInput:
    narrative: str | Unset = UNSET
    expires: datetime.datetime | None | Unset = UNSET
    issued_on: datetime.datetime | Unset = UNSET
    evidence: list[EvidenceInput] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        narrative = self.narrative

        expires: None | str | Unset
        if isinstance(self.expires, Unset):
            expires = UNSET
        elif isinstance(self.expires, datetime.datetime):
            expires = self.expires.isoformat()
        else:
            expires = self.expires

        issued_on: str | Unset = UNSET
        if not isinstance(self.issued_on, Unset):
            issued_on = self.issued_on.isoformat()

        evidence: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.evidence, Unset):
            evidence = []
            for evidence_item_data in self.evidence:
                evidence_item = evidence_item_data.to_dict()
                evidence.append(evidence_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if narrative is not UNSET:
            field_dict["narrative"] = narrative
        if expires is not UNSET:
            field_dict["expires"] = expires
        if issued_on is not UNSET:
            field_dict["issuedOn"] = issued_on
        if evidence is not UNSET:
            field_dict["evidence"] = evidence

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 4
            if complete:
                (
                    narrative,
                    _expires,
                    _issued_on,
                    _evidence,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            narrative = src_dict.get("narrative", UNSET)
            _expires = src_dict.get("expires", UNSET)
            _issued_on = src_dict.get("issuedOn", UNSET)
            _evidence = src_dict.get("evidence", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 4

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

        issued_on: datetime.datetime | Unset
        if _issued_on is UNSET:
            issued_on = UNSET
        else:
            issued_on = datetime.datetime.fromisoformat(_issued_on)

        evidence: list[EvidenceInput] | Unset = UNSET
        if _evidence is not UNSET:
            evidence = []
            for evidence_item_data in _evidence:
                evidence_item = EvidenceInput.from_dict(evidence_item_data)

                evidence.append(evidence_item)

        if cls is AssertionUpdateInput:  # what attrs' __init__ would do, without its call overhead
            assertion_update_input = _new_object(cls)
            assertion_update_input.narrative = narrative
            assertion_update_input.expires = expires
            assertion_update_input.issued_on = issued_on
            assertion_update_input.evidence = evidence
        else:  # a subclass may bring fields or an __init__ of its own
            assertion_update_input = cls(
                narrative=narrative,
                expires=expires,
                issued_on=issued_on,
                evidence=evidence,
            )

        if has_extra_keys:
            assertion_update_input.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return assertion_update_input

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


AssertionUpdateInput.additional_properties = empty_dict_until_set(AssertionUpdateInput.additional_properties)  # type: ignore[assignment]
from ..models.evidence_input import EvidenceInput
