"""`badgr fuzz --export-tests DIR`: one pytest test per distinct finding, which fails until the
server does what the failed check demands (badgr_fuzz.demands) and passes after.

DIR gets `test_fuzz_findings.py` (the tests, each with its recorded case as data) and
`conftest.py` (the `--base-url` option and the fixtures of badgr_fuzz.regression). The recorded
cases hold no credential (badgr_fuzz.recorded drops and redacts them); the tests read theirs from
the environment. A run without findings writes nothing.
"""

from __future__ import annotations

import pprint
import re
from collections.abc import Iterable
from pathlib import Path

from badgr_fuzz.demands import demand_of, why_not_judged
from badgr_fuzz.report import Finding

TESTS_FILE = "test_fuzz_findings.py"
CONFTEST = '''"""Exported by `badgr fuzz --export-tests`: the tests' option and fixtures."""

from badgr_fuzz.regression import badgr_session, base_url, pytest_addoption

__all__ = ["badgr_session", "base_url", "pytest_addoption"]
'''
HEADER = '''"""Regression tests exported by `badgr fuzz --export-tests` from a fuzz run against a
{server} server: one test per distinct finding. Each sends the recorded request again (after
the recorded steps that made the data it needs) and asserts what the failed check demands, not
what the server answered during the run: it fails while the defect lives, passes once fixed.

Run: pytest {directory} --base-url URL   (or BADGR_BASE_URL=URL)
Credentials come from the environment only: BADGR_TOKEN, or BADGR_USERNAME + BADGR_PASSWORD
(BADGR_CLIENT_ID, BADGR_SCOPE). This file holds none.
"""

from __future__ import annotations

from badgr_fuzz.regression import Session, check_case

SERVER = {server!r}
'''
TEST = '''

def {name}(badgr_session: Session) -> None:
    """{operation}: {check} ({title}), seen in {cases} case(s).

    Demands: {demand}.{note}
    """
    check_case(badgr_session, SERVER, {case_name})
'''


def test_name(operation: str, check: str, taken: set[str]) -> str:
    """`test_<method>_<path>__<check>`, unique in the file."""
    slug = re.sub(r"[^0-9a-zA-Z]+", "_", operation).strip("_").lower()
    name = base = f"test_{slug}__{check}"
    counter = 2
    while name in taken:
        name, counter = f"{base}_{counter}", counter + 1
    taken.add(name)
    return name


def _docstring_text(text: str) -> str:
    return " ".join(text.split()).replace("\\", "\\\\").replace('"""', "'''")


def render(findings: Iterable[Finding], server: str, directory: str) -> str:
    """The tests file for these findings (each must have its recorded case)."""
    parts = [HEADER.format(server=server, directory=directory)]
    data = []
    taken: set[str] = set()
    for index, finding in enumerate(findings, start=1):
        recorded = finding.recorded
        assert recorded is not None
        demand = demand_of(finding.check, finding.message)
        note = ""
        if demand is None:
            note = f"Skipped: {why_not_judged(finding.check)}."
        elif recorded.note:
            note = f"Skipped: the data it needs cannot be recreated: {recorded.note}"
        parts.append(
            TEST.format(
                name=test_name(finding.operation, finding.check, taken),
                operation=_docstring_text(finding.operation),
                check=finding.check,
                title=_docstring_text(finding.title),
                cases=finding.occurrences,
                demand=demand.text if demand else "(none judged here)",
                note=f"\n\n    {_docstring_text(note)}" if note else "",
                case_name=f"CASE_{index}",
            )
        )
        literal = pprint.pformat(recorded.to_json(), width=96, sort_dicts=False)
        data.append(f"CASE_{index} = {literal}\n")
    text = "".join(parts) + "\n\n# The recorded cases (no credentials: see the docstring).\n"
    return text + "\n".join(data)


def export_tests(findings: list[Finding], server: str, directory: Path) -> list[Path]:
    """Write the tests of these findings into `directory`; none: write nothing."""
    exportable = [f for f in findings if f.recorded is not None]
    if not exportable:
        return []
    directory.mkdir(parents=True, exist_ok=True)
    tests = directory / TESTS_FILE
    tests.write_text(render(exportable, server, str(directory)), encoding="utf-8")
    conftest = directory / "conftest.py"
    conftest.write_text(CONFTEST, encoding="utf-8")
    return [tests, conftest]
