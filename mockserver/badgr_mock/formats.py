"""Format checks for ``email``, ``uri`` and ``date-time``, and timestamp helpers."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from jsonschema import FormatChecker
from rfc3986_validator import validate_rfc3986

_EMAIL = re.compile(
    r"^[^@\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})*$"
)
_DATE_TIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$"
)

FORMAT_CHECKER = FormatChecker(formats=())


@FORMAT_CHECKER.checks("email")
def is_email(value: object) -> bool:
    return not isinstance(value, str) or bool(_EMAIL.match(value))


@FORMAT_CHECKER.checks("uri")
def is_uri(value: object) -> bool:
    """RFC 3986, as the fuzz kit's validator reads ``format: uri`` (ASCII: an IRI is sent
    percent-encoded)."""
    return not isinstance(value, str) or bool(validate_rfc3986(value, rule="URI"))


@FORMAT_CHECKER.checks("date-time")
def is_date_time(value: object) -> bool:
    return not isinstance(value, str) or parse_date_time(value) is not None


def parse_date_time(value: str) -> datetime | None:
    """An RFC 3339 timestamp with a zone, as an aware datetime; None when it is not one."""
    match = _DATE_TIME.match(value)
    if match is None:
        return None
    fraction = (match.group(7) or ".0")[1:7].ljust(6, "0")
    zone = match.group(8).upper()
    normalised = (
        f"{match.group(1)}-{match.group(2)}-{match.group(3)}T{match.group(4)}:{match.group(5)}"
        f":{match.group(6)}.{fraction}{'+00:00' if zone == 'Z' else zone}"
    )
    try:
        # Converting to UTC also rejects moments that overflow at the ends of the calendar.
        return datetime.fromisoformat(normalised).astimezone(UTC)
    except (ValueError, OverflowError):
        return None


def format_timestamp(moment: datetime) -> str:
    """The server's timestamp style: UTC, microseconds, ``Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def timestamp_from_epoch(seconds: float) -> str:
    return format_timestamp(datetime.fromtimestamp(seconds, tz=UTC))


def normalise_timestamp(value: str) -> str | None:
    """A client's timestamp in UTC with ``Z``, echoed at the precision given (whole seconds stay
    whole, as on the real server); None when it is not a timestamp."""
    parsed = parse_date_time(value)
    if parsed is None:
        return None
    match = _DATE_TIME.match(value)
    if match is not None and match.group(7) is None:
        return parsed.strftime("%Y-%m-%dT%H:%M:%SZ")
    return format_timestamp(parsed)
