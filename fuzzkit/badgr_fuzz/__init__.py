"""badgr_fuzz: fuzz a Badgr / Canvas Credentials server (documented API or self-hosted
badgr-server) with schemathesis, and report server defects apart from conformance drift.

    python -m badgr_fuzz --url URL [--profile documented|badgr-server] [--allow-writes]

`main(argv) -> int` is the entry point (exit code 0 clean, 1 failures found, 2 could not run).
"""

from __future__ import annotations

from badgr_fuzz.cli import main

__all__ = ["main"]
