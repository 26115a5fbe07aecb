"""Every command module, imported for its registrations on :data:`cli`."""

from __future__ import annotations

from . import _award, _browse, _export, _login, _raw, _revoke, _tools, _verify
from ._app import cli

__all__ = ["cli"]

_REGISTERED = (_award, _browse, _export, _login, _raw, _revoke, _tools, _verify)
