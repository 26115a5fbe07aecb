from typing import Literal

StaffRole = Literal["editor", "owner", "staff"]

STAFF_ROLE_VALUES: set[StaffRole] = {
    "editor",
    "owner",
    "staff",
}


def check_staff_role(value: str) -> StaffRole:
    if value in STAFF_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STAFF_ROLE_VALUES!r}")
