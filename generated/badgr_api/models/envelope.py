from __future__ import annotations

import datetime
import operator
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

if TYPE_CHECKING:
    from ..models.status import Status
    from ..models.warnings import Warnings


T = TypeVar("T", bound="Envelope")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "status",
    "result",
    "timestamp",
    "validationErrors",
    "nonFieldErrors",
    "fieldErrors",
    "errorCode",
    "warnings",
    "latestTermsVersion",
    "latestTermsDescription",
)
_FIELD_NAMES = frozenset(
    (
        "status",
        "result",
        "timestamp",
        "validationErrors",
        "nonFieldErrors",
        "fieldErrors",
        "errorCode",
        "warnings",
        "latestTermsVersion",
        "latestTermsDescription",
    )
)


@_attrs_define
class Envelope:
    """Fields shared by every response envelope, success or error."""

    status: Status
    result: list[Any] | Unset = UNSET
    """ Always an array, even for a single entity; empty on errors. """
    timestamp: datetime.datetime | Unset = UNSET
    validation_errors: list[str] | Unset = UNSET
    non_field_errors: list[str] | Unset = UNSET
    field_errors: Any | Unset = UNSET
    """ Per-field errors. Usually an object mapping a field name to a list of messages, but servers
    also send a bare string, nested objects, or a list with one object per item of a batch,
    so any JSON value is accepted.
     """
    error_code: None | str | Unset = UNSET
    warnings: Warnings | Unset = UNSET
    """ Non-fatal messages, keyed by field name. """
    latest_terms_version: int | Unset = UNSET
    latest_terms_description: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.to_dict()

        result: list[Any] | Unset = UNSET
        if not isinstance(self.result, Unset):
            result = self.result

        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

        validation_errors: list[str] | Unset = UNSET
        if not isinstance(self.validation_errors, Unset):
            validation_errors = self.validation_errors

        non_field_errors: list[str] | Unset = UNSET
        if not isinstance(self.non_field_errors, Unset):
            non_field_errors = self.non_field_errors

        field_errors = self.field_errors

        error_code: None | str | Unset
        if isinstance(self.error_code, Unset):
            error_code = UNSET
        else:
            error_code = self.error_code

        warnings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.warnings, Unset):
            warnings = self.warnings.to_dict()

        latest_terms_version = self.latest_terms_version

        latest_terms_description: None | str | Unset
        if isinstance(self.latest_terms_description, Unset):
            latest_terms_description = UNSET
        else:
            latest_terms_description = self.latest_terms_description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if result is not UNSET:
            field_dict["result"] = result
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if validation_errors is not UNSET:
            field_dict["validationErrors"] = validation_errors
        if non_field_errors is not UNSET:
            field_dict["nonFieldErrors"] = non_field_errors
        if field_errors is not UNSET:
            field_dict["fieldErrors"] = field_errors
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code
        if warnings is not UNSET:
            field_dict["warnings"] = warnings
        if latest_terms_version is not UNSET:
            field_dict["latestTermsVersion"] = latest_terms_version
        if latest_terms_description is not UNSET:
            field_dict["latestTermsDescription"] = latest_terms_description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 10
            if complete:
                (
                    _status,
                    _result,
                    _timestamp,
                    _validation_errors,
                    _non_field_errors,
                    field_errors,
                    error_code,
                    _warnings,
                    latest_terms_version,
                    latest_terms_description,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            _status = src_dict["status"]
            _result = src_dict.get("result", UNSET)
            _timestamp = src_dict.get("timestamp", UNSET)
            _validation_errors = src_dict.get("validationErrors", UNSET)
            _non_field_errors = src_dict.get("nonFieldErrors", UNSET)
            field_errors = src_dict.get("fieldErrors", UNSET)
            error_code = src_dict.get("errorCode", UNSET)
            _warnings = src_dict.get("warnings", UNSET)
            latest_terms_version = src_dict.get("latestTermsVersion", UNSET)
            latest_terms_description = src_dict.get("latestTermsDescription", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 10

        status = Status.from_dict(_status)

        result = cast(list[Any], _result)

        timestamp: datetime.datetime | Unset
        if _timestamp is UNSET:
            timestamp = UNSET
        else:
            timestamp = datetime.datetime.fromisoformat(_timestamp)

        validation_errors = cast(list[str], _validation_errors)

        non_field_errors = cast(list[str], _non_field_errors)

        warnings: Warnings | Unset
        if _warnings is UNSET:
            warnings = UNSET
        else:
            warnings = Warnings.from_dict(_warnings)

        if cls is Envelope:  # what attrs' __init__ would do, without its call overhead
            envelope = _new_object(cls)
            envelope.status = status
            envelope.result = result
            envelope.timestamp = timestamp
            envelope.validation_errors = validation_errors
            envelope.non_field_errors = non_field_errors
            envelope.field_errors = field_errors
            envelope.error_code = error_code
            envelope.warnings = warnings
            envelope.latest_terms_version = latest_terms_version
            envelope.latest_terms_description = latest_terms_description
        else:  # a subclass may bring fields or an __init__ of its own
            envelope = cls(
                status=status,
                result=result,
                timestamp=timestamp,
                validation_errors=validation_errors,
                non_field_errors=non_field_errors,
                field_errors=field_errors,
                error_code=error_code,
                warnings=warnings,
                latest_terms_version=latest_terms_version,
                latest_terms_description=latest_terms_description,
            )

        if has_extra_keys:
            envelope.additional_properties = {key: value for key, value in src_dict.items() if key not in _FIELD_NAMES}
        return envelope

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


Envelope.additional_properties = empty_dict_until_set(Envelope.additional_properties)  # type: ignore[assignment]
from ..models.status import Status
from ..models.warnings import Warnings
