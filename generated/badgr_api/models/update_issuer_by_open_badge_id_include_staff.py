from typing import Literal

UpdateIssuerByOpenBadgeIdIncludeStaff = Literal["false", "true"]

UPDATE_ISSUER_BY_OPEN_BADGE_ID_INCLUDE_STAFF_VALUES: set[UpdateIssuerByOpenBadgeIdIncludeStaff] = {
    "false",
    "true",
}


def check_update_issuer_by_open_badge_id_include_staff(value: str) -> UpdateIssuerByOpenBadgeIdIncludeStaff:
    if value in UPDATE_ISSUER_BY_OPEN_BADGE_ID_INCLUDE_STAFF_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {UPDATE_ISSUER_BY_OPEN_BADGE_ID_INCLUDE_STAFF_VALUES!r}"
    )
