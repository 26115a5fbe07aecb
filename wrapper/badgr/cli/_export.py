"""``badgr export assertions``: every award of a badge class or an issuer, streamed page by page
(constant memory) as CSV, JSON lines or a table, with the recipient's plaintext e-mail."""

from __future__ import annotations

import csv
import datetime
import itertools
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from badgr import Client, errors
from badgr_api.models.assertion import Assertion

from ._app import cli
from ._errors import SetupError
from ._files import written_whole
from ._formats import csv_safe, printable, rfc3339
from ._state import State, common_options, pass_state

__all__ = ["COLUMNS", "export_records"]

COLUMNS = (
    "assertion_id",
    "recipient",
    "badge_id",
    "badge",
    "issued_on",
    "expires",
    "revoked",
    "revocation_reason",
    "assertion_url",
)
#: what fits a terminal (dates without the time); csv and jsonl have every column
TABLE_COLUMNS = ("recipient", "badge", "issued_on", "expires", "revoked", "assertion_id")
#: on a narrow terminal, the table's columns dropped first (ids and recipients never)
DROP_FIRST = ("badge", "expires", "revoked", "issued_on")
#: the badge name is shortened, down to this many characters, before it is dropped
BADGE_MIN = 12
DATE_COLUMNS = frozenset({"issued_on", "expires"})
#: entity ids, kept exactly as the server sent them in every format (badgr revoke --csv reads
#: assertion_id back)
ID_COLUMNS = frozenset({"assertion_id", "badge_id"})
#: 100 per request keeps the peak under 50 MB at 100,000 rows (500 per request: ~55 MB)
PAGE_SIZE = 100

Record = dict[str, Any]


def _value(value: Any) -> str | None:
    """Strings as they are, datetimes in RFC 3339 (``Z`` for UTC, as the API writes them),
    anything absent as ``None``."""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime.datetime):
        return rfc3339(value)
    return None


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


class BadgeNames:
    """Badge class names by entity id, fetched once each."""

    def __init__(self, client: Client) -> None:
        self._client = client
        self._names: dict[str, str] = {}

    def preload_issuer(self, issuer: str) -> None:
        for badge in self._client.badgeclasses.list(
            issuer=issuer, include_archived=True, page_size=PAGE_SIZE
        ):
            self._names[badge.entity_id] = badge.name

    def __call__(self, badge: str) -> str:
        if badge not in self._names:
            try:
                self._names[badge] = self._client.badgeclasses.get(
                    badge, include_archived=True
                ).name
            except errors.NotFoundError:
                self._names[badge] = ""
        return self._names[badge]


def _record(assertion: Assertion, badge_name: Callable[[str], str]) -> Record:
    recipient = assertion.recipient
    plain = recipient.plaintext_identity
    return {
        "assertion_id": assertion.entity_id,
        "recipient": plain if isinstance(plain, str) and plain else recipient.identity,
        "badge_id": assertion.badgeclass,
        "badge": badge_name(assertion.badgeclass),
        "issued_on": _value(assertion.issued_on),
        "expires": _value(assertion.expires),
        "revoked": bool(assertion.revoked),
        "revocation_reason": _value(assertion.revocation_reason),
        "assertion_url": _value(assertion.open_badge_id),
    }


def export_records(
    client: Client, *, issuer: str | None, badge: str | None, include_revoked: bool
) -> Iterator[list[Record]]:
    """One list of rows per page of the server's answer."""
    names = BadgeNames(client)
    if issuer is not None:
        names.preload_issuer(issuer)
    pager = client.assertions.list(
        badgeclass=badge,
        issuer=issuer,
        include_revoked=include_revoked,
        include_expired=True,
        page_size=PAGE_SIZE,
    )
    for page in pager.iter_pages():
        yield [_record(assertion, names) for assertion in page.items]


def _fitting(rows: list[dict[str, str]], width: int) -> list[str]:
    """The table's columns that fit ``width``: the least useful go first (badge, expires,
    revoked, issue date); ids and recipients always stay whole; the badge name is shortened
    before it goes."""

    def widest(column: str) -> int:
        return max([len(column), *(len(row[column]) for row in rows)])

    def needed(columns: list[str]) -> int:
        cells = sum(min(widest(c), BADGE_MIN) if c == "badge" else widest(c) for c in columns)
        return cells + 3 * len(columns) + 1  # rich's borders and padding

    columns = list(TABLE_COLUMNS)
    for column in DROP_FIRST:
        if needed(columns) <= width:
            break
        columns.remove(column)
    return columns


