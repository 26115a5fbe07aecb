"""`badgr fuzz --replay REPORT_DIR [URL]`: send the recorded failing cases again and say which
still fail and which now pass, judged by what each failed check demands (badgr_fuzz.demands).

Every recorded case of each distinct finding, up to `badgr_fuzz.report.RECORDED_CASES` (the
first ones; the cases of one finding failed the same check the same way on the same operation).
A finding still fails when one of its cases does; it now passes when every case judged passes.
Exit code 0 when none still fails, 1 when some do (the fuzz run's codes); a run that cannot
start raises `FuzzSetupError` (exit code 2).
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

from badgr_fuzz.demands import (
    Answer,
    Undetermined,
    demand_of,
    operation_of,
    spec_of,
    why_not_judged,
)
from badgr_fuzz.recorded import Recorded, Replayed, SetupFailed, body_text
from badgr_fuzz.report import RECORDED_CASES, Finding, read_events

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
        return Verdict("not re-checked", why_not_judged(recorded.check))
    if recorded.note:
        return Verdict("not re-checked", f"its data cannot be recreated: {recorded.note}")
    if demand.anonymous:
        recorded = recorded.anonymous()
    replayed = Replayed(recorded, base_url, token, client)
    try:
        response = replayed.send()
        operation = operation_of(spec_of(server), recorded.operation)
        problem = demand.judge(Answer(response, operation, replayed.again))
    except SetupFailed as error:
        return Verdict("not re-checked", f"its data could not be recreated: {error}")
    except Undetermined as why:
        return Verdict("not re-checked", str(why))
    if problem is None:
        return Verdict("now passes", f"{demand.text}: HTTP {response.status_code}")
    return Verdict("still fails", f"{problem}: {body_text(response)}")


@dataclass(frozen=True)
class FindingVerdict:
    """A finding's cases, each sent again: how many were judged and how many still fail."""

    outcome: Outcome
    detail: str
    sent: int
    judged: int
    failing: int

    @property
    def cases(self) -> str:
        """ "2 of 5 fail" (of the cases that could be judged)."""
        if not self.judged:
            return f"0 of {self.sent} judged"
        return f"{self.failing} of {self.judged} fail"


def recheck_finding(
    finding: Finding, server: str, base_url: str, token: str | None, client: httpx.Client
) -> FindingVerdict:
    """Send each recorded case of `finding` again; the first failing case's words, else the
    first passing one's, else why none could be judged."""
    verdicts = [recheck(case, server, base_url, token, client) for case in finding.cases]
    failing = [v for v in verdicts if v.outcome == "still fails"]
    passing = [v for v in verdicts if v.outcome == "now passes"]
    judged = len(failing) + len(passing)
    if failing:
        first = failing[0]
    elif passing:
        first = passing[0]
    else:
        first = verdicts[0] if verdicts else Verdict("not re-checked", "no recorded case")
    return FindingVerdict(first.outcome, first.detail, len(verdicts), judged, len(failing))


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
    return [f for f in report.of_kind("defect") + report.of_kind("drift") if f.cases]


def replay(
    findings: list[Finding], server: str, base_url: str, token: str | None, console: Console
) -> int:
    """Re-send each finding's recorded cases, print the verdicts; 1 if any still fails, else 0."""
    table = Table(title=f"Replayed against {base_url}", title_justify="left", show_lines=True)
    for column in ("operation", "check", "now", "cases", "why"):
        table.add_column(column, overflow="fold")
    counts = {"still fails": 0, "now passes": 0, "not re-checked": 0}
    sent = 0
    with httpx.Client(timeout=30.0) as client:
        for finding in findings:
            verdict = recheck_finding(finding, server, base_url, token, client)
            counts[verdict.outcome] += 1
            sent += verdict.sent
            style = {"still fails": "red", "now passes": "green"}.get(verdict.outcome, "yellow")
            outcome = f"[{style}]{verdict.outcome}[/{style}]"
            detail = escape(verdict.detail[:400])
            table.add_row(escape(finding.operation), finding.check, outcome, verdict.cases, detail)
    if findings:
        console.print(table)
    console.print(
        f"{len(findings)} recorded findings: {counts['still fails']} still fail, "
        f"{counts['now passes']} now pass, {counts['not re-checked']} not re-checked "
        f"({sent} cases sent again, at most {RECORDED_CASES} per finding)."
    )
    return 1 if counts["still fails"] else 0
