"""``badgr login``, ``logout`` and ``whoami``: one stored token per named profile."""

from __future__ import annotations

import datetime
import os
import sys
from typing import Any

import click

from badgr import REGIONS, Client, Server, errors
from badgr_api.models.badge_user import BadgeUser

from ._app import cli
from ._errors import EXIT_SETUP, CLIError, SetupError, exit_code_for
from ._formats import rfc3339
from ._profiles import Profile
from ._state import State, common_options, pass_state

__all__ = ["user_summary"]


def _password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif os.environ.get("BADGR_PASSWORD"):
        password = os.environ["BADGR_PASSWORD"]
    elif sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True)
    else:
        raise SetupError("no password: pipe it with --password-stdin or set BADGR_PASSWORD")
    if not password:
        raise SetupError("the password is empty")
    return password


def user_summary(user: BadgeUser) -> dict[str, Any]:
    emails = [e.email for e in user.emails] if isinstance(user.emails, list) else []
    name = " ".join(part for part in (user.first_name, user.last_name) if isinstance(part, str))
    return {"entity_id": user.entity_id, "name": name, "emails": emails}


@cli.command()
@click.option("--region", type=click.Choice(sorted(REGIONS)), help="Hosted region.")
@click.option("--base-url", metavar="URL", help="Server URL (wins over --region).")
@click.option("--username", envvar="BADGR_USERNAME", metavar="EMAIL", help="[env BADGR_USERNAME]")
@click.option(
    "--server",
    envvar="BADGR_SERVER",
    type=click.Choice(["documented", "badgr-server"]),
    help="The hosted API (documented, the default) or a self-hosted badgr-server.",
)
@click.option("--client-id", envvar="BADGR_CLIENT_ID", default="public", show_default=True)
@click.option("--scope", default=None, help="OAuth scopes to ask for (default: the SDK's).")
@click.option("--password-stdin", is_flag=True, help="Read the password from stdin.")
@common_options
@pass_state
def login(
    state: State,
    region: str | None,
    base_url: str | None,
    username: str | None,
    server: Server | None,
    client_id: str,
    scope: str | None,
    password_stdin: bool,
) -> None:
    """Log in once and store the token (never the password) for the profile.

    The password is prompted without echo, or read from $BADGR_PASSWORD or --password-stdin.
    The token is kept in the per-user config file (mode 0600) and refreshed automatically.
    Server: --base-url, --region, $BADGR_BASE_URL or $BADGR_REGION (default: us); its kind
    (--server) is stored with the profile, so every later command uses it.

    \b
    Examples:
      badgr login --region eu --username me@example.edu
      badgr login --profile mock --base-url http://127.0.0.1:8000 --username alice@example.com
      badgr login --profile lab --base-url https://badgr.lab.example --server badgr-server
    """
    if not username:
        if not sys.stdin.isatty():
            raise SetupError("no username: pass --username or set BADGR_USERNAME")
        username = click.prompt("Username (e-mail)")
    password = _password(password_stdin)
    options: dict[str, Any] = {} if scope is None else {"scope": scope}
    try:
        client = Client(
            base_url=base_url,
            region=region,
            username=username,
            password=password,
            client_id=client_id,
            server=server,
            **options,
        )
    except ValueError as exc:
        raise SetupError(str(exc)) from None
    with client:
        try:
            token = client.oauth.login()
        except errors.APIError as error:
            raise SetupError(f"login to {client.base_url} refused: {error}") from None
        user = client.users.me()
    state.store.put(
        state.profile,
        Profile(
            base_url=client.base_url,
            client_id=client_id,
            username=username,
            scope=scope,
            server=client.server,
        ).with_token(token),
    )
    state.note(
        f"Logged in to {client.base_url} ({client.server}) as {username}"
        f" (profile {state.profile!r}, user {user.entity_id}); token stored in {state.store.path}"
    )


@cli.command()
@common_options
@pass_state
def logout(state: State) -> None:
    """Revoke the profile's token on the server where it can, and forget it here.

    A badgr-server revokes the token pair (RFC 7009): it stops working at once. The documented
    API offers no revocation, so there the token is only forgotten here and stays valid until
    it expires; `badgr logout` says so, and says until when. It says the same, and exits 1
    (refused) or 2 (unreachable), when a server that could revoke it did not.

    \b
    Example:
      badgr logout --profile mock
    """
    with state.store.locked():  # no renewal in another process rotates the pair meanwhile
        profile = state.store.get(state.profile)
        if profile is None:
            raise SetupError(f"profile {state.profile!r} is not logged in")
        failure = None if profile.token is None else _revoke(state, profile)
        state.store.remove(state.profile)
    if failure is None:
        state.note(
            f"Logged out (profile {state.profile!r}): the token is revoked on the server"
            " and forgotten here"
        )
        return
    reason, error = failure
    until = (
        rfc3339(datetime.datetime.fromtimestamp(profile.expires_at, datetime.UTC))
        if profile.expires_at
        else "it expires"
    )
    message = (
        f"Logged out (profile {state.profile!r}): the token is forgotten here, not revoked"
        f" ({reason}); the server accepts it until {until}, and a copy of its refresh token"
        " could renew it beyond"
    )
    if error is None:
        state.note(message)
        return
    failed = SetupError if exit_code_for(error) == EXIT_SETUP else CLIError
    raise failed(message)


def _revoke(state: State, profile: Profile) -> tuple[str, errors.BadgrError | None] | None:
    """Revoke the stored pair: ``None`` when done, else why not and, when the server could
    have revoked it but did not, the error (the exit code follows it)."""
    try:
        with state.login_client(profile) as client:
            client.oauth.revoke()
    except errors.UnsupportedOperationError:
        return "the documented API offers no token revocation", None
    except errors.APIError as error:
        if error.status_code in (404, 405, 501):
            return f"this server offers no token revocation: {error.status_code}", None
        return f"the server refused to revoke it: {error}", error
    except errors.APIConnectionError as error:
        return f"cannot reach the server: {error}", error
    return None


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@common_options
@pass_state
def whoami(state: State, as_json: bool) -> None:
    """Show the server and the user of the profile (checks that the token still works).

    \b
    Example:
      badgr whoami --json
    """
    with state.client() as client:
        user = client.users.me()
        info = {
            "profile": state.profile,
            "base_url": client.base_url,
            "server": client.server,
            **user_summary(user),
        }
    if as_json:
        state.print_json(info)
        return
    state.print_rows(
        ["profile", "server", "kind", "user", "name", "e-mail"],
        [
            [
                info["profile"],
                info["base_url"],
                info["server"],
                info["entity_id"],
                info["name"],
                ", ".join(info["emails"]),
            ]
        ],
    )
