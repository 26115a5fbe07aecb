"""Every case of corpus.yaml, end to end: edit a copy of the tree -> regenerate badgr_api -> both
views of the diff -> the gate. The cases are computed two at a time (the generator is a
subprocess) and each is then checked on its own."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Iterator
from typing import Any

import pytest

from scripts.apidiff import report
from tests.apidiff import corpus

NAMES = [case["name"] for case in corpus.CASES]
CHANGELOG = "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-12-06\n"


@pytest.fixture(scope="module", autouse=True)
def computed() -> Iterator[None]:
    corpus.base_state()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(corpus.records_of, NAMES))
    yield


def test_the_corpus_is_large_and_names_are_unique() -> None:
    assert len(NAMES) >= 40 and len(set(NAMES)) == len(NAMES)
    rules = {e["rule"] for case in corpus.CASES for e in case["expect"]}
    assert len(rules) >= 30, "the corpus should exercise many rules"


@pytest.mark.parametrize("name", NAMES)
def test_case(name: str) -> None:
    case = next(c for c in corpus.CASES if c["name"] == name)
    records = corpus.records_of(name)
    assert not corpus.mismatches(records, case["expect"]), "\n".join(
        corpus.mismatches(records, case["expect"]) + [r.line() for r in records]
    )
    # the gate: refuses an unacknowledged break, and passes once `make diff` wrote its lines
    breaks = [r for r in records if r.breaking is not False]
    problems = report.gate(CHANGELOG, records, "1.0.0", "1.0.0")
    assert bool(problems) == bool(breaks), problems
    written = report.refresh(CHANGELOG, records)
    needed = report.required_version("1.0.0", records)
    assert report.gate(written, records, needed, "1.0.0") == []
    assert needed == ("2.0.0" if breaks else "1.0.1" if records else "1.0.0")


def _flipped(expect: dict[str, Any]) -> dict[str, Any]:
    wrong = dict(expect)
    key = "wire" if "wire" in wrong else "python"
    wrong[key] = "compatible" if wrong[key] != "compatible" else "breaking"
    return wrong


@pytest.mark.parametrize("name", NAMES)
def test_a_wrong_expectation_fails(name: str) -> None:
    """Plant a wrong verdict (or drop an expected record) and the check must notice."""
    case = next(c for c in corpus.CASES if c["name"] == name)
    records = corpus.records_of(name)
    for index, expect in enumerate(case["expect"]):
        wrong = [*case["expect"][:index], _flipped(expect), *case["expect"][index + 1 :]]
        assert corpus.mismatches(records, wrong), f"flipping {expect} went unnoticed"
        dropped = case["expect"][:index] + case["expect"][index + 1 :]
        assert corpus.mismatches(records, dropped), f"dropping {expect} went unnoticed"
    if not case["expect"]:
        assert corpus.mismatches(records, [{"rule": "endpoint-added", "subject": "x"}])
