"""What ``import badgr`` loads: the SDK alone, with the heavy and optional parts deferred.

Speed is measured in ``make bench`` (BENCHMARKS.md); these tests check only which modules an
import brings in, in a fresh interpreter each.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# The mock, the fuzz kit, the command line and their libraries. httpx itself imports click and
# rich (its own CLI) when they are installed, so only what badgr adds on top of httpx counts.
NEVER_IMPORTED = {"badgr_mock", "badgr_fuzz", "badgr.cli", "click", "rich", "starlette", "scripts"}
DEFERRED = {
    "badgr.verification",
    "badgr._jobs.award_many",
    "badgr._jobs.batch",
    "badgr._jobs.lanes",
    "badgr._resources",
}
# Loaded by the first call, grant or job, not by the import: the generated package (and attrs
# under it) and asyncio.
DEFERRED |= {"badgr_api", "attr", "attrs", "asyncio"}


def _modules_added(code: str) -> set[str]:
    probe = (
        "import json, sys, httpx\n"
        "before = set(sys.modules)\n"
        f"{code}\n"
        "print(json.dumps(sorted(set(sys.modules) - before)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout))


def _roots(modules: set[str]) -> set[str]:
    found = set()
    for name in modules:
        for banned in NEVER_IMPORTED | DEFERRED:
            if name == banned or name.startswith(banned + "."):
                found.add(banned)
    return found


def test_import_badgr_loads_neither_mock_nor_cli_nor_deferred_parts() -> None:
    added = _modules_added("import badgr")
    assert "badgr._client" in added  # the probe saw the import happen
    assert _roots(added) == set()


@pytest.mark.parametrize(
    ("name", "module"),
    [
        ("verify", "badgr.verification"),
        ("Verification", "badgr.verification"),
        ("AwardResult", "badgr._jobs.award_many"),
        ("plaintext_identity", "badgr._resources"),
    ],
)
def test_deferred_names_load_on_first_use(name: str, module: str) -> None:
    added = _modules_added(f"import badgr\nvalue = badgr.{name}\nassert value.__module__")
    assert module in added
    assert _roots(added) <= DEFERRED


def test_from_import_and_unknown_names() -> None:
    from badgr import AwardResult, Verification, verify

    assert verify.__module__ == "badgr.verification"
    assert Verification.__name__ == "Verification"
    assert AwardResult.__module__ == "badgr._jobs.award_many"
    import badgr

    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        badgr.nothing_here  # noqa: B018
