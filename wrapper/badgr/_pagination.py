"""Lazy page iterators for list operations, sync and async.

A list call returns a pager at once; nothing is fetched until you iterate. Items are yielded
page by page, following the ``Link: <…>; rel="next"`` URL exactly as the server sent it (so
``after``/``before`` cursors, ``cursor=`` and page numbers all work). Without a ``Link``
header, badgr-server's change feeds say where the next page is in the body
(``pagination.nextResults``), which is followed the same way. A missing ``next`` ends the
walk. Only one page is held in memory at a time; ``last_response`` is the latest
``httpx.Response``. Credentials are never sent to a ``next`` URL on another origin than
``base_url`` (the auth flow strips them).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

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
    """What one walk over the pages has seen: the URLs fetched, and the empty pages in a row
    that still linked onward."""

    seen: set[str] = field(default_factory=set)
    empty_run: int = 0


class _Pager(Generic[T]):
    def __init__(self, call: Call[T]) -> None:
        self._call = call
        self.last_response: httpx.Response | None = None
        self.pages_fetched = 0

    def _page(self, outcome: Outcome[Any]) -> Page[T]:
        self.last_response = outcome.response
        self.pages_fetched += 1
        return Page(list(outcome.value), outcome.response)

    def _next_call(self, page: Page[T], walk: _Walk) -> Call[T] | None:
        """The call of the next page; none after the last, or when the next link points to a
        page already fetched (a server that links a page to itself or back ends the walk).
        ``MAX_EMPTY_PAGES`` empty pages in a row that still link onward raise: a server that
        would keep the walk going forever."""
        walk.seen.add(str(page.response.request.url))
        url = page.next_url
        if url is None or url in walk.seen:
            return None
        walk.empty_run = 0 if page.items else walk.empty_run + 1
        if walk.empty_run >= MAX_EMPTY_PAGES:
            raise ResponseValidationError(
                f"{MAX_EMPTY_PAGES} empty pages in a row still link to a next page"
                f" ({page.response.request.method} {page.response.request.url.path}): the walk"
                " was stopped, as it would never end",
                status_code=page.response.status_code,
                body=page.response.content,
                response=page.response,
            )
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
        walk = _Walk()
        while call is not None:
            page = self._page(self._executor.run_detailed(call))
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
        walk = _Walk()
        while call is not None:
            page = self._page(await self._executor.run_detailed(call))
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
