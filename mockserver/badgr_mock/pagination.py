"""List pagination and its ``Link`` header.

Most lists page by keyset on (created, id), newest first, with opaque cursors: a cursor names the
last (``after``) or first (``before``) row of the page it came from, so rows inserted during a
walk can neither shift a later page (no skips) nor repeat one (no duplicates). The public issuer
list of an organization pages by page number, as documented.
"""

from __future__ import annotations

import base64
import binascii
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

from .context import Context
from .envelope import MISCELLANEOUS, ErrorReply, bad_request


@dataclass
class RowPage:
    """One page of rows plus the links to its neighbours."""

    rows: list[sqlite3.Row]
    next_url: str | None = None
    prev_url: str | None = None

    @property
    def headers(self) -> dict[str, str]:
        """The RFC 8288 ``Link`` header, when there is a neighbouring page."""
        links = [
            f'<{url}>; rel="{rel}"'
            for url, rel in ((self.next_url, "next"), (self.prev_url, "prev"))
            if url is not None
        ]
        return {"Link": ", ".join(links)} if links else {}


MAX_PAGE_SIZE = 500


def requested_page_size(ctx: Context) -> int | None:
    """``num`` as sent; None when absent or (where the spec takes any text) not a number."""
    num = ctx.params.get("num")
    if isinstance(num, str):
        text = num.strip()
        return (
            int(text)
            if text.removeprefix("-").isascii() and text.removeprefix("-").isdigit()
            else None
        )
    return num if isinstance(num, int) else None


def page_size(ctx: Context) -> int | None:
    """``num`` clamped to 1..500 as real servers do (0 is 1, 501 is 500); None: no paging."""
    num = requested_page_size(ctx)
    return None if num is None else max(1, min(MAX_PAGE_SIZE, num))


AFTER, BEFORE = "after", "before"
Position = tuple[str, tuple[str, str]]  # (AFTER or BEFORE, (created, id))


def encode_cursor(created: str, row_id: str) -> str:
    return _b64(f"{created}|{row_id}")


def decode_cursor(cursor: str, name: str) -> tuple[str, str]:
    """A cursor this server did not issue names no position: 404, as the real server answers."""
    invalid = ErrorReply(404, "invalid cursor", field_errors={name: ["Invalid cursor."]})
    created, _, row_id = _unb64(cursor, invalid).partition("|")
    if not created or not row_id:
        raise invalid
    return created, row_id


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).rstrip(b"=").decode()


def _unb64(text: str, invalid: ErrorReply) -> str:
    try:
        return base64.urlsafe_b64decode((text + "=" * (-len(text) % 4)).encode("ascii")).decode()
    except (binascii.Error, ValueError, UnicodeError):
        raise invalid from None


def read_position(ctx: Context) -> Position | None:
    """Where a page starts: after or before a row, from ``after``/``before`` or DRF's ``cursor``
    (base64 of ``p=<position>``, with ``r=1`` for a page before it)."""
    if ctx.settings.profile.drf_cursors:
        raw = ctx.params.get("cursor")
        if raw is None:
            return None
        invalid = ErrorReply(404, MISCELLANEOUS, field_errors="Invalid cursor")
        fields = dict(parse_qsl(_unb64(raw, invalid)))
        created, _, row_id = fields.get("p", "").partition("|")
        if not created or not row_id:
            raise invalid
        return (BEFORE if fields.get("r") == "1" else AFTER), (created, row_id)
    # Decode both first: a made-up cursor is a 404 whatever else the query says.
    given = [
        (name, decode_cursor(ctx.params[name], name))
        for name in (AFTER, BEFORE)
        if ctx.params.get(name) is not None
    ]
    if len(given) == 2:
        raise bad_request(validation_errors=["Send either after or before, not both."])
    return given[0] if given else None


def _link(ctx: Context, direction: str, row: sqlite3.Row) -> str:
    key = f"{row['created']}|{row['id']}"
    if ctx.settings.profile.drf_cursors:
        query = urlencode([("r", "1"), ("p", key)] if direction == BEFORE else [("p", key)])
        return ctx.absolute_url(cursor=_b64(query))
    other = AFTER if direction == BEFORE else BEFORE
    return ctx.absolute_url(**{direction: _b64(key), other: None})


_ORDER_DESC = "ORDER BY created DESC, id DESC"
_ORDER_ASC = "ORDER BY created ASC, id ASC"
_OLDER = " AND (created, id) < (?, ?)"
_NEWER = " AND (created, id) > (?, ?)"


def paginate(ctx: Context, table: str, where: str, args: Sequence[Any]) -> RowPage:
    """Run ``SELECT * FROM table WHERE where`` in (created, id) DESC order, paged by ``num``
    (unpaged lists are oldest first where the profile says so)."""
    num = page_size(ctx)
    if num is None:
        order = _ORDER_ASC if ctx.settings.profile.oldest_first_unpaged else _ORDER_DESC
        sql = f"SELECT * FROM {table} WHERE {where} {order}"
        return RowPage(ctx.db.execute(sql, tuple(args)).fetchall())
    position = read_position(ctx)

    def fetch(extra: str, extra_args: tuple[Any, ...], order: str, limit: int) -> list[Any]:
        sql = f"SELECT * FROM {table} WHERE {where}{extra} {order} LIMIT ?"
        return ctx.db.execute(sql, (*args, *extra_args, limit)).fetchall()

    if position is not None and position[0] == BEFORE:
        rows = fetch(_NEWER, position[1], _ORDER_ASC, num + 1)
        has_prev = len(rows) > num
        rows = list(reversed(rows[:num]))
        has_next = True  # the cursor's own row lies after this page
    else:
        after_key = None if position is None else position[1]
        rows = fetch(_OLDER if after_key else "", after_key or (), _ORDER_DESC, num + 1)
        has_next = len(rows) > num
        rows = rows[:num]
        has_prev = (
            after_key is not None and bool(rows) and bool(fetch(_NEWER, _key(rows[0]), "", 1))
        )
    page = RowPage(rows)
    if has_next and rows:
        page.next_url = _link(ctx, AFTER, rows[-1])
    if has_prev and rows:
        page.prev_url = _link(ctx, BEFORE, rows[0])
    return page


def _key(row: sqlite3.Row) -> tuple[str, str]:
    return row["created"], row["id"]


def paginate_by_page_number(
    ctx: Context, table: str, where: str, args: Sequence[Any], order: str
) -> RowPage:
    """``SELECT * FROM table WHERE where ORDER BY order``, paged by ``num`` and ``page``."""
    sql = f"SELECT * FROM {table} WHERE {where} ORDER BY {order}"
    num = page_size(ctx)
    if num is None:
        return RowPage(ctx.db.execute(sql, tuple(args)).fetchall())
    page_number: int = ctx.params.get("page", 1)
    rows = ctx.db.execute(
        f"{sql} LIMIT ? OFFSET ?", (*args, num + 1, (page_number - 1) * num)
    ).fetchall()
    page = RowPage(rows[:num])
    if len(rows) > num:
        page.next_url = ctx.absolute_url(page=str(page_number + 1))
    if page_number > 1:
        page.prev_url = ctx.absolute_url(page=str(page_number - 1))
    return page
