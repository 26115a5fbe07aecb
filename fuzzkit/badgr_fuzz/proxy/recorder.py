"""Where the proxy's verdicts go: one NDJSON record per exchange, appended under a lock."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from badgr_fuzz.proxy.exchange import Exchange, to_record
from badgr_fuzz.proxy.judge import Judge, Verdict


class Recorder:
    """Judges exchanges and appends their records to `path` (created or appended to)."""

    def __init__(self, judge: Judge, path: Path, *, redact_emails: bool = False) -> None:
        self.judge = judge
        self.path = path
        self.redact_emails = redact_emails
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()

    def record(self, exchange: Exchange, verdict: Verdict | None = None) -> dict[str, Any]:
        """Judge the exchange (unless already judged) and append its record; returns it."""
        verdict = verdict or self.judge.judge(exchange)
        record = to_record(exchange, verdict.to_json(), redact_emails=self.redact_emails)
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        with self._lock, self.path.open("a", encoding="utf-8") as handle:
            handle.write(line)
        return record
