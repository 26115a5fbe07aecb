"""Helpers shared by several handler modules."""

from __future__ import annotations

from ..context import Context


def unrevoked_awards(ctx: Context, where: str, *args: object) -> int:
    row = ctx.db.execute(
        f"SELECT count(*) FROM assertions WHERE revoked = 0 AND {where}",
        args,
    ).fetchone()
    return int(row[0])
