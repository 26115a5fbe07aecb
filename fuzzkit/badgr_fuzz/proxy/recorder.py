"""Where the proxy's verdicts go: one NDJSON record per exchange, appended in the order judged;
with `--record DIR`, each record also kept as a file of its own (`000001-GET-v2-users-self.json`,
named by the operation's template, never by an id; one line of JSON, so NDJSON too).

Judging and writing happen on one worker thread, after the answer has left (`submit`): a
client never waits for them. `flush` waits until everything submitted is written; `close`
does that and stops the worker.
"""

from __future__ import annotations

import json
import logging
import queue
import re
import threading
from pathlib import Path
from typing import Any

from badgr_fuzz.proxy.exchange import Exchange, to_record
from badgr_fuzz.proxy.judge import Judge, Verdict

_logger = logging.getLogger("badgr_fuzz.proxy")
#: exchanges waiting to be judged before `submit` makes the answer wait for room (memory bound:
#: an answer is kept up to the proxy's 16 MiB)
QUEUE_SIZE = 64


class Recorder:
    """Judges exchanges and appends their records to `path` (created or appended to; `start`
    is where this recorder's own records begin)."""

    def __init__(
        self,
        judge: Judge,
        path: Path,
        *,
        redact_emails: bool = False,
        record_dir: Path | None = None,
    ) -> None:
        self.judge = judge
        self.path = path
        self.redact_emails = redact_emails
        self.record_dir = record_dir
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._log = path.open("a", encoding="utf-8")
        self.start = self._log.tell()
        self._kept = 0
        if record_dir is not None:
            record_dir.mkdir(parents=True, exist_ok=True)
            numbers = [int(f.name[:6]) for f in record_dir.glob("[0-9]" * 6 + "-*.json")]
            self._kept = max(numbers, default=0)  # a restart goes on after the last one
        self._queue: queue.Queue[tuple[Exchange, Verdict | None] | None] = queue.Queue(QUEUE_SIZE)
        self._worker: threading.Thread | None = None

    def record(self, exchange: Exchange, verdict: Verdict | None = None) -> dict[str, Any]:
        """Judge the exchange (unless already judged) and append its record now; returns it."""
        verdict = verdict or self.judge.judge(exchange)
        record = to_record(exchange, verdict.to_json(), redact_emails=self.redact_emails)
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        with self._lock:
            self._log.write(line)
            self._log.flush()  # `badgr proxy report` may read it while the proxy runs
            if self.record_dir is not None:
                self._kept += 1
                name = f"{self._kept:06d}-{_SLUG.sub('-', verdict.operation).strip('-')[:80]}"
                (self.record_dir / f"{name}.json").write_text(line, encoding="utf-8")
        return record

    def full(self) -> bool:
        return self._queue.full()

    def submit(self, exchange: Exchange, verdict: Verdict | None = None) -> None:
        """Judge (unless already judged) and record on the worker thread; blocks only while
        `QUEUE_SIZE` exchanges are waiting (call it from a thread then: `full`)."""
        with self._lock:
            if self._worker is None:
                self._worker = threading.Thread(
                    target=self._drain, name="badgr-proxy-recorder", daemon=True
                )
                self._worker.start()
        self._queue.put((exchange, verdict))

    def _drain(self) -> None:
        while (item := self._queue.get()) is not None:
            try:
                self.record(*item)
            except Exception as error:  # one exchange that cannot be recorded stops no other
                self._log_failure(item[0], error)
            finally:
                self._queue.task_done()
        self._queue.task_done()

    def _log_failure(self, exchange: Exchange, error: Exception) -> None:
        # the type only: an exception's text may quote the exchange, secrets and all
        _logger.error(
            "badgr proxy could not record a %s answered %s: %s",
            exchange.method,
            exchange.status,
            type(error).__name__,
        )

    def flush(self) -> None:
        """Wait until every exchange submitted so far is written."""
        self._queue.join()

    def close(self) -> None:
        """Write what is waiting, stop the worker, close the log."""
        if self._worker is not None:
            self._queue.put(None)
            self._worker.join()
            self._worker = None
        self._log.close()


#: what of an operation ("GET /v2/issuers/{idOrEntityId}") is not kept in a file name
_SLUG = re.compile(r"[^A-Za-z0-9]+")
