"""Options and markers of the whole suite."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from tests import via_proxy


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        via_proxy.OPTION,
        action="store_true",
        help="run the end-to-end tests through `badgr proxy serve`; each must leave no finding",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "plants(why): plants faults, defects or bad input on purpose (not --via-proxy)"
    )
    config.addinivalue_line(
        "markers", "serial: tests pytest-xdist cannot tell apart (make test runs them unsplit)"
    )


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's controller, once a worker has collected
def pytest_xdist_node_collection_finished(node: Any, ids: list[str]) -> None:
    """Tests that share a node id would run once between them, silently: refuse to start."""
    shared = sorted(nodeid for nodeid, times in Counter(ids).items() if times > 1)
    if shared:
        raise pytest.UsageError(
            f"{len(shared)} node ids are shared by several tests, which pytest-xdist would run"
            f" once: mark them `serial` (make test runs those without -n): {', '.join(shared)}"
        )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not via_proxy.enabled(config):
        return
    kept: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        over_http = "base_url" in getattr(item, "fixturenames", ())
        (kept if over_http and item.get_closest_marker("plants") is None else dropped).append(item)
    config.hook.pytest_deselected(items=dropped)
    items[:] = kept
