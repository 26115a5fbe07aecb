"""Browse commands: ``issuers list``, ``badges list`` / ``create``, ``users me``."""

from __future__ import annotations

import base64
import mimetypes
from pathlib import Path
from typing import Any

import click

from ._app import cli
from ._errors import SetupError
from ._formats import rfc3339
from ._login import user_summary
from ._state import State, common_options, pass_state

__all__: list[str] = []

JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
LIMIT_OPTION = click.option(
    "--limit",
    type=click.IntRange(min=1),
    metavar="N",
    help="At most N, in the server's order (default: all).",
)
#: the largest page the API serves
MAX_PAGE = 500


def _page_size(limit: int | None) -> int:
    return min(limit or MAX_PAGE, MAX_PAGE)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


@cli.group()
def issuers() -> None:
    """Issuers you are staff of.

    \b
    Example:
      badgr issuers list
    """


@issuers.command("list")
@LIMIT_OPTION
@JSON_OPTION
@common_options
@pass_state
def list_issuers(state: State, limit: int | None, as_json: bool) -> None:
    """List your issuers.

    \b
    Example:
      badgr issuers list --json
    """
    with state.client() as client:
        found = client.issuers.list(page_size=_page_size(limit)).limit(limit).to_list()
    if as_json:
        state.print_json([issuer.to_dict() for issuer in found])
        return
    state.print_rows(
        ["id", "name", "e-mail", "url"],
        [[i.entity_id, i.name, _text(i.email), _text(i.url)] for i in found],
    )


@cli.group()
def badges() -> None:
    """Badge classes: list and create.

    \b
    Example:
      badgr badges list --issuer ISSUER_ID --json
    """


@badges.command("list")
@click.option("--issuer", metavar="ID", help="Only this issuer's badge classes.")
@click.option("--include-archived", is_flag=True, help="Archived badge classes too.")
@LIMIT_OPTION
@JSON_OPTION
@common_options
@pass_state
def list_badges(
    state: State, issuer: str | None, include_archived: bool, limit: int | None, as_json: bool
) -> None:
    """List badge classes, yours or one issuer's.

    \b
    Example:
      badgr badges list --issuer ISSUER_ID --limit 20
    """
    with state.client() as client:
        pager = client.badgeclasses.list(
            issuer=issuer, include_archived=include_archived, page_size=_page_size(limit)
        )
        found = pager.limit(limit).to_list()
    if as_json:
        state.print_json([badge.to_dict() for badge in found])
        return
    state.print_rows(
        ["id", "name", "issuer", "created"],
        [
            [b.entity_id, b.name, b.issuer, rfc3339(b.created_at) if b.created_at else ""]
            for b in found
        ],
    )


def _image(value: str) -> str:
    """A PNG/SVG file becomes a data URI; URLs and data URIs pass as they are."""
    if value.startswith(("http://", "https://", "data:")):
        return value
    path = Path(value)
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise SetupError(f"cannot read the image {path}: {exc.strerror or exc}") from None
    kind = mimetypes.guess_type(path.name)[0]
    if kind not in {"image/png", "image/svg+xml"}:
        raise SetupError(f"the image {path} must be a .png or .svg file")
    return f"data:{kind};base64,{base64.b64encode(content).decode()}"


@badges.command("create")
@click.option("--issuer", metavar="ID", required=True, help="Issuer entity id.")
@click.option("--name", required=True)
@click.option("--description", required=True)
@click.option("--image", required=True, help="A .png/.svg file, an http(s) URL or a data: URI.")
@click.option("--criteria-narrative", metavar="TEXT", help="What earners did.")
@click.option("--criteria-url", metavar="URL")
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable).")
@JSON_OPTION
@common_options
@pass_state
def create_badge(
    state: State,
    issuer: str,
    name: str,
    description: str,
    image: str,
    criteria_narrative: str | None,
    criteria_url: str | None,
    tags: tuple[str, ...],
    as_json: bool,
) -> None:
    """Create a badge class and print its entity id.

    \b
    Example:
      badgr badges create --issuer ISSUER_ID --name Python --description "Knows Python" \\
        --image badge.png --criteria-narrative "Passed the course"
    """
    if not criteria_narrative and not criteria_url:
        raise click.UsageError("give --criteria-narrative or --criteria-url")
    with state.client() as client:
        badge = client.badgeclasses.create(
            issuer=issuer,
            name=name,
            description=description,
            image=_image(image),
            criteria_narrative=criteria_narrative,
            criteria_url=criteria_url,
            tags=list(tags) or None,
        )
    if as_json:
        state.print_json(badge.to_dict())
    else:
        click.echo(badge.entity_id)


@cli.group()
def users() -> None:
    """Users: your own profile.

    \b
    Example:
      badgr users me
    """


@users.command("me")
@JSON_OPTION
@common_options
@pass_state
def users_me(state: State, as_json: bool) -> None:
    """Show your user profile.

    \b
    Example:
      badgr users me --json
    """
    with state.client() as client:
        user = client.users.me()
    if as_json:
        state.print_json(user.to_dict())
        return
    summary = user_summary(user)
    state.print_rows(
        ["id", "name", "e-mail"],
        [[summary["entity_id"], summary["name"], ", ".join(summary["emails"])]],
    )
