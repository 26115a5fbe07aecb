from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, empty_dict_until_set

if TYPE_CHECKING:
    from ..models.batch_award_item import BatchAwardItem


T = TypeVar("T", bound="BatchAwardInput")
_new_object = object.__new__

# from_dict reads every documented key in one call when all are present
_read_all_fields = operator.itemgetter(
    "assertions",
    "create_notification",
)
_FIELD_NAMES = frozenset(
    (
        "assertions",
        "create_notification",
    )
)


@_attrs_define
class BatchAwardInput:
    """Up to hundreds of awards of one badge class in one request."""

    assertions: list[BatchAwardItem]
    create_notification: bool | Unset = UNSET
    """ Whether to e-mail the recipients. """
    additional_properties: dict[str, Any] = _attrs_field(init=False)

    def to_dict(self) -> dict[str, Any]:
        assertions = []
        for assertions_item_data in self.assertions:
            assertions_item = assertions_item_data.to_dict()
            assertions.append(assertions_item)

        create_notification = self.create_notification

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assertions": assertions,
            }
        )
        if create_notification is not UNSET:
            field_dict["create_notification"] = create_notification

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        try:
            complete = len(src_dict) >= 2
            if complete:
                (
                    _assertions,
                    create_notification,
                ) = _read_all_fields(src_dict)
        except KeyError:  # a key is absent and extra keys make up the count
            complete = False
        except TypeError:  # not a mapping
            return cls.from_dict(dict(src_dict))
        if not complete:
            if type(src_dict) is not dict:
                return cls.from_dict(dict(src_dict))
            _assertions = src_dict["assertions"]
            create_notification = src_dict.get("create_notification", UNSET)
            has_extra_keys = not _FIELD_NAMES.issuperset(src_dict)
        else:
            has_extra_keys = len(src_dict) > 2

        assertions = []
        for assertions_item_data in _assertions:
            assertions_item = BatchAwardItem.from_dict(assertions_item_data)

            assertions.append(assertions_item)

        if cls is BatchAwardInput:  # what attrs' __init__ would do, without its call overhead
            batch_award_input = _new_object(cls)
            batch_award_input.assertions = assertions
            batch_award_input.create_notification = create_notification
        else:  # a subclass may bring fields or an __init__ of its own
            batch_award_input = cls(
                assertions=assertions,
                create_notification=create_notification,
            )

        if has_extra_keys:
            batch_award_input.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _FIELD_NAMES
            }
        return batch_award_input

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


BatchAwardInput.additional_properties = empty_dict_until_set(BatchAwardInput.additional_properties)  # type: ignore[assignment]
from ..models.batch_award_item import BatchAwardItem
