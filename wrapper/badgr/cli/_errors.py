"""How the CLI fails: one line on stderr and an exit code (0 ok, 1 some items failed or the
server refused the request, 2 usage or setup problem)."""

from __future__ import annotations

import sys
import traceback
from typing import IO, Any

import click

from badgr import errors, redact  # the SDK's redaction: tracebacks hide the same secrets

from ._formats import printable

__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_SETUP",
    "CLIError",
    "SetupError",
    "exit_code_for",
    "one_line",
    "print_traceback",
]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_SETUP = 2


class CLIError(click.ClickException):
    """A failure reported as ``badgr: <message>`` on one line."""

    exit_code = EXIT_FAILED

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"badgr: {one_line(self.format_message())}", file=file or sys.stderr)


class SetupError(CLIError):
    """Not logged in, unreadable config or input file, unreachable server: exit 2."""

    exit_code = EXIT_SETUP


def one_line(text: str) -> str:
    """An error for the terminal: one line, secrets redacted, the server's control
    characters shown, not sent."""
    return printable(" ".join(redact(text).split()))


def exit_code_for(error: errors.BadgrError) -> int:
    """Credentials and connectivity are setup problems; a refused request is a failure."""
    if isinstance(error, errors.AuthenticationError | errors.APIConnectionError):
        return EXIT_SETUP
    return EXIT_FAILED


def describe(error: errors.BadgrError) -> str:
    if isinstance(error, errors.AuthenticationError):
        return f"{error} (run `badgr login` to sign in again)"
    if isinstance(error, errors.APIConnectionError):
        return f"cannot reach the server: {error}"
    return str(error)


def print_traceback(error: BaseException) -> None:
    """``--debug``: the full traceback, with every secret the SDK knows about redacted."""
    text = "".join(traceback.format_exception(error))
    click.echo(printable(redact(text), lines=True), file=sys.stderr, nl=False)
