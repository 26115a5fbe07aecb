"""``badgr mock`` and ``badgr fuzz``: the embedded server and the fuzz kit, imported lazily so
the other commands never load them (they live in the ``mock`` and ``fuzz`` extras).

Here ``--profile`` names an API profile (``documented`` or ``badgr-server``), not a login.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

import click

from ._app import cli
from ._errors import SetupError
from ._state import State

__all__: list[str] = []

PASS_THROUGH = {"ignore_unknown_options": True, "allow_extra_args": True}


def _import(module: str, extra: str) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise SetupError(
            f"{module} cannot be imported ({exc}): pip install 'badgr-credentials[{extra}]'"
        ) from None


def _flags(**values: Any) -> list[str]:
    argv: list[str] = []
    for name, value in values.items():
        flag = "--" + name.replace("_", "-")
        if value is True:
            argv.append(flag)
        elif value is not None and value is not False:
            argv += [flag, str(value)]
    return argv


@cli.command(context_settings=PASS_THROUGH)
@click.option("--host", default=None, help="Interface to listen on (default 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (default 8000).")
@click.option("--db", default=None, help="SQLite file, or :memory: (default badgr-mock.sqlite3).")
@click.option("--profile", default=None, help="API profile: documented or badgr-server.")
@click.argument("mock_args", nargs=-1, type=click.UNPROCESSED)
def mock(
    host: str | None,
    port: int | None,
    db: str | None,
    profile: str | None,
    mock_args: Sequence[str],
) -> None:
    """Run the embedded mock server (other options go to badgr-mock; see `badgr-mock --help`).

    Seed users alice@example.com and bob@example.com, password badgr-demo.

    \b
    Examples:
      badgr mock --port 8000 --db :memory:
      badgr mock --port 8000 --latency-ms 20 --rate-limit 50
    """
    server = _import("badgr_mock.__main__", "mock")
    argv = _flags(host=host, port=port, db=db, profile=profile) + list(mock_args)
    server.main(argv)


def _fuzz_main() -> Callable[[list[str]], int]:
    """The fuzz kit's ``main(argv) -> int`` (the ``badgr_fuzz`` package)."""
    main: Callable[[list[str]], int] = _import("badgr_fuzz", "fuzz").main
    return main


@cli.command(context_settings=PASS_THROUGH)
@click.argument("url", required=False)
@click.option("--profile", default=None, help="API profile: documented or badgr-server.")
@click.option("--report-dir", type=click.Path(file_okay=False), default=None)
@click.option("--max-examples", type=int, default=None, help="Generated cases per operation.")
@click.option("--allow-writes", is_flag=True, help="Also POST/PUT/PATCH/DELETE to a live server.")
@click.argument("fuzz_args", nargs=-1, type=click.UNPROCESSED)
@click.pass_context
def fuzz(
    ctx: click.Context,
    url: str | None,
    profile: str | None,
    report_dir: str | None,
    max_examples: int | None,
    allow_writes: bool,
    fuzz_args: Sequence[str],
) -> None:
    """Fuzz a Credentials server against the API description (no URL: the embedded mock).

    Read-only against non-loopback servers unless --allow-writes. Credentials: $BADGR_TOKEN,
    $BADGR_USERNAME + $BADGR_PASSWORD, or the token of your `badgr login` for that URL.
    Exit 0 clean, 1 failures found, 2 could not run.

    \b
    Examples:
      badgr fuzz
      badgr fuzz https://api.test.badgr.com --max-examples 50 --report-dir fuzz-report
    """
    main = _fuzz_main()
    if url and not os.environ.get("BADGR_TOKEN") and not os.environ.get("BADGR_USERNAME"):
        # the token goes through the environment, never the command line
        stored = ctx.ensure_object(State).store.get(ctx.ensure_object(State).profile)
        if stored is not None and stored.access_token and stored.base_url == url.rstrip("/"):
            os.environ["BADGR_TOKEN"] = stored.access_token
    argv = _flags(
        url=url,
        profile=profile,
        report_dir=report_dir,
        max_examples=max_examples,
        allow_writes=allow_writes,
    )
    ctx.exit(main(argv + list(fuzz_args)))
