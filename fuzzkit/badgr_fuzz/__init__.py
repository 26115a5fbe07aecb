"""badgr_fuzz: fuzz a Badgr / Canvas Credentials server (documented API or self-hosted
badgr-server) with schemathesis, and report server defects apart from conformance drift.

    python -m badgr_fuzz --url URL [--server documented|badgr-server] [--allow-writes]

`main(argv) -> int` is the entry point (exit code 0 clean, 1 failures found, 2 could not run,
including when the `fuzz` extra is not installed: one line says so).
"""

from __future__ import annotations

import sys

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    try:
        from badgr_fuzz.cli import main as run
    except ModuleNotFoundError as missing:
        if (missing.name or "").startswith("badgr"):
            raise
        print(
            f"badgr-fuzz: the fuzz kit needs the 'fuzz' extra ({missing.name} is missing):"
            " pip install 'badgr-credentials[fuzz]'",
            file=sys.stderr,
        )
        return 2
    return run(argv)
