"""Walking a list's pages: what `pagination_is_complete` (badgr_fuzz.hooks) checks during a fuzz
run, and what a replay or an exported test of its finding checks again.

The rule: following the next pages (`Link rel="next"`, or badgr-server's
`pagination.nextResults`) from a first page of `num` items yields every item of the list exactly
once, compared with the list asked for without `num` (walked the same way). A walk longer than
MAX_PAGES proves nothing either way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

MAX_PAGES = 100
#: a request that already names a position is not a first page
CURSORS = ("after", "before", "cursor", "page")


@dataclass(frozen=True)
class Page:
    """One answer of a list, as the walk reads it."""

    status: int
    body: Any  # the parsed JSON body, None when it is not JSON
    links: list[str]  # the `Link` header values
    text: str = ""


#: fetch the same list with another query
Fetch = Callable[[dict[str, str]], Page]


class NotWalked(Exception):
    """The rule cannot be judged here (not a first page, or a walk too long): nothing proven."""


def result_of(body: Any) -> list[Any] | None:
    result = body.get("result") if isinstance(body, dict) else None
    return result if isinstance(result, list) else None


def key_of(item: Any) -> str:
    if isinstance(item, dict):
        return str(item.get("entityId") or item.get("id") or item)
    return repr(item)


def next_query(links: Iterable[str], body: Any) -> dict[str, str] | None:
    """The query of the next page: the `Link rel="next"` header, or a `/changed` feed's
    `pagination.nextResults` (badgr-server)."""
    for link in links:
        for part in link.split(","):
            url, _, params = part.partition(";")
            if 'rel="next"' in params.replace(" ", ""):
                return dict(parse_qsl(urlsplit(url.strip().strip("<>")).query))
    pagination = body.get("pagination") if isinstance(body, dict) else None
    next_url = pagination.get("nextResults") if isinstance(pagination, dict) else None
    if isinstance(next_url, str) and next_url:
        return dict(parse_qsl(urlsplit(next_url).query))
    return None


def walk(first: Page, fetch: Fetch, max_pages: int = MAX_PAGES) -> tuple[list[str], int, bool]:
    """Keys of every item from `first` on, following next pages: (keys, pages, complete)."""
    keys = [key_of(item) for item in result_of(first.body) or []]
    query, pages = next_query(first.links, first.body), 1
    while query is not None and pages < max_pages:
        page = fetch(query)
        items = result_of(page.body)
        if page.status != 200 or items is None:
            raise AssertionError(f"Next page answered {page.status}: {page.text[:200]}")
        keys += [key_of(item) for item in items]
        query, pages = next_query(page.links, page.body), pages + 1
    return keys, pages, query is None


def is_first_page(method: str, status: int, query: dict[str, str], body: Any) -> bool:
    """Whether the rule applies: a 200 list asked for with `num` and no position."""
    if method != "GET" or status != 200 or "num" not in query:
        return False
    return not any(name in query for name in CURSORS) and result_of(body) is not None


def lost_or_repeated(first: Page, query: dict[str, str], fetch: Fetch) -> str | None:
    """What walking from `first` (asked for with `query`) lost or repeated, None when nothing;
    `NotWalked` when the whole list cannot be read or either walk is too long."""
    unpaged = fetch({name: value for name, value in query.items() if name != "num"})
    if unpaged.status != 200 or result_of(unpaged.body) is None:
        raise NotWalked(f"the list without `num` answered HTTP {unpaged.status}")
    everything, _, known = walk(unpaged, fetch)
    seen, pages, complete = walk(first, fetch)
    if not (known and complete):
        raise NotWalked(f"a walk took more than {MAX_PAGES} pages: nothing proven")
    duplicates = sorted({key for key in seen if seen.count(key) > 1})
    missing = sorted(set(everything) - set(seen))
    if not (duplicates or missing):
        return None
    return (
        f"Walking {pages} page(s) of num={query['num']} lost {len(missing)} item(s) "
        f"{missing[:5]} and repeated {len(duplicates)} {duplicates[:5]}"
    )
