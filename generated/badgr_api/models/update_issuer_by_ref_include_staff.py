from typing import Literal

UpdateIssuerByRefIncludeStaff = Literal["false", "true"]

UPDATE_ISSUER_BY_REF_INCLUDE_STAFF_VALUES: set[UpdateIssuerByRefIncludeStaff] = {
    "false",
    "true",
}


def check_update_issuer_by_ref_include_staff(value: str) -> UpdateIssuerByRefIncludeStaff:
    if value in UPDATE_ISSUER_BY_REF_INCLUDE_STAFF_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UPDATE_ISSUER_BY_REF_INCLUDE_STAFF_VALUES!r}")
