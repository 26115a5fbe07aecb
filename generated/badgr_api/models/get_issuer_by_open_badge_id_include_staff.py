from typing import Literal

GetIssuerByOpenBadgeIdIncludeStaff = Literal["false", "true"]

GET_ISSUER_BY_OPEN_BADGE_ID_INCLUDE_STAFF_VALUES: set[GetIssuerByOpenBadgeIdIncludeStaff] = {
    "false",
    "true",
}


def check_get_issuer_by_open_badge_id_include_staff(value: str) -> GetIssuerByOpenBadgeIdIncludeStaff:
    if value in GET_ISSUER_BY_OPEN_BADGE_ID_INCLUDE_STAFF_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_ISSUER_BY_OPEN_BADGE_ID_INCLUDE_STAFF_VALUES!r}")
