from typing import Literal

PatchIssuerByRefIncludeStaff = Literal["false", "true"]

PATCH_ISSUER_BY_REF_INCLUDE_STAFF_VALUES: set[PatchIssuerByRefIncludeStaff] = {
    "false",
    "true",
}


def check_patch_issuer_by_ref_include_staff(value: str) -> PatchIssuerByRefIncludeStaff:
    if value in PATCH_ISSUER_BY_REF_INCLUDE_STAFF_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PATCH_ISSUER_BY_REF_INCLUDE_STAFF_VALUES!r}")
