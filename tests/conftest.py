"""Options and markers of the whole suite."""

from __future__ import annotations

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
