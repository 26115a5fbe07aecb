from typing import Literal

GetIssuerIncludeStaff = Literal["false", "true"]

GET_ISSUER_INCLUDE_STAFF_VALUES: set[GetIssuerIncludeStaff] = {
    "false",
    "true",
}


def check_get_issuer_include_staff(value: str) -> GetIssuerIncludeStaff:
    if value in GET_ISSUER_INCLUDE_STAFF_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_ISSUER_INCLUDE_STAFF_VALUES!r}")
