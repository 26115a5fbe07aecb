"""The files the fuzz kit ships: both profiles' API descriptions and the per-operation checks.

They are package data (fuzzkit/badgr_fuzz/data/ links to openapi/ in the checkout, and a built
wheel holds copies), so an installed kit needs no checkout; a checkout is the fallback.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from importlib.resources import as_file, files
from pathlib import Path

#: profile name -> the API description it is fuzzed against.
PROFILES = {"documented": "credentials.yaml", "badgr-server": "badgr-server.yaml"}
_CHECKOUT = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def data_file(name: str) -> Iterator[Path]:
    """A real file path for a shipped data file (extracted for the duration if zipped)."""
    resource = files("badgr_fuzz").joinpath("data", name)
    if resource.is_file():
        with as_file(resource) as path:
            yield path
        return
    fallback = _CHECKOUT / "openapi" / name
    if not fallback.is_file():
        raise FileNotFoundError(f"badgr_fuzz data file {name} is missing from the installation")
    yield fallback


def checks_config() -> str:
    """schemathesis' settings per operation (data/schemathesis.toml, always inside the package)."""
    return files("badgr_fuzz").joinpath("data", "schemathesis.toml").read_text(encoding="utf-8")
