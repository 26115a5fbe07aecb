from typing import Literal

UpdateIssuerIncludeStaff = Literal["false", "true"]

UPDATE_ISSUER_INCLUDE_STAFF_VALUES: set[UpdateIssuerIncludeStaff] = {
    "false",
    "true",
}


def check_update_issuer_include_staff(value: str) -> UpdateIssuerIncludeStaff:
    if value in UPDATE_ISSUER_INCLUDE_STAFF_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UPDATE_ISSUER_INCLUDE_STAFF_VALUES!r}")
