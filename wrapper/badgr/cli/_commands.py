"""Every command module, imported for its registrations on :data:`cli`."""

from __future__ import annotations

from . import _browse, _login, _raw, _tools, _verify
from ._app import cli

__all__ = ["cli"]

_REGISTERED = (_browse, _login, _raw, _tools, _verify)
