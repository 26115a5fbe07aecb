"""How a sync ``Client`` runs its jobs (``award_many``, ``revoke_many``): coroutines on one
private event loop, on a thread of the client's own.

One loop for all of a client's jobs, because an ``httpx.AsyncClient`` (the caller's
``async_http_client=``, or the connection pool of an ``async_transport=``) belongs to the loop
that first used it: a fresh loop per job would break it on the second job. When the caller
gave only a sync route (``http_client=`` or ``transport=``), :class:`ThreadedSyncClient` runs
each of a job's requests on it, from worker threads.

``import badgr`` loads this module but not ``asyncio``: the first job does.
"""

from __future__ import annotations

import threading
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from .._bounds import read_bounded
from .._deadline import timed_attempt

if TYPE_CHECKING:
    import asyncio

    from .._settings import Settings

__all__ = ["JOB_THREADS", "JobLoop", "ThreadedSyncClient"]

T = TypeVar("T")
#: worker threads of a job that runs on the caller's ``httpx.Client``
JOB_THREADS = 32


class JobLoop:
    """An event loop on a daemon thread, started by the first job and stopped by ``close``."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    def _running_loop(self) -> asyncio.AbstractEventLoop:
        import asyncio

        with self._lock:
            if self._loop is None:
                self._loop = asyncio.new_event_loop()
                self._thread = threading.Thread(
                    target=self._loop.run_forever, name="badgr-jobs", daemon=True
                )
                self._thread.start()
            return self._loop

    def run(self, job: Coroutine[Any, Any, T]) -> T:
        """Run ``job`` on the loop and wait for it. Ctrl-C cancels it, waits for its cleanup
        (lanes closed, progress reported so far) and raises one plain ``KeyboardInterrupt``."""
        if threading.current_thread() is self._thread:
            job.close()
            raise RuntimeError(
                "a job's callback cannot run another job of the same sync client: use a"
                " second client, or an AsyncClient"
            )
        loop = self._running_loop()
        finished = threading.Event()
        tasks: list[asyncio.Task[T]] = []

        def start() -> None:
            task = loop.create_task(job)
            task.add_done_callback(lambda _: finished.set())
            tasks.append(task)

        loop.call_soon_threadsafe(start)
        try:
            finished.wait()
        except KeyboardInterrupt:
            loop.call_soon_threadsafe(lambda: tasks[0].cancel())  # after ``start``: FIFO
            finished.wait()
            raise KeyboardInterrupt from None
        return tasks[0].result()

    def close(self) -> None:
        with self._lock:
            loop, thread = self._loop, self._thread
            self._loop = self._thread = None
        if loop is None or thread is None:
            return
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        loop.close()


class ThreadedSyncClient:
    """A sync ``httpx.Client`` in the place of a job's ``httpx.AsyncClient``: each send runs on
    a worker thread (``httpx.Client`` is thread-safe). So a sync client built on the caller's
    ``http_client=`` or ``transport=`` runs its jobs there too (its CA bundle, proxies, hooks
    and cookies), not on a second route that would skip them."""

    def __init__(self, http: httpx.Client, settings: Settings) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.http = http
        self.settings = settings
        self._pool = ThreadPoolExecutor(max_workers=JOB_THREADS, thread_name_prefix="badgr-job")

    @property
    def headers(self) -> httpx.Headers:
        return self.http.headers

    @property
    def cookies(self) -> httpx.Cookies:
        return self.http.cookies

    def build_request(self, **kwargs: Any) -> httpx.Request:
        return self.http.build_request(**kwargs)

    async def send(
        self,
        request: httpx.Request,
        *,
        auth: httpx.Auth,
        follow_redirects: bool = False,
        stream: bool = False,
    ) -> httpx.Response:
        """Send on a worker thread; the answer comes back read (within ``max_response_bytes``
        and the ``timeout`` of one request when ``stream``: a sync stream cannot be read from
        the event loop)."""
        import asyncio

        read_until = timed_attempt(self.settings, request, None)

        def send() -> httpx.Response:
            response = self.http.send(
                request, auth=auth, follow_redirects=follow_redirects, stream=stream
            )
            if stream:
                read_bounded(response, self.settings.max_response_bytes, read_until)
            return response

        return await asyncio.get_running_loop().run_in_executor(self._pool, send)

    async def aclose(self) -> None:
        """Stop the worker threads; the ``httpx.Client`` belongs to the sync client."""
        self._pool.shutdown(wait=False, cancel_futures=True)
