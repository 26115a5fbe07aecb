"""Lazy page iterators for list operations, sync and async.

A list call returns a pager at once; nothing is fetched until you iterate. Items are yielded
page by page, following the ``Link: <…>; rel="next"`` URL exactly as the server sent it (so
``after``/``before`` cursors, ``cursor=`` and page numbers all work). Without a ``Link``
header, badgr-server's change feeds say where the next page is in the body
(``pagination.nextResults``), which is followed the same way. A missing ``next`` ends the
walk. Only one page is held in memory at a time; ``last_response`` is the latest
``httpx.Response``. Credentials are never sent to a ``next`` URL on another origin than
``base_url`` (the auth flow strips them).

A walk that would never end raises :class:`~badgr.errors.ResponseValidationError` once the
items fetched so far are yielded: a ``next`` link to a page already fetched (a server linking
a page to itself or back), or ``MAX_EMPTY_PAGES`` empty pages in a row that still link onward.
``pager.limit(items, max_pages=…)`` bounds a walk on purpose (it then ends quietly).
"""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, Self, TypeVar

import httpx

from ._call import AsyncRunner, Call, Outcome, SyncRunner
from .errors import ResponseValidationError

__all__ = ["AsyncPager", "Page", "SyncPager"]

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of results and the response it came in."""

    items: list[T]
    response: httpx.Response

    @property
    def next_url(self) -> str | None:
        link = self.response.links.get("next")
        url = link.get("url") if link else _body_next(self.response)
        if not url:
            return None
        # absolute as sent; a relative reference is resolved against the page's own URL
        return str(self.response.request.url.join(url))

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def _body_next(response: httpx.Response) -> str | None:
    """``pagination.nextResults`` of a change feed's body (badgr-server), if it has one."""
    if b'"pagination"' not in response.content:
        return None
    try:
        pagination = response.json().get("pagination")
    except (ValueError, AttributeError):
        return None
    if not isinstance(pagination, dict) or pagination.get("hasNext") is False:
        return None
    url = pagination.get("nextResults")
    return url if isinstance(url, str) else None


#: empty pages in a row that may still link onward before a pager gives up on the walk
MAX_EMPTY_PAGES = 10


@dataclass
class _Walk:
    """What one walk over the pages has seen: the URLs fetched, the empty pages in a row that
    still linked onward, and what is left of the caller's bounds (``None``: no bound)."""

    items_left: int | None
    pages_left: int | None
    seen: set[str] = field(default_factory=set)
    empty_run: int = 0

    def bounded(self, page: Page[T]) -> Page[T]:
        """``page`` within the caller's bounds, which it uses up."""
        if self.pages_left is not None:
            self.pages_left -= 1
        if self.items_left is None:
            return page
        page = Page(page.items[: self.items_left], page.response)
        self.items_left -= len(page.items)
        return page

    @property
    def bound_reached(self) -> bool:
        return self.items_left == 0 or self.pages_left == 0


def _endless(page: Page[Any], why: str) -> ResponseValidationError:
    request = page.response.request  # the path only: a query may hold a secret
    return ResponseValidationError(
        f"{why} ({request.method} {request.url.path}): the walk was stopped, as it would never end",
        status_code=page.response.status_code,
        body=page.response.content,
        response=page.response,
    )


def _at_least_one(name: str, value: int | None) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise ValueError(f"{name} must be a positive int or None, not {value!r}")
    return value


class _Pager(Generic[T]):
    def __init__(self, call: Call[T]) -> None:
        self._call = call
        self._max_items: int | None = None
        self._max_pages: int | None = None
        self.last_response: httpx.Response | None = None
        self.pages_fetched = 0

    def limit(self, items: int | None = None, *, max_pages: int | None = None) -> Self:
        """This list, ending quietly after ``items`` items or ``max_pages`` pages, whichever
        comes first; no page past the bound is fetched.

        >>> recent = client.assertions.list(badgeclass=badge).limit(50)  # doctest: +SKIP
        """
        bounded = copy.copy(self)
        bounded._max_items = _at_least_one("items", items)
        bounded._max_pages = _at_least_one("max_pages", max_pages)
        bounded.last_response, bounded.pages_fetched = None, 0
        return bounded

    def _walk(self) -> _Walk:
        return _Walk(items_left=self._max_items, pages_left=self._max_pages)

    def _page(self, outcome: Outcome[Any], walk: _Walk) -> Page[T]:
        self.last_response = outcome.response
        self.pages_fetched += 1
        return walk.bounded(Page(list(outcome.value), outcome.response))

    def _next_call(self, page: Page[T], walk: _Walk) -> Call[T] | None:
        """The call of the next page; none after the last or at the caller's bound. A next
        link to a page already fetched, or ``MAX_EMPTY_PAGES`` empty pages in a row that still
        link onward, raise: a server that would keep the walk going forever."""
        walk.seen.add(str(page.response.request.url))
        url = page.next_url
        if url is None or walk.bound_reached:
            return None
        if url in walk.seen:
            raise _endless(page, "the next link points to a page already fetched")
        walk.empty_run = 0 if page.items else walk.empty_run + 1
        if walk.empty_run >= MAX_EMPTY_PAGES:
            raise _endless(page, f"{MAX_EMPTY_PAGES} empty pages in a row still link onward")
        return self._call.follow(url)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._call.name}, pages_fetched={self.pages_fetched})"


class SyncPager(_Pager[T]):
    """``for item in client.assertions.list(...)``; ``.iter_pages()`` for whole pages."""

    def __init__(self, executor: SyncRunner, call: Call[T]) -> None:
        super().__init__(call)
        self._executor = executor

    def iter_pages(self) -> Iterator[Page[T]]:
        call: Call[T] | None = self._call
        walk = self._walk()
        while call is not None:
            page = self._page(self._executor.run_detailed(call, whole_call=False), walk)
            yield page
            call = self._next_call(page, walk)

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page.items

    def first_page(self) -> Page[T]:
        return next(iter(self.iter_pages()))

    def to_list(self) -> list[T]:
        return list(self)


class AsyncPager(_Pager[T]):
    """``async for item in aclient.assertions.list(...)``; ``.iter_pages()`` for pages."""

    def __init__(self, executor: AsyncRunner, call: Call[T]) -> None:
        super().__init__(call)
        self._executor = executor

    async def iter_pages(self) -> AsyncIterator[Page[T]]:
        call: Call[T] | None = self._call
        walk = self._walk()
        while call is not None:
            page = self._page(await self._executor.run_detailed(call, whole_call=False), walk)
            yield page
            call = self._next_call(page, walk)

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item

    async def first_page(self) -> Page[T]:
        async for page in self.iter_pages():
            return page
        raise StopAsyncIteration  # pragma: no cover - iter_pages always yields once

    async def to_list(self) -> list[T]:
        return [item async for item in self]
