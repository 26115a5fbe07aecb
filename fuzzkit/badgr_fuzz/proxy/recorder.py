"""Where the proxy's verdicts go: one NDJSON record per exchange, appended under a lock; with
`--record DIR`, each record also kept as a file of its own (`000001-GET-v2-users-self.json`,
named by the operation's template, never by an id; one line of JSON, so NDJSON too)."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path
from typing import Any

from badgr_fuzz.proxy.exchange import Exchange, to_record
from badgr_fuzz.proxy.judge import Judge, Verdict


class Recorder:
    """Judges exchanges and appends their records to `path` (created or appended to)."""

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
        path.touch()
        self._kept = 0
        if record_dir is not None:
            record_dir.mkdir(parents=True, exist_ok=True)
            numbers = [int(f.name[:6]) for f in record_dir.glob("[0-9]" * 6 + "-*.json")]
            self._kept = max(numbers, default=0)  # a restart goes on after the last one

    def record(self, exchange: Exchange, verdict: Verdict | None = None) -> dict[str, Any]:
        """Judge the exchange (unless already judged) and append its record; returns it."""
        verdict = verdict or self.judge.judge(exchange)
        record = to_record(exchange, verdict.to_json(), redact_emails=self.redact_emails)
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        with self._lock:
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(line)
            if self.record_dir is not None:
                self._kept += 1
                name = f"{self._kept:06d}-{_SLUG.sub('-', verdict.operation).strip('-')[:80]}"
                (self.record_dir / f"{name}.json").write_text(line, encoding="utf-8")
        return record


#: what of an operation ("GET /v2/issuers/{idOrEntityId}") is not kept in a file name
_SLUG = re.compile(r"[^A-Za-z0-9]+")
