from typing import Literal

ListIssuersIncludeStaff = Literal["false", "true"]

LIST_ISSUERS_INCLUDE_STAFF_VALUES: set[ListIssuersIncludeStaff] = {
    "false",
    "true",
}


def check_list_issuers_include_staff(value: str) -> ListIssuersIncludeStaff:
    if value in LIST_ISSUERS_INCLUDE_STAFF_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_ISSUERS_INCLUDE_STAFF_VALUES!r}")
