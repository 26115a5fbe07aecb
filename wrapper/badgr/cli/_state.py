"""Options every command shares (``--profile``, ``--quiet``, ``--debug``), the consoles, and the
one way commands get an SDK client: from the logged-in profile, or from ``BADGR_*`` variables."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from badgr import Client, Token

from ._errors import SetupError
from ._formats import json_ready, printable
from ._profiles import DEFAULT_PROFILE, Profile, ProfileStore

__all__ = ["State", "common_options", "pass_state"]

F = TypeVar("F", bound=Callable[..., Any])

_CREDENTIAL_VARIABLES = ("BADGR_TOKEN", "BADGR_USERNAME")


@dataclass
class State:
    profile: str = field(default_factory=lambda: os.environ.get("BADGR_PROFILE") or DEFAULT_PROFILE)
    quiet: bool = False
    debug: bool = False

    @property
    def store(self) -> ProfileStore:
        return ProfileStore()

    # -- output ------------------------------------------------------------------------------
    @property
    def out(self) -> Console:
        """Data (tables) on stdout; ``NO_COLOR`` is honoured by rich itself."""
        return Console(highlight=False, soft_wrap=True)

    @property
    def err(self) -> Console:
        """Progress and messages on stderr, silenced by ``--quiet``."""
        return Console(stderr=True, highlight=False, quiet=self.quiet)

    def note(self, message: str) -> None:
        if not self.quiet:
            click.echo(printable(message, lines=True), err=True)

    @staticmethod
    def print_json(data: Any) -> None:
        click.echo(json.dumps(json_ready(data), indent=2, default=str, ensure_ascii=False))

    def print_rows(self, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """A table on a terminal, tab-separated lines (no header) in a pipe, like ``gh``."""
        cells = [["" if v is None else printable(str(v)) for v in row] for row in rows]
        if sys.stdout.isatty():
            table = Table(*headers, highlight=False)
            for row in cells:
                table.add_row(*(Text(cell) for cell in row))  # Text: no rich markup either
            self.out.print(table)
        else:
            for row in cells:
                click.echo("\t".join(row))

    # -- the SDK client ----------------------------------------------------------------------
    def client(self, **options: Any) -> Client:
        """A client for the selected profile. ``BADGR_TOKEN`` or ``BADGR_USERNAME`` +
        ``BADGR_PASSWORD`` in the environment take precedence over the stored token, and
        ``BADGR_SERVER`` over the profile's kind of server."""
        profile = self.store.get(self.profile)
        if profile is not None and profile.server and not os.environ.get("BADGR_SERVER"):
            options.setdefault("server", profile.server)
        if any(os.environ.get(name) for name in _CREDENTIAL_VARIABLES):
            from_env = bool(os.environ.get("BADGR_BASE_URL") or os.environ.get("BADGR_REGION"))
            base_url = None if from_env or profile is None else profile.base_url
            client = self._build(base_url=base_url, **options)
            if base_url is None and not from_env:  # nothing named a server: say which it is
                self.note(
                    f"using {client.base_url}, the default server: no login for profile"
                    f" {self.profile!r} and no BADGR_BASE_URL or BADGR_REGION"
                )
            return client
        if profile is None or profile.token is None:
            raise SetupError(
                f"not logged in (profile {self.profile!r}): run `badgr login` or set BADGR_TOKEN"
            )
        profile = self._renewed(profile, options)
        return self.login_client(profile, token_updated=self._saver(profile), **options)

    def login_client(self, profile: Profile, **options: Any) -> Client:
        """A client for a stored login as stored (its server unless ``BADGR_SERVER`` says
        otherwise, its OAuth client and token pair): nothing renewed, nothing saved."""
        if profile.server and not os.environ.get("BADGR_SERVER"):
            options.setdefault("server", profile.server)
        return self._build(
            base_url=profile.base_url, token=profile.token, client_id=profile.client_id, **options
        )

    def _renewed(self, profile: Profile, options: dict[str, Any]) -> Profile:
        """``profile`` with a token that is not about to expire. Renewal happens under the
        config file's lock, after reading the profile again: parallel commands renew once,
        and the others use the pair it stored (the server rotates refresh tokens)."""
        token = profile.token
        if token is None or not token.expiring() or not token.refresh_token:
            return profile
        with self.store.locked():
            current = self.store.get(self.profile) or profile
            token = current.token
            if token is not None and token.expiring() and token.refresh_token:
                with self.login_client(
                    current, token_updated=self._saver(current), **options
                ) as client:
                    client.oauth.refresh()
                current = self.store.get(self.profile) or current
        return current

    def _saver(self, profile: Profile) -> Callable[[Token], None]:
        """Persist every refreshed token (the server may rotate the refresh token)."""

        def save(token: Token) -> None:
            self.store.put(self.profile, profile.with_token(token))

        return save

    @staticmethod
    def _build(**kwargs: Any) -> Client:
        try:
            return Client(**kwargs)
        except ValueError as exc:  # a bad URL or region in the environment
            raise SetupError(str(exc)) from None


pass_state = click.make_pass_decorator(State, ensure=True)


def _set(name: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    def callback(ctx: click.Context, _param: click.Parameter, value: Any) -> None:
        # given on the group or on the command: the last one wins, unset leaves the default
        if value is None or value is False:
            return
        setattr(ctx.ensure_object(State), name, value)

    return callback


def common_options(function: F) -> F:
    """``--profile``, ``--quiet`` and ``--debug``, accepted before or after the command name."""
    decorators = [
        click.option(
            "--profile",
            "-p",
            metavar="NAME",
            default=None,
            expose_value=False,
            is_eager=True,
            callback=_set("profile"),
            help="Login profile to use (default: $BADGR_PROFILE or 'default').",
        ),
        click.option(
            "--quiet",
            "-q",
            is_flag=True,
            default=None,
            expose_value=False,
            is_eager=True,
            callback=_set("quiet"),
            help="No progress or messages on stderr; errors still show.",
        ),
        click.option(
            "--debug",
            is_flag=True,
            default=None,
            expose_value=False,
            is_eager=True,
            callback=_set("debug"),
            help="Show the traceback of an error (secrets redacted).",
        ),
    ]
    for decorate in decorators:
        function = decorate(function)
    return function
