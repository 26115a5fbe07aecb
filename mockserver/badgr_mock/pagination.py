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

from .context import Context
from .envelope import ErrorReply, bad_request


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


def encode_cursor(created: str, row_id: str) -> str:
    return base64.urlsafe_b64encode(f"{created}|{row_id}".encode()).rstrip(b"=").decode()


def decode_cursor(cursor: str, name: str) -> tuple[str, str]:
    """A cursor this server did not issue names no position: 404, as the real server answers."""
    invalid = ErrorReply(404, "invalid cursor", field_errors={name: ["Invalid cursor."]})
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        created, _, row_id = (
            base64.urlsafe_b64decode(padded.encode("ascii")).decode().partition("|")
        )
    except (binascii.Error, ValueError, UnicodeError):
        raise invalid from None
    if not created or not row_id:
        raise invalid
    return created, row_id


_ORDER_DESC = "ORDER BY created DESC, id DESC"
_ORDER_ASC = "ORDER BY created ASC, id ASC"
_OLDER = " AND (created, id) < (?, ?)"
_NEWER = " AND (created, id) > (?, ?)"


def paginate(ctx: Context, table: str, where: str, args: Sequence[Any]) -> RowPage:
    """Run ``SELECT * FROM table WHERE where`` in (created, id) DESC order, paged by ``num``."""
    num: int | None = ctx.params.get("num")
    if num is None:
        sql = f"SELECT * FROM {table} WHERE {where} {_ORDER_DESC}"
        return RowPage(ctx.db.execute(sql, tuple(args)).fetchall())
    # Decode first: a made-up cursor is a 404 whatever else the query says.
    cursors = {
        name: decode_cursor(ctx.params[name], name)
        for name in ("after", "before")
        if ctx.params.get(name) is not None
    }
    if len(cursors) == 2:
        raise bad_request(validation_errors=["Send either after or before, not both."])

    def fetch(extra: str, extra_args: tuple[Any, ...], order: str, limit: int) -> list[Any]:
        sql = f"SELECT * FROM {table} WHERE {where}{extra} {order} LIMIT ?"
        return ctx.db.execute(sql, (*args, *extra_args, limit)).fetchall()

    if "before" in cursors:
        rows = fetch(_NEWER, cursors["before"], _ORDER_ASC, num + 1)
        has_prev = len(rows) > num
        rows = list(reversed(rows[:num]))
        has_next = True  # the cursor's own row lies after this page
    else:
        after_key = cursors.get("after")
        rows = fetch(_OLDER if after_key else "", after_key or (), _ORDER_DESC, num + 1)
        has_next = len(rows) > num
        rows = rows[:num]
        has_prev = (
            after_key is not None and bool(rows) and bool(fetch(_NEWER, _key(rows[0]), "", 1))
        )
    page = RowPage(rows)
    if has_next and rows:
        page.next_url = ctx.absolute_url(after=encode_cursor(*_key(rows[-1])), before=None)
    if has_prev and rows:
        page.prev_url = ctx.absolute_url(before=encode_cursor(*_key(rows[0])), after=None)
    return page


def _key(row: sqlite3.Row) -> tuple[str, str]:
    return row["created"], row["id"]


def paginate_by_page_number(
    ctx: Context, table: str, where: str, args: Sequence[Any], order: str
) -> RowPage:
    """``SELECT * FROM table WHERE where ORDER BY order``, paged by ``num`` and ``page``."""
    sql = f"SELECT * FROM {table} WHERE {where} ORDER BY {order}"
    num: int | None = ctx.params.get("num")
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
