"""Stateful local Badgr / Canvas Credentials server (see README, "Mock server")."""

from __future__ import annotations

from .app import BadgrMockApp, StrictModeViolation, create_app
from .faults import Faults, defects_from_env, faults_from_env

__all__ = [
    "BadgrMockApp",
    "Faults",
    "StrictModeViolation",
    "create_app",
    "defects_from_env",
    "faults_from_env",
]
