"""`badgr fuzz --replay REPORT_DIR [URL]`: send the recorded failing cases again and say which
still fail and which now pass, judged by what each failed check demands (badgr_fuzz.demands).

One case per distinct finding (its first): the cases of one finding failed the same check with
the same message on the same operation. Exit code 0 when none still fails, 1 when some do (the
fuzz run's codes); a run that cannot start raises `FuzzSetupError` (exit code 2).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import httpx
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from badgr_fuzz.demands import demand_of, operation_of, spec_of
from badgr_fuzz.recorded import Recorded, SetupFailed, body_text, send
from badgr_fuzz.report import Finding, read_events

Outcome = Literal["still fails", "now passes", "not re-checked"]


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    detail: str


def recheck(
    recorded: Recorded, server: str, base_url: str, token: str | None, client: httpx.Client
) -> Verdict:
    """Send `recorded` again and judge the answer by what its check demands."""
    demand = demand_of(recorded.check, recorded.message)
    if demand is None:
        return Verdict("not re-checked", f"{recorded.check} cannot be judged on one answer")
    if recorded.note:
        return Verdict("not re-checked", f"its data cannot be recreated: {recorded.note}")
    if demand.anonymous:
        recorded = recorded.anonymous()
    try:
        response = send(recorded, base_url, token, client)
    except SetupFailed as error:
        return Verdict("not re-checked", f"its data could not be recreated: {error}")
    problem = demand.judge(response, operation_of(spec_of(server), recorded.operation))
    if problem is None:
        return Verdict("now passes", f"{demand.text}: HTTP {response.status_code}")
    return Verdict("still fails", f"{problem}: {body_text(response)}")


def recorded_server(report_dir: Path, default: str) -> str:
    """The kind of server the run fuzzed (summary.json), else `default`."""
    try:
        server = json.loads((report_dir / "summary.json").read_text(encoding="utf-8"))["server"]
    except (OSError, ValueError, KeyError, TypeError):
        return default
    return server if isinstance(server, str) else default


def findings_of(report_dir: Path) -> list[Finding]:
    """The reported findings of a run (not-implemented operations left out) with their cases."""
    events = report_dir / "events.ndjson"
    if not events.is_file():
        raise FileNotFoundError(f"{events} is missing: not a fuzz report directory")
    report = read_events(events)
    return [f for f in report.of_kind("defect") + report.of_kind("drift") if f.recorded]


def replay(
    findings: list[Finding], server: str, base_url: str, token: str | None, console: Console
) -> int:
    """Re-send each finding's case, print the verdicts; 1 if any still fails, else 0."""
    table = Table(title=f"Replayed against {base_url}", title_justify="left", show_lines=True)
    for column in ("operation", "check", "now", "why"):
        table.add_column(column, overflow="fold")
    counts = {"still fails": 0, "now passes": 0, "not re-checked": 0}
    with httpx.Client(timeout=30.0) as client:
        for finding in findings:
            assert finding.recorded is not None
            verdict = recheck(finding.recorded, server, base_url, token, client)
            counts[verdict.outcome] += 1
            style = {"still fails": "red", "now passes": "green"}.get(verdict.outcome, "yellow")
            outcome = f"[{style}]{verdict.outcome}[/{style}]"
            table.add_row(
                escape(finding.operation), finding.check, outcome, escape(verdict.detail[:400])
            )
    if findings:
        console.print(table)
    console.print(
        f"{len(findings)} recorded findings: {counts['still fails']} still fail, "
        f"{counts['now passes']} now pass, {counts['not re-checked']} not re-checked."
    )
    return 1 if counts["still fails"] else 0
