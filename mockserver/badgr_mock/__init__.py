"""Stateful local Badgr / Canvas Credentials server (see README, "Mock server")."""

from __future__ import annotations

from .app import BadgrMockApp, create_app
from .faults import Faults, defects_from_env, faults_from_env
from .strict import StrictModeViolation

__all__ = [
    "BadgrMockApp",
    "Faults",
    "StrictModeViolation",
    "create_app",
    "defects_from_env",
    "faults_from_env",
]
