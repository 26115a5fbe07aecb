from typing import Literal

PatchIssuerIncludeStaff = Literal["false", "true"]

PATCH_ISSUER_INCLUDE_STAFF_VALUES: set[PatchIssuerIncludeStaff] = {
    "false",
    "true",
}


def check_patch_issuer_include_staff(value: str) -> PatchIssuerIncludeStaff:
    if value in PATCH_ISSUER_INCLUDE_STAFF_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PATCH_ISSUER_INCLUDE_STAFF_VALUES!r}")
