"""Named login profiles in one per-user JSON file (``$XDG_CONFIG_HOME/badgr/config.json``).

The file holds, per profile, the server, the OAuth client and the current token pair; never a
password. It is written atomically (temporary file + rename) with mode 0600 inside a 0700
directory, so a crash mid-write leaves the previous version and other users cannot read it.
Any file we cannot read or parse is a :class:`~badgr.cli._errors.SetupError` naming the file.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

import click

from badgr import Token

from ._errors import SetupError
from ._files import written_whole

try:
    import fcntl
except ImportError:  # Windows: no advisory lock; parallel renewals may then collide
    fcntl = None  # type: ignore[assignment]

__all__ = ["DEFAULT_PROFILE", "Profile", "ProfileStore", "config_path"]

DEFAULT_PROFILE = "default"
CONFIG_NAME = "config.json"
FILE_MODE = 0o600
DIR_MODE = 0o700


def config_path() -> Path:
    """``$BADGR_CONFIG`` if set, else ``config.json`` in the XDG config dir (~/.config/badgr)."""
    explicit = os.environ.get("BADGR_CONFIG")
    if explicit:
        return Path(explicit)
    return Path(click.get_app_dir("badgr")) / CONFIG_NAME


@dataclass(repr=False)
class Profile:
    """One server login. Tokens are secrets: ``repr`` hides them."""

    base_url: str
    client_id: str
    username: str | None = None
    #: the kind of server (``Client(server=…)``); ``None`` in files written before it existed
    server: str | None = None
    scope: str | None = None
    access_token: str | None = None
    refresh_token: str | None = None
    expires_at: float | None = None
    token_scope: str | None = None

    def __repr__(self) -> str:
        return (
            f"Profile(base_url={self.base_url!r}, server={self.server!r},"
            f" username={self.username!r})"
        )

    @property
    def token(self) -> Token | None:
        if not self.access_token:
            return None
        return Token(
            access_token=self.access_token,
            refresh_token=self.refresh_token,
            expires_at=self.expires_at,
            scope=self.token_scope,
        )

    def with_token(self, token: Token) -> Profile:
        values = asdict(self)
        values.update(
            access_token=token.access_token,
            refresh_token=token.refresh_token,
            expires_at=token.expires_at,
            token_scope=token.scope,
        )
        return Profile(**values)

    @classmethod
    def from_json(cls, data: Any) -> Profile:
        if not isinstance(data, dict) or not isinstance(data.get("base_url"), str):
            raise ValueError("a profile needs a base_url")
        known = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})


class ProfileStore:
    """Read-modify-write access to the profiles file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_path()

    def _fail(self, reason: str) -> SetupError:
        return SetupError(f"cannot use the config file {self.path}: {reason}")

    def _load(self) -> dict[str, Any]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {"profiles": {}}
        except (OSError, UnicodeDecodeError) as exc:
            raise self._fail(getattr(exc, "strerror", None) or str(exc)) from None
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise self._fail(f"not valid JSON ({exc}); fix or delete it") from None
        if not isinstance(data, dict) or not isinstance(data.get("profiles", {}), dict):
            raise self._fail("unexpected content; fix or delete it")
        data.setdefault("profiles", {})
        return data

    def get(self, name: str) -> Profile | None:
        raw = self._load()["profiles"].get(name)
        if raw is None:
            return None
        try:
            return Profile.from_json(raw)
        except (TypeError, ValueError) as exc:
            raise self._fail(f"profile {name!r} is malformed ({exc})") from None

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the lock beside the file (``config.lock``): one process at a time renews a
        stored token, so a rotated refresh token is never used twice."""
        try:
            self.path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
            handle = os.open(self.path.with_suffix(".lock"), os.O_RDWR | os.O_CREAT, FILE_MODE)
        except OSError as exc:
            raise self._fail(exc.strerror or str(exc)) from None
        try:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_EX)
            yield
        finally:
            os.close(handle)  # closing releases the lock

    def names(self) -> list[str]:
        return sorted(self._load()["profiles"])

    def put(self, name: str, profile: Profile) -> None:
        data = self._load()
        data["profiles"][name] = asdict(profile)
        self._write(data)

    def remove(self, name: str) -> bool:
        data = self._load()
        if data["profiles"].pop(name, None) is None:
            return False
        self._write(data)
        return True

    def _write(self, data: dict[str, Any]) -> None:
        try:
            self.path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
            # created 0600 before any secret is written to it
            with written_whole(self.path, mode=FILE_MODE) as file:
                json.dump(data, file, indent=2, sort_keys=True)
                file.write("\n")
        except OSError as exc:
            raise self._fail(exc.strerror or str(exc)) from None
