"""Progress for long jobs: a rich bar with rate and ETA on a terminal, one plain line per item
otherwise; then a summary (a table on a terminal, one line otherwise)."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from types import TracebackType
from typing import Self

import click
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from ._formats import printable
from ._state import State

__all__ = ["Reporter"]


class RateColumn(ProgressColumn):
    """Items per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("  -.-/s" if speed is None else f"{speed:5.1f}/s", style="progress.data.speed")


class Reporter:
    """Counts outcomes by status and shows them as they come."""

    def __init__(
        self,
        state: State,
        *,
        total: int,
        label: str,
        order: Sequence[str],
        lines: bool = True,
    ) -> None:
        """``lines``: one stderr line per item when there is no bar (off when the caller
        prints each result itself)."""
        self.state = state
        self.total = total
        self.label = label
        self.order = order
        self.lines = lines
        self.counts: Counter[str] = Counter()
        self.interactive = sys.stderr.isatty() and not state.quiet
        self._progress: Progress | None = None
        self._task = TaskID(0)

    def __enter__(self) -> Self:
        if self.interactive:
            self._progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                RateColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=self.state.err,
                # stdout stays stdout (a pipe or a file gets every result); see ``result``
                redirect_stdout=False,
                redirect_stderr=False,
            )
            self._progress.start()
            self._task = self._progress.add_task(self.label, total=self.total)
        return self

    def add(self, status: str, item: str, detail: str = "") -> None:
        """Count one outcome (and show it, or advance the bar)."""
        self.counts[status] += 1
        if self._progress is not None:
            self._progress.advance(self._task)
            if status == "failed":  # failures stay visible above the bar
                failure = printable(f"failed {item}: {detail}")
                self._progress.console.print(failure, markup=False, highlight=False)
        elif self.lines and not self.state.quiet:
            line = "\t".join(printable(part) for part in (status, item, detail) if part)
            click.echo(line, err=True)

    def result(self, line: str) -> None:
        """Print one result line on stdout. When stdout is the bar's terminal, the line goes
        above the bar (through the bar's console) instead of into the bar's line."""
        line = printable(line, lines=True)
        if self._progress is not None and sys.stdout.isatty():
            self._progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            click.echo(line)

    def count(self, status: str, number: int) -> None:
        """Outcomes known before the job started (e.g. done in an earlier run)."""
        if number:
            self.counts[status] += number

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def summary(self, title: str, note: str = "") -> None:
        statuses = [*self.order, *sorted(set(self.counts) - set(self.order))]
        if self.state.quiet:
            return
        if sys.stderr.isatty():
            table = Table(title=title, show_header=True, highlight=False)
            for status in statuses:
                table.add_column(status, justify="right")
            table.add_row(*(str(self.counts[s]) for s in statuses))
            self.state.err.print(table)
            if note:
                self.state.err.print(note)
        else:
            counts = ", ".join(f"{s} {self.counts[s]}" for s in statuses)
            click.echo(f"{title}: {counts}" + (f" ({note})" if note else ""), err=True)
