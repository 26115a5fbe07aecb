"""Run the pinned generator on a spec in a temporary folder and import what it made."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

GENERATOR = Path(sys.executable).parent / "openapi-python-client"


def generate(
    tmp: Path,
    spec: dict[str, Any],
    package: str,
    *,
    settings: dict[str, Any] | None = None,
    fail_on_warning: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Generate ``spec`` as package ``package`` into ``tmp`` with the stock templates."""
    path = tmp / f"{package}.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    config = tmp / f"{package}-config.yaml"
    config.write_text(yaml.safe_dump({**(settings or {}), "package_name_override": package}))
    command = [str(GENERATOR), "generate", "--path", str(path), "--config", str(config)]
    command += ["--meta", "none", "--output-path", str(tmp / package)]
    if fail_on_warning:
        command.append("--fail-on-warning")
    return subprocess.run(command, cwd=tmp, capture_output=True, text=True)


@contextmanager
def importable(folder: Path) -> Iterator[None]:
    """Packages generated into ``folder`` can be imported meanwhile."""
    sys.path.insert(0, str(folder))
    try:
        yield
    finally:
        sys.path.remove(str(folder))
