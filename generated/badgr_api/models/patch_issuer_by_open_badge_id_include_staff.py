from typing import Literal

PatchIssuerByOpenBadgeIdIncludeStaff = Literal["false", "true"]

PATCH_ISSUER_BY_OPEN_BADGE_ID_INCLUDE_STAFF_VALUES: set[PatchIssuerByOpenBadgeIdIncludeStaff] = {
    "false",
    "true",
}


def check_patch_issuer_by_open_badge_id_include_staff(value: str) -> PatchIssuerByOpenBadgeIdIncludeStaff:
    if value in PATCH_ISSUER_BY_OPEN_BADGE_ID_INCLUDE_STAFF_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PATCH_ISSUER_BY_OPEN_BADGE_ID_INCLUDE_STAFF_VALUES!r}"
    )
