"""The layers of ARCHITECTURE.md: which top-level modules each package may import.

scripts/ are entry points: no package imports them (only the tests of a script do)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Part of the tree -> top-level names it must never import.
FORBIDDEN: dict[str, frozenset[str]] = {
    # The generated client is self-contained.
    "generated/badgr_api": frozenset(
        {"badgr", "badgr_mock", "badgr_fuzz", "scripts", "tests", "schemathesis"}
    ),
    # The SDK: never the mock, the fuzz kit (badgr_fuzz, scripts/ and its fuzzing libraries) or
    # tests (`badgr fuzz` loads the kit by name, lazily).
    "wrapper/badgr": frozenset(
        {"badgr_mock", "badgr_fuzz", "scripts", "tests", "schemathesis", "hypothesis", "pytest"}
    ),
    # The fuzz kit judges servers by the spec alone, not by our SDK or client; of the SDK it
    # uses only the one redactor, `badgr.redact` (test_the_fuzz_kit_uses_only_the_sdks_redactor).
    "fuzzkit/badgr_fuzz": frozenset({"badgr_api", "scripts", "tests"}),
    # The mock obeys the spec, not the SDK or the generated client built from it.
    "mockserver/badgr_mock": frozenset(
        {
            "badgr",
            "badgr_api",
            "badgr_fuzz",
            "scripts",
            "tests",
            "schemathesis",
            "hypothesis",
            "pytest",
        }
    ),
}

#: Files allowed one name their part forbids, and why (ARCHITECTURE.md says the same).
EXCEPTIONS: dict[str, frozenset[str]] = {
    # `badgr proxy` says whether the SDK's generated models would have read an observed answer.
    "fuzzkit/badgr_fuzz/proxy/sdk.py": frozenset({"badgr_api"}),
}


def imported_top_levels(path: Path) -> Iterator[tuple[int, str]]:
    """(line, top-level module) for every absolute import in the file, lazy ones included."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module.split(".")[0]


def python_files(part: str) -> list[Path]:
    return sorted((ROOT / part).rglob("*.py"))


@pytest.mark.parametrize("part", sorted(FORBIDDEN))
def test_layer_imports_only_what_it_may(part: str) -> None:
    files = python_files(part)
    assert files, f"{part} has no Python files: update ARCHITECTURE.md and this test"
    broken = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in files
        for line, name in imported_top_levels(path)
        if name in FORBIDDEN[part] - EXCEPTIONS.get(str(path.relative_to(ROOT)), frozenset())
    ]
    assert broken == []


def test_every_exception_names_a_file() -> None:
    assert [name for name in EXCEPTIONS if not (ROOT / name).is_file()] == []


def test_the_checker_sees_lazy_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    import badgr_mock.app\n    from scripts import fuzz\n")
    assert [name for _, name in imported_top_levels(sample)] == ["badgr_mock", "scripts"]


def sdk_modules_used(path: Path, package: str) -> Iterator[tuple[int, str]]:
    """(line, module) for every import of the SDK (``badgr`` or ``badgr.x``) in ``path``, a
    module of ``package``; relative imports resolved."""
    here = package.split(".")
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names = [module] if node.module else [f"{module}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            if name == "badgr" or name.startswith("badgr."):
                yield node.lineno, name


def test_the_cli_uses_only_the_public_sdk() -> None:
    """ARCHITECTURE.md: the CLI is a user of the SDK like any other, through what ``badgr``
    exports (a private module's name starts with ``_``)."""
    private = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in python_files("wrapper/badgr/cli")
        for line, name in sdk_modules_used(path, "badgr.cli")
        if not name.startswith("badgr.cli")
        and any(part.startswith("_") for part in name.split(".")[1:])
    ]
    assert private == []


def test_the_public_sdk_check_resolves_relative_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from .. import errors\nfrom .._logging import redact\nimport badgr._x\n")
    assert [name for _, name in sdk_modules_used(sample, "badgr.cli")] == [
        "badgr.errors",
        "badgr._logging",
        "badgr._x",
    ]


def test_the_fuzz_kit_uses_only_the_sdks_redaction_and_decoder() -> None:
    """ARCHITECTURE.md: the fuzz kit judges servers by the spec, not by the SDK; it shares only
    the SDK's redaction (what it writes of recorded requests goes through ``badgr.redact``, and
    ``badgr.CREDENTIAL_HEADERS`` is the one list of credential headers) and its bounded
    decoding (``badgr.aiter_decoded``: the proxy reads answers as the SDK does)."""
    used = set()
    for path in python_files("fuzzkit/badgr_fuzz"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                used |= {a.name for a in node.names if a.name.split(".")[0] == "badgr"}
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "badgr":
                used |= {f"{node.module}.{alias.name}" for alias in node.names}
    assert used == {"badgr.redact", "badgr.CREDENTIAL_HEADERS", "badgr.aiter_decoded"}
