from typing import Literal

DeleteBadgeclassByRefHardDelete = Literal["false", "true"]

DELETE_BADGECLASS_BY_REF_HARD_DELETE_VALUES: set[DeleteBadgeclassByRefHardDelete] = {
    "false",
    "true",
}


def check_delete_badgeclass_by_ref_hard_delete(value: str) -> DeleteBadgeclassByRefHardDelete:
    if value in DELETE_BADGECLASS_BY_REF_HARD_DELETE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DELETE_BADGECLASS_BY_REF_HARD_DELETE_VALUES!r}")
