from typing import Literal

ExpirationDuration = Literal["days", "months", "weeks", "years"]

EXPIRATION_DURATION_VALUES: set[ExpirationDuration] = {
    "days",
    "months",
    "weeks",
    "years",
}


def check_expiration_duration(value: str) -> ExpirationDuration:
    if value in EXPIRATION_DURATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EXPIRATION_DURATION_VALUES!r}")
