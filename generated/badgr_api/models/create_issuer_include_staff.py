from typing import Literal

CreateIssuerIncludeStaff = Literal["false", "true"]

CREATE_ISSUER_INCLUDE_STAFF_VALUES: set[CreateIssuerIncludeStaff] = {
    "false",
    "true",
}


def check_create_issuer_include_staff(value: str) -> CreateIssuerIncludeStaff:
    if value in CREATE_ISSUER_INCLUDE_STAFF_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_ISSUER_INCLUDE_STAFF_VALUES!r}")
