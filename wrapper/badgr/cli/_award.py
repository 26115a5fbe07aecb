"""``badgr award BADGE --csv FILE``: award one badge class to a class list, exactly once.

Exactly once across interruptions (Ctrl-C, ``kill -9``): the results file records every
finished recipient, and a re-run also asks the server which of the remaining recipients already
hold the badge (an award whose answer was lost to the interruption), so it awards only those
still missing. The SDK sends every award with ``allowDuplicateAwards: false``, so even a race
with another awarding tool is refused by the server instead of awarding twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from badgr import AwardResult, Client

from ._app import cli
from ._csvfiles import Invalid, Recipient, ResultsFile, read_recipients
from ._errors import EXIT_FAILED, SetupError
from ._progress import Reporter
from ._state import State, common_options, pass_state

__all__ = ["holders"]

STATUSES = ("awarded", "already-held", "failed")
#: exit status of a process stopped by Ctrl-C (128 + SIGINT), as shells report it
EXIT_INTERRUPTED = 130


def holders(client: Client, badge: str, wanted: Iterable[str]) -> dict[str, str]:
    """``email (lowercase) → assertion id`` for those of ``wanted`` who already hold ``badge``
    (the SDK's one rule: an unrevoked award, expired or not)."""
    held = client.assertions.holders(badge, list(wanted))
    return {email.lower(): award.entity_id for email, award in held.items()}


def _report_invalid(state: State, csv_path: Path, invalid: list[Invalid], skip: bool) -> None:
    if not invalid:
        return
    if not (skip and state.quiet):  # with --skip-invalid they are warnings
        for row in invalid:
            click.echo(f"{csv_path}: {row}", err=True)
    if not skip:
        raise SetupError(
            f"{len(invalid)} invalid row(s) in {csv_path}; nothing was awarded."
            " Fix them, or pass --skip-invalid to award the others"
        )
    state.note(f"skipping {len(invalid)} invalid row(s)")


@cli.command()
@click.argument("badge")
@click.option(
    "--csv",
    "csv_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Recipients: a CSV with an e-mail column, or one address per line.",
)
@click.option("--email-column", metavar="NAME", help="Column with the e-mail (default: 'email').")
@click.option("--narrative", help="Narrative on every award.")
@click.option("--evidence-url", metavar="URL", help="Evidence URL on every award.")
@click.option("--notify/--no-notify", default=None, help="Ask the server to e-mail recipients.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Results CSV, appended (default: <csv>.results.csv beside the input).",
)
@click.option("--dry-run", is_flag=True, help="Show what would be awarded; award nothing.")
@click.option("--skip-invalid", is_flag=True, help="Award the valid rows despite invalid ones.")
@click.option("--concurrency", type=click.IntRange(1, 64), default=8, show_default=True)
@common_options
@pass_state
def award(
    state: State,
    badge: str,
    csv_path: Path,
    email_column: str | None,
    narrative: str | None,
    evidence_url: str | None,
    notify: bool | None,
    out: Path | None,
    dry_run: bool,
    skip_invalid: bool,
    concurrency: int,
) -> None:
    """Award BADGE (a badge class entity id) to every e-mail in a CSV file.

    Invalid rows (empty, not an e-mail, repeated) are listed with their line numbers before
    anything is sent. The results file gets one row per recipient (email, assertion_id,
    status awarded|already-held|failed, error) as each finishes. Re-run the same command after
    an interruption: it awards only the recipients still missing, never twice; failed ones
    are tried again. Exit 1 when some awards failed.

    \b
    Examples:
      badgr award BADGE_ID --csv students.csv --out results.csv
      badgr award BADGE_ID --csv students.csv --email-column "E-mail" --dry-run
    """
    recipients, invalid = read_recipients(csv_path, email_column)
    _report_invalid(state, csv_path, invalid, skip_invalid)
    results = ResultsFile(out or csv_path.with_name(csv_path.stem + ".results.csv"))
    resumed = results.path.exists()
    previous = results.previous()
    earlier = {status: 0 for status in STATUSES}
    pending: list[Recipient] = []
    for recipient in recipients:
        status = previous.get(recipient.key, ("", ""))[0]
        if ResultsFile.is_final(status):
            earlier[status] += 1
        else:
            pending.append(recipient)
    options: dict[str, Any] = {"narrative": narrative, "notify": notify}
    if evidence_url:
        options["evidence"] = [{"url": evidence_url}]
    with state.client() as client:
        badge_name = client.badgeclasses.get(badge).name
        # a resumed run asks the server about the recipients without a result: an award
        # whose answer was lost when the last run was stopped must not be sent again
        held = holders(client, badge, [r.email for r in pending]) if resumed or dry_run else {}
        to_award = [r for r in pending if r.key not in held]
        if dry_run:
            for recipient in to_award:
                click.echo(recipient.email)
            state.note(
                f"dry run for {badge_name!r}: would award {len(to_award)};"
                f" {len(held)} already hold it; {earlier['awarded'] + earlier['already-held']}"
                f" done in {results.path}; {len(invalid)} invalid"
            )
            return
        with results:
            for recipient in pending:
                if recipient.key in held:
                    results.write(recipient.email, held[recipient.key], "already-held")
            reporter = Reporter(
                state, total=len(to_award), label=f"Awarding {badge_name}", order=STATUSES
            )
            reporter.count("already-held", len(held))
            reporter.count("done earlier", earlier["awarded"] + earlier["already-held"])
            reporter.count("invalid", len(invalid))
            _award_all(client, badge, to_award, results, reporter, concurrency, options)
    reporter.summary(f"Award of {badge_name!r}", f"results: {results.path}")
    if reporter.counts["failed"]:
        raise SystemExit(EXIT_FAILED)


def _award_all(
    client: Client,
    badge: str,
    to_award: list[Recipient],
    results: ResultsFile,
    reporter: Reporter,
    concurrency: int,
    options: dict[str, Any],
) -> None:
    """Award, recording each outcome in the results file the moment it arrives."""

    def record(_done: int, _total: int, result: AwardResult) -> None:
        email = str(result.recipient)
        if result.assertion is not None:
            results.write(email, result.assertion.entity_id, "awarded")
            reporter.add("awarded", email, result.assertion.entity_id)
            return
        existing = result.existing_entity_id  # a refused duplicate names the award held
        if existing is not None:
            results.write(email, existing, "already-held")
            reporter.add("already-held", email, existing)
        else:
            message = str(result.error) if result.error is not None else "no result"
            results.write(email, "", "failed", message)
            reporter.add("failed", email, message)

    with reporter:
        try:
            client.assertions.award_many(
                badge,
                [r.email for r in to_award],
                concurrency=concurrency,
                progress=record,
                **options,
            )
        except KeyboardInterrupt:
            reporter.stop()
            reporter.summary("Interrupted", f"re-run the same command to resume ({results.path})")
            raise SystemExit(EXIT_INTERRUPTED) from None
