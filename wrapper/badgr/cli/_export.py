"""``badgr export assertions``: every award of a badge class or an issuer, streamed page by page
(constant memory) as CSV, JSON lines or a table, with the recipient's plaintext e-mail."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

import click
from rich.console import Console
from rich.table import Table

from badgr import Client, errors
from badgr_api.models.assertion import Assertion

from ._app import cli
from ._errors import SetupError
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
DATE_COLUMNS = frozenset({"issued_on", "expires"})
#: 100 per request keeps the peak under 50 MB at 100,000 rows (500 per request: ~55 MB)
PAGE_SIZE = 100

Record = dict[str, Any]


def _value(value: Any) -> str | None:
    """Strings as they are, datetimes in ISO 8601, anything absent as ``None``."""
    if isinstance(value, str):
        return value
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
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


def _write_table(pages: Iterator[list[Record]], out: IO[str]) -> int:
    """One table per page (the header on the first): nothing is held beyond a page."""
    console = Console(file=out, highlight=False, soft_wrap=False)
    total = 0
    for number, records in enumerate(pages):
        table = Table(show_header=number == 0, highlight=False)
        for column in TABLE_COLUMNS:
            table.add_column(column, no_wrap=column not in {"badge", "recipient"})
        for record in records:
            table.add_row(
                *(
                    _cell(record[c])[:10] if c in DATE_COLUMNS else _cell(record[c])
                    for c in TABLE_COLUMNS
                )
            )
        console.print(table)
        total += len(records)
    return total


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
    type=click.Choice(["csv", "jsonl", "table"]),
    default=None,
    help="Default: table on a terminal, csv otherwise.",
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
    if output_format is None:
        output_format = "table" if out is None and sys.stdout.isatty() else "csv"
    with ExitStack() as stack:
        if out is None:
            target: IO[str] = sys.stdout
        else:
            try:
                target = stack.enter_context(out.open("w", newline="", encoding="utf-8"))
            except OSError as exc:
                raise SetupError(f"cannot write {out}: {exc.strerror or exc}") from None
        client = stack.enter_context(state.client())
        pages = export_records(client, issuer=issuer, badge=badge, include_revoked=include_revoked)
        total = 0
        if output_format == "table":
            total = _write_table(pages, target)
        elif output_format == "jsonl":
            for records in pages:
                target.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
                total += len(records)
        else:
            writer = csv.writer(target, lineterminator="\n")
            writer.writerow(COLUMNS)
            for records in pages:
                writer.writerows([_cell(r[c]) for c in COLUMNS] for r in records)
                total += len(records)
        target.flush()
    state.note(f"exported {total} award(s)" + (f" to {out}" if out else ""))