def _write_table(pages: Iterator[list[Record]], out: IO[str]) -> int:
    """One table per page (the header on the first): nothing is held beyond a page. The
    columns are chosen to fit the terminal on the first page (:func:`_fitting`)."""
    console = Console(file=out, highlight=False, soft_wrap=False)
    total = 0
    columns: list[str] | None = None
    for number, records in enumerate(pages):
        rows = [
            {
                c: _cell(r[c])[:10] if c in DATE_COLUMNS else printable(_cell(r[c]))
                for c in TABLE_COLUMNS
            }
            for r in records
        ]
        if columns is None:
            columns = _fitting(rows, console.width)
        table = Table(show_header=number == 0, highlight=False)
        for column in columns:
            if column == "badge":
                table.add_column(column, overflow="ellipsis", no_wrap=True, min_width=BADGE_MIN)
            else:
                table.add_column(column, no_wrap=True, min_width=len(column))
        for row in rows:
            table.add_row(*(Text(row[c]) for c in columns))  # Text: no rich markup either
        console.print(table)
        total += len(records)
    return total


def _csv_row(record: Record, raw: bool) -> list[str]:
    """One CSV row; unless ``raw``, cells a spreadsheet would run as a formula are made text
    (:func:`csv_safe`), but never an id (one in 64 begins with ``-``)."""
    cells = [(c, _cell(record[c])) for c in COLUMNS]
    return [cell if raw or c in ID_COLUMNS else csv_safe(cell) for c, cell in cells]


def _write(
    pages: Iterator[list[Record]], output_format: str, target: IO[str], *, raw_csv: bool = False
) -> int:
    """Write every page in ``output_format``; the number of rows."""
    total = 0
    if output_format == "table":
        return _write_table(pages, target)
    if output_format == "json":  # one array, streamed
        target.write("[")
        for records in pages:
            for record in records:
                target.write(",\n" if total else "\n")
                target.write(json.dumps(record, ensure_ascii=False))
                total += 1
        target.write("\n]\n" if total else "]\n")
    elif output_format == "jsonl":
        for records in pages:
            target.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
            total += len(records)
    else:
        writer = csv.writer(target, lineterminator="\n")
        writer.writerow(COLUMNS)
        for records in pages:
            writer.writerows(_csv_row(r, raw_csv) for r in records)
            total += len(records)
    return total


def _first_page_fetched(pages: Iterator[list[Record]]) -> Iterator[list[Record]]:
    """``pages`` with its first page fetched now, so a refusal (a wrong id, an expired login,
    an unreachable server) raises before anything is written."""
    first = next(pages, None)
    return itertools.chain([] if first is None else [first], pages)


@cli.group()
def export() -> None:
    """Export data for spreadsheets and scripts.

    \b
    Example:
      badgr export assertions --issuer ISSUER_ID --format csv --out awards.csv
    """


@export.command("assertions")
@click.option("--issuer", metavar="ID", help="Every award of this issuer's badge classes.")
@click.option("--badge", metavar="ID", help="Every award of this badge class.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["csv", "json", "jsonl", "table"]),
    default=None,
    help="Default: table on a terminal, csv otherwise.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts (--format json).")
@click.option(
    "--raw-csv",
    is_flag=True,
    help="CSV cells exactly as sent; by default a cell that begins with = + - @ gets a ' so"
    " that spreadsheets show it as text (ids are never changed).",
)
@click.option("--include-revoked", is_flag=True, help="Revoked awards too (with the reason).")
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="File (default stdout)."
)
@common_options
@pass_state
def export_assertions(
    state: State,
    issuer: str | None,
    badge: str | None,
    output_format: str | None,
    as_json: bool,
    raw_csv: bool,
    include_revoked: bool,
    out: Path | None,
) -> None:
    """Export awards with the recipient's e-mail, badge name, dates, revocation and URL.

    Pages are written as they arrive, so memory stays constant however many awards there
    are. Expired awards are included; revoked ones with --include-revoked. The table shows
    dates without the time and fewer columns; csv and jsonl have them all.

    \b
    Examples:
      badgr export assertions --badge BADGE_ID --format csv --out awards.csv
      badgr export assertions --issuer ISSUER_ID --include-revoked --format jsonl | jq .recipient
    """
    if (issuer is None) == (badge is None):
        raise click.UsageError("give exactly one of --issuer or --badge")
    if as_json and output_format not in (None, "json"):
        raise click.UsageError(f"--json is --format json, not --format {output_format}")
    if as_json:
        output_format = "json"
    elif output_format is None:
        output_format = "table" if out is None and sys.stdout.isatty() else "csv"
    with state.client() as client:
        records = export_records(
            client, issuer=issuer, badge=badge, include_revoked=include_revoked
        )
        pages = _first_page_fetched(records)
        total = _to(out, lambda target: _write(pages, output_format, target, raw_csv=raw_csv))
    state.note(f"exported {total} award(s)" + (f" to {out}" if out else ""))


def _to(out: Path | None, write: Callable[[IO[str]], int]) -> int:
    """Run ``write`` on stdout, or on a file put in place at ``out`` only once it is complete
    (a failed export leaves no half file behind)."""
    if out is None:
        total = write(sys.stdout)
        sys.stdout.flush()
        return total
    try:
        with written_whole(out) as target:
            return write(target)
    except OSError as exc:
        raise SetupError(f"cannot write {out}: {exc.strerror or exc}") from None
