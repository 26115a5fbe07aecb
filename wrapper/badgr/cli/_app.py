"""The ``badgr`` command group: error handling, exit codes and shell completion."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import Any

import click
from click.shell_completion import get_completion_class

from badgr import errors

from ._errors import EXIT_FAILED, CLIError, SetupError, describe, exit_code_for, print_traceback
from ._state import State, common_options

__all__ = ["BadgrGroup", "cli"]

EXAMPLES = """
\b
Examples:
  badgr login --base-url http://127.0.0.1:8000 --username alice@example.com
  badgr award BADGE_ID --csv students.csv --out results.csv
  badgr export assertions --badge BADGE_ID --format csv --out awards.csv
  badgr api GET /v2/issuers --paginate
"""


#: ``ctx.meta`` key of the command line as given (for the hint on ids that look like options)
_ARGV = "badgr.argv"
#: an entity id (url-safe base64, 22 characters on both kinds of server) that begins with "-"
_DASHED_ID = re.compile(r"-[A-Za-z0-9_-]{15,}")


class BadgrGroup(click.Group):
    """Turns SDK errors into one line and an exit code; ``--debug`` adds the traceback."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta.setdefault(_ARGV, list(args))
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.NoSuchOption as error:
            hint = _dashed_id_hint(error, ctx.meta.get(_ARGV, ()))
            if hint is None:
                raise
            raise click.NoSuchOption(
                error.option_name, f"{error.message} {hint}", ctx=error.ctx
            ) from None
        except errors.BadgrError as error:
            if _debug(ctx):
                print_traceback(error)
            failure = SetupError if exit_code_for(error) == SetupError.exit_code else CLIError
            raise failure(describe(error)) from None
        except CLIError as error:
            if _debug(ctx):
                print_traceback(error)
            raise
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            # the reader went away (``badgr export … | head``): stop quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise SystemExit(EXIT_FAILED) from None
        except Exception as error:  # a bug: still one line unless --debug
            if _debug(ctx):
                print_traceback(error)
            raise CLIError(
                f"unexpected {type(error).__name__}: {error} (--debug shows the traceback)"
            ) from None


def _dashed_id_hint(error: click.NoSuchOption, argv: Sequence[str]) -> str | None:
    """Ids are url-safe base64 and one in 64 begins with "-", which reads as an option: how to
    pass it, when the unknown option is such an id."""
    for token in argv:
        if token.startswith(error.option_name) and _DASHED_ID.fullmatch(token):
            command = error.ctx.command_path if error.ctx else "badgr …"
            return f"If {token} is an id, pass it after '--': {command} [OPTIONS] -- {token}"
    return None


def _debug(ctx: click.Context) -> bool:
    state = ctx.find_object(State)
    return bool(state and state.debug)


@click.group(
    cls=BadgrGroup, epilog=EXAMPLES, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.version_option(package_name="badgr-credentials", prog_name="badgr")
@common_options
def cli() -> None:
    """Work with a Badgr / Canvas Credentials server from the shell.

    Log in once (`badgr login`), then one command per job. Tables on a terminal, `--json` or
    CSV for scripts. Exit codes: 0 ok, 1 some items failed, 2 usage or setup error.
    """


@cli.command()
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion(shell: str) -> None:
    """Print the shell completion script for SHELL.

    \b
    Example (bash; add the line to ~/.bashrc):
      eval "$(badgr completion bash)"
    """
    root = click.get_current_context().find_root()
    completion_class = get_completion_class(shell)
    assert completion_class is not None  # click.Choice allows only supported shells
    click.echo(completion_class(cli, {}, root.info_name or "badgr", "_BADGR_COMPLETE").source())
