from typing import Literal

Acceptance = Literal["Accepted", "Rejected", "Unaccepted"]

ACCEPTANCE_VALUES: set[Acceptance] = {
    "Accepted",
    "Rejected",
    "Unaccepted",
}


def check_acceptance(value: str) -> Acceptance:
    if value in ACCEPTANCE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ACCEPTANCE_VALUES!r}")
