from typing import Literal

GetIssuerByRefIncludeStaff = Literal["false", "true"]

GET_ISSUER_BY_REF_INCLUDE_STAFF_VALUES: set[GetIssuerByRefIncludeStaff] = {
    "false",
    "true",
}


def check_get_issuer_by_ref_include_staff(value: str) -> GetIssuerByRefIncludeStaff:
    if value in GET_ISSUER_BY_REF_INCLUDE_STAFF_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_ISSUER_BY_REF_INCLUDE_STAFF_VALUES!r}")
