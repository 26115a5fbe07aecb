"""Injected faults for reliability tests: latency, 503s, rate limiting, dropped connections."""

from __future__ import annotations

import math
import os
import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

ENV_PREFIX = "BADGR_MOCK_"
DEFECTS_ENV = "BADGR_MOCK_DEFECTS"


@dataclass
class Faults:
    """Mutable at run time (``app.faults``); all off by default.

    ``include_token_endpoint`` is off by default so a flaky API does not also make logins and
    logouts flaky (a password grant must never be retried automatically): the OAuth endpoints
    (``/o/token``, ``/o/revoke_token/``) and the login pages are spared.
    """

    latency_ms: float = 0.0
    fail_rate: float = 0.0
    rate_limit: float = 0.0  # requests per second; 0 disables the limit
    drop_rate: float = 0.0
    include_token_endpoint: bool = False
    seed: int | None = None
    _random: random.Random = field(default_factory=random.Random, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("fail_rate", "drop_rate"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must lie between 0 and 1, got {value}")
        if self.latency_ms < 0 or self.rate_limit < 0:
            raise ValueError("latency_ms and rate_limit may not be negative")
        self._random = random.Random(self.seed)

    @property
    def active(self) -> bool:
        return bool(self.latency_ms or self.fail_rate or self.rate_limit or self.drop_rate)

    def roll(self, rate: float) -> bool:
        return rate > 0 and self._random.random() < rate


_ENV_FIELDS = {
    "LATENCY_MS": "latency_ms",
    "FAIL_RATE": "fail_rate",
    "RATE_LIMIT": "rate_limit",
    "DROP_RATE": "drop_rate",
    "FAULT_SEED": "seed",
    "FAULTS_ON_TOKEN": "include_token_endpoint",
}


def faults_from_env(environ: Mapping[str, str] | None = None) -> Faults:
    """``BADGR_MOCK_LATENCY_MS``, ``_FAIL_RATE``, ``_RATE_LIMIT``, ``_DROP_RATE``, ``_FAULT_SEED``,
    ``_FAULTS_ON_TOKEN``."""
    environ = os.environ if environ is None else environ
    values: dict[str, object] = {}
    for suffix, name in _ENV_FIELDS.items():
        raw = environ.get(ENV_PREFIX + suffix)
        if raw is None or raw == "":
            continue
        if name == "seed":
            values[name] = int(raw)
        elif name == "include_token_endpoint":
            values[name] = raw.lower() in ("1", "true", "yes", "on")
        else:
            values[name] = float(raw)
    return Faults(**values)  # type: ignore[arg-type]


def defects_from_env(environ: Mapping[str, str] | None = None) -> frozenset[str]:
    environ = os.environ if environ is None else environ
    raw = environ.get(DEFECTS_ENV, "")
    return frozenset(name.strip() for name in raw.split(",") if name.strip())


class TokenBucket:
    """``rate`` tokens per second, bursts up to ``max(1, rate)``; ``clock`` in seconds (the
    app's, so tests can stop time)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._tokens = 0.0
        self._rate = 0.0
        self._stamp = clock()

    def take(self, rate: float) -> float:
        """0 when a request may pass, else the seconds to wait before the next one."""
        with self._lock:
            now = self._clock()
            capacity = max(1.0, rate)
            if rate != self._rate:
                self._rate = rate
                self._tokens = capacity
            self._tokens = min(capacity, self._tokens + (now - self._stamp) * rate)
            self._stamp = now
            if self._tokens >= 1.0:
                self._tokens -= 1.0
                return 0.0
            return (1.0 - self._tokens) / rate


def retry_after_header(wait: float) -> str:
    """A ``Retry-After`` value: whole seconds, at least 1."""
    return str(max(1, math.ceil(wait)))
