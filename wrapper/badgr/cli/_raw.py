"""``badgr api``: one raw request through the SDK client, like ``gh api``.

It is :meth:`badgr.Client.request` on the command line: the client's base URL, auth (token
refresh, credentials only to its own origin), logging with redaction, retries of idempotent
methods and the SDK's typed errors. This module only parses arguments and prints.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import click

from badgr import Client, RawResponse

from ._app import cli
from ._errors import SetupError
from ._state import State, common_options, pass_state

__all__ = ["pages"]

_QUERY_METHODS = frozenset({"GET", "HEAD", "DELETE", "OPTIONS"})
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")


def pages(
    client: Client, url: str, *, params: Mapping[str, str] | None = None
) -> Iterator[RawResponse[Any]]:
    """GET ``url`` and every ``Link rel="next"`` after it, verbatim; stops on a repeated URL."""
    seen: set[str] = set()
    page = client.request("GET", url, params=params)
    while True:
        yield page
        response = page.http_response
        link = response.links.get("next", {}).get("url")
        if not link:
            return
        next_url = str(response.request.url.join(link))
        if next_url in seen:
            return
        seen.add(next_url)
        page = client.request("GET", next_url)


def _result(body: Any) -> Any:
    """The envelope's ``result`` (the envelope is handled, like the SDK does)."""
    if isinstance(body, dict) and "result" in body and "status" in body:
        return body["result"]
    return body


def _typed(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value


def _pairs(raw: tuple[str, ...], typed: bool) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for item in raw:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.UsageError(f"expected key=value, got {item!r}")
        fields[key] = _typed(value) if typed else value
    return fields


def _emit(data: Any) -> None:
    if data is None:
        return
    if isinstance(data, str):
        click.echo(data)
    else:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))


@cli.command()
@click.argument("method_or_path")
@click.argument("path", required=False)
@click.option("-f", "--field", "fields", multiple=True, metavar="KEY=VALUE", help="String field.")
@click.option(
    "-F",
    "--typed-field",
    "typed_fields",
    multiple=True,
    metavar="KEY=VALUE",
    help="Field whose value is JSON (numbers, true, false, null, objects).",
)
@click.option(
    "--input",
    "input_file",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="JSON request body from a file ('-': stdin).",
)
@click.option(
    "--paginate", is_flag=True, help="Follow Link rel=next; print all results as one list."
)
@click.option("--envelope", is_flag=True, help="Print whole response bodies (one per page).")
@common_options
@pass_state
def api(
    state: State,
    method_or_path: str,
    path: str | None,
    fields: tuple[str, ...],
    typed_fields: tuple[str, ...],
    input_file: str | None,
    paginate: bool,
    envelope: bool,
) -> None:
    """Send METHOD PATH with your credentials and print the JSON result.

    METHOD defaults to GET. Fields are query parameters for GET and DELETE, the JSON body
    otherwise. The envelope is unwrapped (its `result` is printed) unless --envelope; an error
    answer exits 1 with the server's message.

    \b
    Examples:
      badgr api /v2/users/self
      badgr api GET /v2/issuers -f num=50 --paginate
      badgr api POST /v2/issuers -f name=Academy -f email=me@example.edu -f url=https://a.example
    """
    method = method_or_path.upper() if path is not None else "GET"
    path = path if path is not None else method_or_path
    if method not in METHODS:
        raise click.UsageError(f"unknown method {method!r}; use one of {', '.join(METHODS)}")
    if not path.startswith("/"):
        raise click.UsageError(f"PATH must start with '/', e.g. /v2/issuers (got {path!r})")
    values = {**_pairs(fields, typed=False), **_pairs(typed_fields, typed=True)}
    body: Any = None
    params: dict[str, str] | None = None
    if input_file is not None:
        body = _read_input(input_file)
    if method in _QUERY_METHODS:
        params = {k: v if isinstance(v, str) else json.dumps(v) for k, v in values.items()}
    elif values:
        if body is not None and not isinstance(body, dict):
            raise click.UsageError("fields can only be merged into a JSON object body")
        body = {**(body or {}), **values}
    if paginate and method != "GET":
        raise click.UsageError("--paginate works with GET only")
    with state.client() as client:
        if not paginate:
            data = client.request(method, path, params=params, json=body).parse()
            _emit(data if envelope else _result(data))
            return
        merged: list[Any] = []
        for page in pages(client, path, params=params):
            data = page.parse()
            if envelope:
                click.echo(json.dumps(data, ensure_ascii=False))
                continue
            result = _result(data)
            merged.extend(result if isinstance(result, list) else [result])
        if not envelope:
            _emit(merged)


def _read_input(name: str) -> Any:
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
        return json.loads(text)
    except OSError as exc:
        raise SetupError(f"cannot read {name}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise SetupError(f"{name} is not JSON: {exc}") from None
