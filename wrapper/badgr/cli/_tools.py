"""``badgr mock`` and ``badgr fuzz``: the embedded server and the fuzz kit, imported lazily so
the other commands never load them (they live in the ``mock`` and ``fuzz`` extras).

``--server documented|badgr-server`` chooses the kind of server. ``--profile`` names a login
here as everywhere, except that a value of ``documented`` or ``badgr-server`` is the deprecated
spelling of ``--server`` (it was the option's name until 0.2).
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

SERVER_KINDS = ("documented", "badgr-server")
_SERVER = click.option(
    "--server",
    type=click.Choice(SERVER_KINDS),
    default=None,
    help="documented (the hosted API) or badgr-server (self-hosted); default $BADGR_SERVER.",
)
_PROFILE = click.option(
    "--profile", default=None, help="A login (see badgr login); documented/badgr-server: --server."
)


def _server_or_login(ctx: click.Context, server: str | None, profile: str | None) -> str | None:
    """The kind of server; a ``--profile`` naming one is the old spelling, any other a login."""
    if profile in SERVER_KINDS:
        click.echo(f"badgr: --profile {profile} is deprecated, use --server {profile}", err=True)
        return server or profile
    if profile is not None:
        ctx.ensure_object(State).profile = profile
    return server


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
@_SERVER
@_PROFILE
@click.argument("mock_args", nargs=-1, type=click.UNPROCESSED)
@click.pass_context
def mock(
    ctx: click.Context,
    host: str | None,
    port: int | None,
    db: str | None,
    server: str | None,
    profile: str | None,
    mock_args: Sequence[str],
) -> None:
    """Run the embedded mock server (other options go to badgr-mock; see `badgr-mock --help`).

    Seed users alice@example.com and bob@example.com, password badgr-demo.

    \b
    Examples:
      badgr mock --port 8000 --db :memory:
      badgr mock --port 8000 --latency-ms 20 --rate-limit 50
      badgr mock --server badgr-server
    """
    kind = _server_or_login(ctx, server, profile)
    mock_main = _import("badgr_mock.__main__", "mock")
    argv = _flags(host=host, port=port, db=db, server=kind) + list(mock_args)
    mock_main.main(argv)


def _fuzz_main() -> Callable[[list[str]], int]:
    """The fuzz kit's ``main(argv) -> int`` (the ``badgr_fuzz`` package)."""
    main: Callable[[list[str]], int] = _import("badgr_fuzz", "fuzz").main
    return main


def _url_among(words: Sequence[str]) -> tuple[str | None, list[str]]:
    """The server's URL (a bare ``http(s)://`` word, or the fuzz kit's own ``--url``) and the
    kit's other options, in any order. The URL is not a click argument: with unknown options
    passed through, click would take the first of them (``--seed``) for it."""
    found: str | None = None
    kept: list[str] = []
    remaining = iter(words)
    for word in remaining:
        if word == "--url":
            found = next(remaining, None)
        elif word.startswith("--url="):
            found = word.removeprefix("--url=")
        elif found is None and word.startswith(("http://", "https://")):
            found = word
        else:
            kept.append(word)
    return found, kept


@cli.command(context_settings=PASS_THROUGH)
@_SERVER
@_PROFILE
@click.option("--report-dir", type=click.Path(file_okay=False), default=None)
@click.option("--max-examples", type=int, default=None, help="Generated cases per operation.")
@click.option("--allow-writes", is_flag=True, help="Also POST/PUT/PATCH/DELETE to a live server.")
@click.argument("fuzz_args", nargs=-1, type=click.UNPROCESSED, metavar="[URL] [KIT OPTIONS]...")
@click.pass_context
def fuzz(
    ctx: click.Context,
    server: str | None,
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
      badgr fuzz --url http://127.0.0.1:8000 --seed 7 --phases examples,coverage
      badgr fuzz http://127.0.0.1:8000 --export-tests tests/fuzz_findings
      badgr fuzz --replay fuzz-report http://127.0.0.1:8000   # which findings still fail
    """
    kind = _server_or_login(ctx, server, profile)
    url, fuzz_args = _url_among(fuzz_args)
    main = _fuzz_main()
    if url and not os.environ.get("BADGR_TOKEN") and not os.environ.get("BADGR_USERNAME"):
        # the token goes through the environment, never the command line
        stored = ctx.ensure_object(State).store.get(ctx.ensure_object(State).profile)
        if stored is not None and stored.access_token and stored.base_url == url.rstrip("/"):
            os.environ["BADGR_TOKEN"] = stored.access_token
    argv = _flags(
        url=url,
        server=kind,
        report_dir=report_dir,
        max_examples=max_examples,
        allow_writes=allow_writes,
    )
    ctx.exit(main(argv + list(fuzz_args)))


@cli.command(context_settings={**PASS_THROUGH, "help_option_names": []})
@click.argument("proxy_args", nargs=-1, type=click.UNPROCESSED, metavar="COMMAND [ARGS]...")
@click.pass_context
def proxy(ctx: click.Context, proxy_args: Sequence[str]) -> None:
    """Check real traffic against the API description (the fuzz kit's proxy; `--help` for more).

    \b
    Commands:
      serve UPSTREAM_URL [--server documented|badgr-server] [--port N] [--strict]
      check FILE     judge recorded traffic: the proxy's NDJSON or a HAR file
      report FILE    the summary (and --html report) of the proxy's NDJSON

    \b
    Examples:
      badgr proxy serve https://api.badgr.io --port 8010 --log traffic.ndjson
      badgr proxy check browser-session.har --server badgr-server --html report.html
      badgr proxy report traffic.ndjson
    """
    main: Callable[[list[str]], int] = _import("badgr_fuzz.proxy", "fuzz").main
    ctx.exit(main(list(proxy_args)))
