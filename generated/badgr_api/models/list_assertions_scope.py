from typing import Literal

ListAssertionsScope = Literal["badgeclasses", "issuers"]

LIST_ASSERTIONS_SCOPE_VALUES: set[ListAssertionsScope] = {
    "badgeclasses",
    "issuers",
}


def check_list_assertions_scope(value: str) -> ListAssertionsScope:
    if value in LIST_ASSERTIONS_SCOPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_ASSERTIONS_SCOPE_VALUES!r}")
