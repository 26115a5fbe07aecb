"""Open Badges 2.0 hosted verification of an awarded badge, without signatures.

>>> from badgr import verify
>>> url = "https://api.badgr.io/public/assertions/…"
>>> verdict = verify(url, recipient="jane@example.com")  # doctest: +SKIP
>>> verdict.valid, [check.name for check in verdict.failures]  # doctest: +SKIP

``source`` is an assertion URL, or a baked PNG/SVG (a path or its bytes). The assertion, its
badge class and issuer are fetched from their ``id`` URLs (no credentials are sent) and checked:
they resolve and have the right types, the assertion is hosted where its issuer lives, the
recipient hash matches ``recipient`` (when given), and it is neither revoked nor expired.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import attrs
import httpx

from ._unbake import UnbakeError, unbake
from .errors import BadgrError

__all__ = ["Check", "Verification", "VerificationInputError", "verify"]

Outcome = Literal["pass", "fail", "skip"]
_ACCEPT = "application/ld+json, application/json"
_HASHES: dict[str, Callable[[bytes], Any]] = {"sha256": hashlib.sha256, "md5": hashlib.md5}


class VerificationInputError(BadgrError, ValueError):
    """``source`` is neither an http(s) URL nor a readable PNG/SVG with baked badge data."""


@attrs.frozen
class Check:
    name: str
    outcome: Outcome
    detail: str

    @property
    def passed(self) -> bool:
        return self.outcome != "fail"


@attrs.frozen
class Verification:
    """The verdict: ``valid`` when no check failed (skipped checks do not count)."""

    source: str
    assertion_url: str | None
    checks: tuple[Check, ...]
    assertion: dict[str, Any] | None = None
    badge: dict[str, Any] | None = None
    issuer: dict[str, Any] | None = None

    @property
    def valid(self) -> bool:
        return all(check.passed for check in self.checks)

    @property
    def failures(self) -> tuple[Check, ...]:
        return tuple(check for check in self.checks if not check.passed)

    @property
    def revoked(self) -> bool:
        return bool(self.assertion and self.assertion.get("revoked") is True)


class _Failed(Exception):
    """Stops the checks after one whose failure leaves nothing to check further."""


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _recipient_matches(recipient: dict[str, Any], identity: str) -> bool:
    claimed = str(recipient.get("identity", ""))
    salt = str(recipient.get("salt") or "")
    if not recipient.get("hashed"):
        return claimed.strip().lower() == identity.strip().lower()
    algorithm, _, digest = claimed.partition("$")
    hasher = _HASHES.get(algorithm.lower())
    if hasher is None:
        return False
    # Badgr lowercases e-mail identities before hashing; try the value as given too.
    candidates = {identity.strip(), identity.strip().lower()}
    return any(
        hasher((candidate + salt).encode("utf-8")).hexdigest() == digest.lower()
        for candidate in candidates
    )


class _Verifier:
    def __init__(self, http: httpx.Client, recipient: str | None, now: datetime) -> None:
        self.http = http
        self.recipient = recipient
        self.now = now
        self.checks: list[Check] = []
        self.assertion: dict[str, Any] | None = None
        self.badge: dict[str, Any] | None = None
        self.issuer: dict[str, Any] | None = None

    def record(self, name: str, ok: bool, detail: str, *, fatal: bool = False) -> None:
        self.checks.append(Check(name, "pass" if ok else "fail", detail))
        if fatal and not ok:
            raise _Failed

    def fetch(self, url: str, expected_type: str) -> tuple[int, dict[str, Any] | None, str]:
        """(status, JSON object or None, problem text)."""
        if urlsplit(url).scheme not in ("http", "https"):
            return 0, None, f"{url!r} is not an http(s) URL"
        try:
            response = self.http.get(url, headers={"Accept": _ACCEPT})
        except httpx.HTTPError as exc:
            return 0, None, f"{url} could not be fetched ({type(exc).__name__})"
        try:
            document = response.json()
        except ValueError:
            return response.status_code, None, f"{url} answered {response.status_code}, not JSON"
        if not isinstance(document, dict):
            return response.status_code, None, f"{url} answered JSON that is not an object"
        if response.status_code not in (200, 410):
            return response.status_code, document, f"{url} answered {response.status_code}"
        if document.get("type") != expected_type:
            return response.status_code, document, f"{url} is not a {expected_type}"
        return response.status_code, document, ""

    def resolve(
        self, name: str, reference: Any, expected_type: str
    ) -> tuple[int, dict[str, Any] | None]:
        if isinstance(reference, dict):  # embedded: re-fetch by id, the hosted copy is truth
            reference = reference.get("id")
        if not isinstance(reference, str):
            self.record(name, False, f"no {expected_type} id given", fatal=True)
        assert isinstance(reference, str)
        status, document, problem = self.fetch(reference, expected_type)
        self.record(name, not problem, problem or reference, fatal=True)
        return status, document

    def run(self, url: str) -> None:
        status, assertion = self.resolve("assertion resolves", url, "Assertion")
        assert assertion is not None
        self.assertion = assertion
        self.record(
            "assertion id is its URL",
            assertion.get("id") == url,
            f"id {assertion.get('id')!r}" if assertion.get("id") != url else url,
        )
        if status == 410 or assertion.get("revoked") is True:
            reason = assertion.get("revocationReason")
            self.record("not revoked", False, f"revoked: {reason}" if reason else "revoked")
            return
        verification = assertion.get("verification") or {}
        kind = verification.get("type", "HostedBadge") if isinstance(verification, dict) else ""
        self.record(
            "hosted verification",
            kind == "HostedBadge",
            "HostedBadge" if kind == "HostedBadge" else f"{kind!r} (signatures are not checked)",
            fatal=True,
        )
        _, badge = self.resolve("badge class resolves", assertion.get("badge"), "BadgeClass")
        assert badge is not None
        self.badge = badge
        _, issuer = self.resolve("issuer resolves", badge.get("issuer"), "Issuer")
        assert issuer is not None
        self.issuer = issuer
        self.check_scope(url, issuer)
        self.check_recipient(assertion)
        self.check_revocation_list(url, issuer)
        self.check_dates(assertion)

    def check_scope(self, url: str, issuer: dict[str, Any]) -> None:
        # OB 2.0 default verification policy: the assertion lives at its issuer's origin.
        issuer_id = str(issuer.get("id", ""))
        same = urlsplit(url)[:2] == urlsplit(issuer_id)[:2]
        self.record(
            "hosted by the issuer",
            same,
            urlsplit(url).netloc if same else f"{url} is not on the origin of {issuer_id}",
        )

    def check_recipient(self, assertion: dict[str, Any]) -> None:
        recipient = assertion.get("recipient")
        if not isinstance(recipient, dict):
            self.record("recipient matches", False, "the assertion names no recipient")
            return
        if self.recipient is None:
            kind = recipient.get("type", "?")
            hashed = "hashed " if recipient.get("hashed") else ""
            self.checks.append(Check("recipient matches", "skip", f"{hashed}{kind}; none given"))
            return
        matches = _recipient_matches(recipient, self.recipient)
        self.record(
            "recipient matches",
            matches,
            self.recipient if matches else f"not issued to {self.recipient}",
        )

    def check_revocation_list(self, url: str, issuer: dict[str, Any]) -> None:
        list_url = issuer.get("revocationList")
        if not isinstance(list_url, str):
            self.record("not revoked", True, "not revoked (the issuer has no revocation list)")
            return
        _, document, problem = self.fetch(list_url, "RevocationList")
        if problem or document is None:
            self.record("not revoked", False, f"revocation list unreadable: {problem}")
            return
        for entry in document.get("revokedAssertions") or []:
            entry_id = entry.get("id") if isinstance(entry, dict) else entry
            if entry_id == url:
                reason = entry.get("revocationReason") if isinstance(entry, dict) else None
                self.record("not revoked", False, f"in the revocation list: {reason or 'revoked'}")
                return
        self.record("not revoked", True, "not in the issuer's revocation list")

    def check_dates(self, assertion: dict[str, Any]) -> None:
        issued = _parse_time(assertion.get("issuedOn"))
        self.record(
            "issued in the past",
            issued is not None and issued <= self.now,
            f"issued {assertion.get('issuedOn')}" if issued else "no valid issuedOn",
        )
        expires_text = assertion.get("expires")
        if expires_text is None:
            self.record("not expired", True, "no expiry")
            return
        expires = _parse_time(expires_text)
        self.record(
            "not expired",
            expires is not None and expires > self.now,
            f"expires {expires_text}"
            if expires and expires > self.now
            else f"expired {expires_text}",
        )


def _assertion_url(source: str | os.PathLike[str] | bytes) -> tuple[str, str, Check | None]:
    """(shown source, assertion URL, the unbaking check if an image was given)."""
    if isinstance(source, str) and source.lower().startswith(("http://", "https://")):
        return source, source, None
    if isinstance(source, bytes):
        shown, data = "<image bytes>", source
    else:
        path = Path(source)
        shown = str(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise VerificationInputError(
                f"{shown} is not an http(s) URL and cannot be read as a file ({exc.strerror})"
            ) from None
    try:
        baked = unbake(data).strip()
    except UnbakeError as exc:
        raise VerificationInputError(f"{shown}: {exc}") from None
    if baked.startswith("{"):
        try:
            document = json.loads(baked)
        except ValueError:
            raise VerificationInputError(f"{shown}: the baked assertion is not JSON") from None
        url = document.get("id") if isinstance(document, dict) else None
        if not isinstance(url, str):
            raise VerificationInputError(f"{shown}: the baked assertion has no id URL")
    elif baked.lower().startswith(("http://", "https://")):
        url = baked
    else:
        raise VerificationInputError(
            f"{shown}: the baked data is a signed assertion; only hosted ones are verified"
        )
    return shown, url, Check("baked data readable", "pass", f"assertion {url}")


def verify(
    source: str | os.PathLike[str] | bytes,
    *,
    recipient: str | None = None,
    http_client: httpx.Client | None = None,
    now: datetime | None = None,
    timeout: float = 30.0,
) -> Verification:
    """Verify a hosted Open Badges 2.0 assertion; never raises for an invalid badge.

    ``source``: assertion URL, or baked PNG/SVG (path or bytes). ``recipient``: the e-mail (or
    other identity) the badge must be issued to; without it that check is skipped. Raises
    :class:`VerificationInputError` only when ``source`` cannot be read at all.
    """
    shown, url, unbaked = _assertion_url(source)
    verifier = _Verifier(
        http_client or httpx.Client(timeout=timeout, follow_redirects=False),
        recipient,
        now or datetime.now(UTC),
    )
    if unbaked is not None:
        verifier.checks.append(unbaked)
    try:
        verifier.run(url)
    except _Failed:
        pass  # the failed check is recorded; nothing after it could be checked
    finally:
        if http_client is None:
            verifier.http.close()
    return Verification(
        shown, url, tuple(verifier.checks), verifier.assertion, verifier.badge, verifier.issuer
    )
