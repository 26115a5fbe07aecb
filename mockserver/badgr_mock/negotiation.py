"""HTTP content negotiation (RFC 9110 §12.5.1): pick the offered media type a client prefers."""

from __future__ import annotations

from collections.abc import Sequence


def _ranges(accept: str) -> list[tuple[str, str, float]]:
    ranges = []
    for item in accept.split(","):
        media_range, *params = (part.strip() for part in item.split(";"))
        if "/" not in media_range:
            continue
        kind, subtype = media_range.lower().split("/", 1)
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    quality = 0.0
        ranges.append((kind, subtype, quality))
    return ranges


def _quality(offered: str, ranges: list[tuple[str, str, float]]) -> float:
    """The quality of the most specific range that matches ``offered`` (0 when none does)."""
    kind, subtype = offered.split("/", 1)
    best_specificity, best_quality = -1, 0.0
    for range_kind, range_subtype, quality in ranges:
        if range_kind == kind and range_subtype == subtype:
            specificity = 2
        elif range_kind == kind and range_subtype == "*":
            specificity = 1
        elif range_kind == "*" and range_subtype == "*":
            specificity = 0
        else:
            continue
        if specificity > best_specificity:
            best_specificity, best_quality = specificity, quality
    return best_quality


def negotiate(accept: str | None, offered: Sequence[str]) -> str | None:
    """The offered type with the highest quality (earlier wins ties); None: 406 Not Acceptable.

    No ``Accept`` header (or an empty one) accepts anything, so the first offer wins.
    """
    if not accept or not accept.strip():
        return offered[0]
    ranges = _ranges(accept)
    if not ranges:
        return offered[0]
    best, best_quality = None, 0.0
    for media_type in offered:
        quality = _quality(media_type, ranges)
        if quality > best_quality:
            best, best_quality = media_type, quality
    return best
