"""Schemathesis against the mock in-process (ASGI), in both profiles: every operation, then the
links state machine.

Every check is on; `schemathesis.toml` narrows a check for one operation where the documented
behaviour conflicts with it. The custom checks of badgr_fuzz/hooks.py run too. Each profile is
fuzzed against its own spec (`openapi/credentials.yaml`, `openapi/badgr-server.yaml`), so a
drift between the badgr-server spec and the mock's badgr-server profile fails here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.schemas import OpenApiSchema
from starlette.testclient import TestClient

from badgr_fuzz import hooks as fuzz_hooks
from badgr_mock import create_app
from tests.spec.spec_tools import ROOT, SPEC_PATH

#: schemathesis gives every operation's test the same node id, which pytest-xdist cannot tell
#: apart (it would run 4 of 112): `make test` runs this module on its own, in one process
pytestmark = pytest.mark.serial

EXAMPLES = 15
NO_SHRINK = [Phase.explicit, Phase.reuse, Phase.generate]
SETTINGS: dict[str, Any] = {
    "deadline": None,
    "phases": NO_SHRINK,
    "derandomize": True,
    "database": None,
    "suppress_health_check": list(HealthCheck),
}
#: a badgr-server token asked for without `scope` gets only r:profile
SCOPES = {"documented": None, "badgr-server": "rw:profile rw:issuer rw:backpack"}

fuzz_hooks.CALLER_EMAIL = "alice@example.com"  # read when a schema loads, just below


def fuzzed(profile: str, spec: Path) -> OpenApiSchema:
    """The profile's spec, bound to a fresh strict in-memory mock in that profile, logged in."""
    app = create_app(db=":memory:", strict=True, login_backoff=False, server=profile)
    schema = schemathesis.openapi.from_path(
        spec,
        config=SchemathesisConfig.from_path(
            ROOT / "fuzzkit" / "badgr_fuzz" / "data" / "schemathesis.toml"
        ),
    )
    schema.app = app
    schema.config.generation.update(max_examples=EXAMPLES, no_shrink=True, database="none")
    form = {"username": "alice@example.com", "password": "badgr-demo"}
    scope = SCOPES[profile]
    if scope is not None:
        form["scope"] = scope

    @schema.auth()
    class MockLogin:
        """Logs in once at the mock's /o/token (password grant) and sends the bearer token."""

        def get(self, case: schemathesis.Case[Any], ctx: schemathesis.AuthContext) -> str:
            with TestClient(app) as client:
                response = client.post("/o/token", data=form)
            token: str = response.json()["access_token"]
            return token

        def set(
            self, case: schemathesis.Case[Any], data: str, ctx: schemathesis.AuthContext
        ) -> None:
            case.headers["Authorization"] = f"Bearer {data}"
            if profile == "badgr-server":  # it answers JSON-LD unless JSON is asked for
                case.headers.setdefault("Accept", "application/json")

    return schema


documented = fuzzed("documented", SPEC_PATH)
badgr_server = fuzzed("badgr-server", ROOT / "openapi" / "badgr-server.yaml")


@documented.parametrize()
@settings(**SETTINGS)
def test_every_operation_conforms(case: schemathesis.Case[Any]) -> None:
    case.call_and_validate()


@badgr_server.parametrize()
@settings(**SETTINGS)
def test_every_operation_conforms_badgr_server(case: schemathesis.Case[Any]) -> None:
    case.call_and_validate()


def _state_machine(schema: OpenApiSchema) -> Any:
    machine: Any = schema.as_state_machine()
    machine.TestCase.settings = settings(max_examples=EXAMPLES, stateful_step_count=8, **SETTINGS)
    return machine.TestCase


TestLinkedWorkflows = _state_machine(documented)
TestLinkedWorkflowsBadgrServer = _state_machine(badgr_server)
