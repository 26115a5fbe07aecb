"""The files the fuzz kit reads: both kinds of server's API descriptions and the per-operation
checks.

The API descriptions are the mock's package data (badgr_mock/data/: links to openapi/ in the
checkout, copies in a wheel; the `fuzz` extra installs the mock), so they ship once and an
installed kit needs no checkout. The checks are the kit's own (badgr_fuzz/data/).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from importlib.resources import as_file, files
from pathlib import Path

#: profile name -> the API description it is fuzzed against.
PROFILES = {"documented": "credentials.yaml", "badgr-server": "badgr-server.yaml"}


@contextlib.contextmanager
def data_file(name: str) -> Iterator[Path]:
    """A real file path for a shipped API description (extracted for the duration if zipped)."""
    resource = files("badgr_mock").joinpath("data", name)
    if not resource.is_file():
        raise FileNotFoundError(f"the API description {name} is missing from badgr_mock's data")
    with as_file(resource) as path:
        yield path


def checks_config() -> str:
    """schemathesis' settings per operation (data/schemathesis.toml, inside the package)."""
    return files("badgr_fuzz").joinpath("data", "schemathesis.toml").read_text(encoding="utf-8")
