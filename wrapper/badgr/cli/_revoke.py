"""``badgr revoke``: revoke awards by id, from a CSV (e.g. an award results file) or all of a
badge class, in batches, with one result line per id."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from badgr import Client, errors

from ._app import cli
from ._csvfiles import read_column
from ._errors import EXIT_FAILED, SetupError
from ._progress import Reporter
from ._state import State, common_options, pass_state

__all__: list[str] = []

BATCH = 100
ID_COLUMNS = ("assertion_id", "entity_id", "entityid", "id", "assertion")
STATUSES = ("revoked", "already-revoked", "failed")


def _ids(
    client: Client, ids: tuple[str, ...], csv_path: Path | None, badge: str | None
) -> list[str]:
    if csv_path is not None:
        found = read_column(csv_path, ID_COLUMNS)
    elif badge is not None:
        found = [a.entity_id for a in client.assertions.list(badgeclass=badge, page_size=500)]
    else:
        found = list(ids)
    return list(dict.fromkeys(found))  # each id once, in order


def _revoke_batch(client: Client, batch: list[str], reason: str) -> list[tuple[str, str, str]]:
    """``(id, status, detail)`` for every id of the batch."""
    try:
        answers = client.assertions.revoke_many(batch, reason=reason)
    except errors.APIError as error:
        return [(entity_id, "failed", str(error)) for entity_id in batch]
    outcomes: list[tuple[str, str, str]] = []
    for index, entity_id in enumerate(batch):
        matching = [a for a in answers if a.entity_id == entity_id]
        answer = matching[0] if matching else (answers[index] if index < len(answers) else None)
        if answer is None:
            outcomes.append((entity_id, "failed", "no result for this id"))
        elif answer.revoked:
            outcomes.append((entity_id, "revoked", ""))
        elif answer.already_revoked:
            outcomes.append((entity_id, "already-revoked", ""))
        elif answer.error is not None:  # its batch failed as a whole
            outcomes.append((entity_id, "failed", str(answer.error)))
        else:
            reason_text = answer.reason if isinstance(answer.reason, str) else "not revoked"
            outcomes.append((entity_id, "failed", reason_text))
    return outcomes


@cli.command()
@click.argument("ids", nargs=-1)
@click.option("--badge", metavar="ID", help="Every unrevoked award of this badge class.")
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Ids from a CSV column assertion_id (an award results file works) or entity_id.",
)
@click.option("--reason", required=True, help="Revocation reason (shown to verifiers).")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per id.")
@common_options
@pass_state
def revoke(
    state: State,
    ids: tuple[str, ...],
    badge: str | None,
    csv_path: Path | None,
    reason: str,
    yes: bool,
    as_json: bool,
) -> None:
    """Revoke awards: the IDS given, those in a CSV, or all of a badge class.

    Asks for confirmation (--yes skips it). Prints one line per id: id, status
    (revoked|already-revoked|failed) and the error. Exit 1 when some could not be revoked.

    \b
    Examples:
      badgr revoke ASSERTION_ID1 ASSERTION_ID2 --reason "Issued in error"
      badgr revoke --csv results.csv --reason "Course cancelled" --yes
    """
    if sum(bool(x) for x in (ids, badge, csv_path)) != 1:
        raise click.UsageError("give assertion IDS, --csv FILE or --badge ID (exactly one)")
    with state.client() as client:
        targets = _ids(client, ids, csv_path, badge)
        if not targets:
            state.note("nothing to revoke")
            return
        if not yes:
            if not sys.stdin.isatty():
                raise SetupError(f"not revoking {len(targets)} award(s) unconfirmed: pass --yes")
            click.confirm(
                f"Revoke {len(targets)} award(s) with reason {reason!r}?", abort=True, err=True
            )
        reporter = Reporter(
            state, total=len(targets), label="Revoking", order=STATUSES, lines=False
        )
        with reporter:
            for start in range(0, len(targets), BATCH):
                for entity_id, status, detail in _revoke_batch(
                    client, targets[start : start + BATCH], reason
                ):
                    reporter.add(status, entity_id, detail)
                    if as_json:
                        record = {"id": entity_id, "status": status, "error": detail}
                        reporter.result(json.dumps(record))
                    else:
                        reporter.result("\t".join(filter(None, (entity_id, status, detail))))
    reporter.summary("Revoke")
    if reporter.counts["failed"]:
        raise SystemExit(EXIT_FAILED)
