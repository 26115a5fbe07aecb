"""Stateful local Badgr / Canvas Credentials server (see README, "Mock server").

Needs the ``mock`` extra (``pip install 'badgr-credentials[mock]'``). The names below load on
first use, so that ``python -m badgr_mock`` and ``badgr-mock`` can say so in one line when the
extra is missing instead of failing inside an import.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import BadgrMockApp, create_app
    from .faults import Faults, defects_from_env, faults_from_env
    from .strict import StrictModeViolation

_LAZY = {
    "BadgrMockApp": ".app",
    "create_app": ".app",
    "Faults": ".faults",
    "defects_from_env": ".faults",
    "faults_from_env": ".faults",
    "StrictModeViolation": ".strict",
}


def __getattr__(name: str) -> Any:
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module 'badgr_mock' has no attribute {name!r}")
    value = getattr(importlib.import_module(where, __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "BadgrMockApp",
    "Faults",
    "StrictModeViolation",
    "create_app",
    "defects_from_env",
    "faults_from_env",
]
