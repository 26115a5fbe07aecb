"""The two CSV files of ``badgr award``: the recipients list it reads and the results file it
appends to (one row per recipient, flushed as each finishes, so an interrupted run resumes)."""

from __future__ import annotations

import csv
import fcntl
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Self

from ._errors import SetupError

__all__ = [
    "RESULT_FIELDS",
    "Invalid",
    "Recipient",
    "ResultsFile",
    "read_column",
    "read_recipients",
]

#: Column names recognised as the e-mail column when ``--email-column`` is not given.
EMAIL_HEADERS = ("email", "e-mail", "email address", "e-mail address", "mail", "recipient")
EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>.]+$")
RESULT_FIELDS = ("email", "assertion_id", "status", "error")
#: statuses after which a recipient is done; ``failed`` ones are tried again on a re-run
FINAL = frozenset({"awarded", "already-held"})


@dataclass(frozen=True)
class Recipient:
    line: int
    email: str

    @property
    def key(self) -> str:
        return self.email.lower()


@dataclass(frozen=True)
class Invalid:
    line: int
    value: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}" + (f": {self.value!r}" if self.value else "")


def _read_rows(path: Path) -> list[tuple[int, list[str]]]:
    """Every row with the line number it ends on."""
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise SetupError(f"cannot read {path}: {exc.strerror or exc}") from None
    with handle:
        reader = csv.reader(handle)
        try:
            rows = [(reader.line_num, row) for row in reader]
        except (UnicodeDecodeError, csv.Error) as exc:
            raise SetupError(f"{path} is not a readable UTF-8 CSV file: {exc}") from None
    return rows


def _column(
    path: Path,
    header: list[str],
    wanted: str | None,
    defaults: Iterable[str],
    *,
    what: str,
    hint: str,
) -> int:
    """The index of column ``wanted``, else of the first of ``defaults`` (the ``what``
    column); ``hint`` is the caller's own way out when there is none."""
    names = [cell.strip().lower() for cell in header]
    if wanted is not None:
        if wanted.strip().lower() in names:
            return names.index(wanted.strip().lower())
        raise SetupError(f"{path} has no column {wanted!r} (columns: {', '.join(header)})")
    for name in defaults:
        if name in names:
            return names.index(name)
    raise SetupError(f"{path}: no {what} column among {', '.join(header) or 'nothing'}; {hint}")


def read_recipients(path: Path, column: str | None) -> tuple[list[Recipient], list[Invalid]]:
    """Valid recipients in file order, and every invalid row with its line number: empty,
    not an e-mail address, or a repeat (case-insensitive) of an earlier line."""
    rows = _read_rows(path)
    if not rows:
        raise SetupError(f"{path} is empty")
    header = rows[0][1]
    if column is None and len(header) == 1 and EMAIL.match(header[0].strip()):
        index, body = 0, rows  # a plain list of addresses without a header
    else:
        hint = "pass --email-column NAME"
        index = _column(path, header, column, EMAIL_HEADERS, what="e-mail", hint=hint)
        body = rows[1:]
    valid: list[Recipient] = []
    invalid: list[Invalid] = []
    seen: dict[str, int] = {}
    for line, row in body:
        if not any(cell.strip() for cell in row):
            continue  # blank lines are layout, not rows
        value = row[index].strip() if index < len(row) else ""
        if not value:
            invalid.append(Invalid(line, "", "empty e-mail"))
        elif not EMAIL.match(value):
            invalid.append(Invalid(line, value, "not an e-mail address"))
        elif value.lower() in seen:
            invalid.append(Invalid(line, value, f"duplicate of line {seen[value.lower()]}"))
        else:
            seen[value.lower()] = line
            valid.append(Recipient(line, value))
    return valid, invalid


def read_column(path: Path, names: Iterable[str]) -> list[str]:
    """The non-empty values of the assertion id column (the first called one of ``names``, or
    the only one)."""
    rows = _read_rows(path)
    if not rows:
        return []
    header = rows[0][1]
    if len(header) == 1 and header[0].strip().lower() not in names:
        return [row[0].strip() for _, row in rows if row and row[0].strip()]
    wanted = list(names)
    hint = f"name it one of {', '.join(wanted)}, or give a file of one column"
    index = _column(path, header, None, wanted, what="assertion id", hint=hint)
    return [row[index].strip() for _, row in rows[1:] if index < len(row) and row[index].strip()]


class ResultsFile:
    """Append-only results CSV, locked against a second concurrent run.

    Each row is written with one ``write`` and flushed, so after ``kill -9`` the file holds
    every finished recipient; a torn last line (no newline) is cut off when it is reopened.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[str] | None = None

    def previous(self) -> dict[str, tuple[str, str]]:
        """``email (lower case) → (status, assertion_id)`` of the last row per recipient."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise SetupError(f"cannot read {self.path}: {exc.strerror or exc}") from None
        text = raw[: raw.rfind(b"\n") + 1].decode("utf-8", errors="replace")
        reader = csv.DictReader(io.StringIO(text))
        if reader.fieldnames is not None and tuple(reader.fieldnames) != RESULT_FIELDS:
            raise SetupError(
                f"{self.path} is not a badgr results file (columns {', '.join(RESULT_FIELDS)})"
            )
        return {
            row["email"].lower(): (row["status"], row["assertion_id"])
            for row in reader
            if row.get("email")
        }

    @staticmethod
    def is_final(status: str | None) -> bool:
        return status in FINAL

    def __enter__(self) -> Self:
        try:
            file = self.path.open("a+", newline="", encoding="utf-8")
        except OSError as exc:
            raise SetupError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        try:
            fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            file.close()
            raise SetupError(f"another badgr award is writing {self.path}") from None
        file.seek(0)
        content = file.read()
        if content and not content.endswith("\n"):
            file.truncate(len(content[: content.rfind("\n") + 1].encode("utf-8")))
            content = content[: content.rfind("\n") + 1]
        file.seek(0, io.SEEK_END)
        self._file = file
        if not content:
            self._write(RESULT_FIELDS)
        return self

    def write(self, email: str, assertion_id: str, status: str, error: str = "") -> None:
        self._write((email, assertion_id, status, " ".join(error.split())))

    def _write(self, row: Iterable[str]) -> None:
        assert self._file is not None, "use ResultsFile as a context manager"
        line = io.StringIO()
        csv.writer(line, lineterminator="\n").writerow(row)
        self._file.write(line.getvalue())  # one write per row: never interleaved or half-read
        self._file.flush()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
