from typing import Literal

DeleteBadgeclassHardDelete = Literal["false", "true"]

DELETE_BADGECLASS_HARD_DELETE_VALUES: set[DeleteBadgeclassHardDelete] = {
    "false",
    "true",
}


def check_delete_badgeclass_hard_delete(value: str) -> DeleteBadgeclassHardDelete:
    if value in DELETE_BADGECLASS_HARD_DELETE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DELETE_BADGECLASS_HARD_DELETE_VALUES!r}")
