"""How the CLI writes values for people and scripts, the same in every command."""

from __future__ import annotations

import datetime
import re
from typing import Any

__all__ = ["csv_safe", "json_ready", "printable", "rfc3339"]


def rfc3339(moment: datetime.datetime) -> str:
    """RFC 3339 as the API writes it: ``Z`` for UTC (``2026-12-06T21:30:00Z``)."""
    text = moment.isoformat()
    return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text


_UTC_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+00:00")


def json_ready(data: Any) -> Any:
    """``data`` with every UTC timestamp string in RFC 3339 ``Z`` form (the generated models'
    ``to_dict`` writes ``+00:00``), so ``--json`` of any command matches ``badgr api``."""
    if isinstance(data, str):
        return data[:-6] + "Z" if _UTC_TIMESTAMP.fullmatch(data) else data
    if isinstance(data, dict):
        return {key: json_ready(value) for key, value in data.items()}
    if isinstance(data, list):
        return [json_ready(value) for value in data]
    return data


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_LINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str, *, lines: bool = False) -> str:
    """``text`` for a terminal: control characters from server data (escape sequences that
    retitle the window, clear the screen or forge links) shown as ``\\x1b``, never sent;
    ``lines`` keeps newlines and tabs (a message of several lines)."""
    pattern = _CONTROL_BUT_LINES if lines else _CONTROL
    return pattern.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


#: what a spreadsheet runs as a formula when a cell begins with it (OWASP, CSV injection)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(cell: str) -> str:
    """A CSV cell a spreadsheet shows as text: a leading formula character gets a ``'``."""
    return f"'{cell}" if cell.startswith(_FORMULA_START) else cell
