"""What every request of a client carries: one frozen :class:`Settings` per client (and per
``with_options`` copy, made by :meth:`Settings.derive`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

import httpx

from ._auth import BadgrAuth
from ._bounds import DEFAULT_MAX_RESPONSE_BYTES
from ._retry import RetryPolicy

__all__ = ["Settings"]


@dataclass(frozen=True)
class Settings:
    """What every request of a client carries; a ``with_options`` copy derives its own."""

    base_url: str
    auth: BadgrAuth
    timeout: httpx.Timeout
    policy: RetryPolicy
    #: the client's headers (``Accept`` and ``headers=``)
    headers: Mapping[str, str]
    #: headers added by ``with_options(headers=…)``
    extra_headers: Mapping[str, str] = field(default_factory=dict)
    #: the most of one answer read, after decompression (:mod:`badgr._bounds`)
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES

    @cached_property
    def call_budget(self) -> float | None:
        """The most one method call may take, in seconds: the longest limit of ``timeout``
        (``timeout=5`` bounds connect, each read and the whole call by 5 s); ``None`` when
        ``timeout`` sets no limit."""
        limits = [v for v in self.timeout.as_dict().values() if v is not None]
        return max(limits) if limits else None

    def derive(
        self,
        *,
        timeout: httpx.Timeout | None = None,
        policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        max_response_bytes: int | None = None,
    ) -> Settings:
        return dataclasses.replace(
            self,
            timeout=timeout or self.timeout,
            policy=policy or self.policy,
            extra_headers={**self.extra_headers, **(headers or {})},
            max_response_bytes=max_response_bytes or self.max_response_bytes,
        )
