from typing import Literal

AwardAssertionScope = Literal["badgeclasses", "issuers"]

AWARD_ASSERTION_SCOPE_VALUES: set[AwardAssertionScope] = {
    "badgeclasses",
    "issuers",
}


def check_award_assertion_scope(value: str) -> AwardAssertionScope:
    if value in AWARD_ASSERTION_SCOPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {AWARD_ASSERTION_SCOPE_VALUES!r}")
