"""Keyset pagination on (created, id), newest first, with opaque cursors and a Link header.

A cursor names the last (``after``) or first (``before``) row of the page it came from, so rows
inserted during a walk can neither shift a later page (no skips) nor repeat one (no duplicates).
"""

from __future__ import annotations

import base64
import binascii
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .context import Context
from .envelope import ApiError, bad_request


@dataclass
class Page:
    rows: list[sqlite3.Row]
    link: str | None


def encode_cursor(created: str, row_id: str) -> str:
    return base64.urlsafe_b64encode(f"{created}|{row_id}".encode()).rstrip(b"=").decode()


def decode_cursor(cursor: str, name: str) -> tuple[str, str]:
    """A cursor this server did not issue names no position: 404, as the real server answers."""
    invalid = ApiError(404, "invalid cursor", field_errors={name: ["Invalid cursor."]})
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


def paginate(
    ctx: Context,
    table_sql: str,
    where: str,
    args: Sequence[Any],
    *,
    column_prefix: str = "",
) -> Page:
    """Run ``SELECT * FROM table_sql WHERE where`` in (created, id) DESC order, paged by ``num``."""
    created_col = f"{column_prefix}created"
    id_col = f"{column_prefix}id"
    order_desc = f"ORDER BY {created_col} DESC, {id_col} DESC"
    num: int | None = ctx.params.get("num")
    if num is None:
        sql = f"SELECT * FROM {table_sql} WHERE {where} {order_desc}"
        return Page(ctx.db.execute(sql, tuple(args)).fetchall(), None)
    # Decode first: a made-up cursor is a 404 whatever else the query says.
    cursors = {
        name: decode_cursor(ctx.params[name], name)
        for name in ("after", "before")
        if ctx.params.get(name) is not None
    }
    if len(cursors) == 2:
        raise bad_request(validation_errors=["Send either after or before, not both."])

    def fetch(extra: str, extra_args: tuple[Any, ...], order: str, limit: int) -> list[Any]:
        sql = f"SELECT * FROM {table_sql} WHERE {where}{extra} {order} LIMIT ?"
        return ctx.db.execute(sql, (*args, *extra_args, limit)).fetchall()

    skipped = False
    order_asc = f"ORDER BY {created_col} ASC, {id_col} ASC"
    older = f" AND ({created_col}, {id_col}) < (?, ?)"
    newer = f" AND ({created_col}, {id_col}) > (?, ?)"
    if "before" in cursors:
        rows = fetch(newer, cursors["before"], order_asc, num + 1)
        has_prev = len(rows) > num
        rows = list(reversed(rows[:num]))
        has_next = True  # the cursor's own row lies after this page
    else:
        after_key = cursors.get("after")
        rows = fetch(older if after_key else "", after_key or (), order_desc, num + 2)
        has_next = len(rows) > num
        skipped = ctx.has_defect("pagination_drops_item") and len(rows) > num + 1
        rows = rows[: num + 1] if skipped else rows[:num]
        has_prev = after_key is not None and bool(rows) and _exists(ctx, fetch, newer, rows[0])
    links = []
    if has_next and rows:
        last = rows[-1]
        next_url = ctx.absolute_url(after=encode_cursor(last["created"], last["id"]), before=None)
        links.append(f'<{next_url}>; rel="next"')
        if skipped:
            rows = rows[:num]
    if has_prev and rows:
        first = rows[0]
        prev_url = ctx.absolute_url(before=encode_cursor(first["created"], first["id"]), after=None)
        links.append(f'<{prev_url}>; rel="prev"')
    return Page(rows, ", ".join(links) or None)


def _exists(ctx: Context, fetch: Any, newer: str, row: sqlite3.Row) -> bool:
    return bool(fetch(newer, (row["created"], row["id"]), "", 1))
