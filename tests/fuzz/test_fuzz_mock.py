"""Schemathesis against the mock in-process (ASGI): every operation, then the links state machine.

Every check is on; `schemathesis.toml` narrows a check for one operation where the documented
behaviour conflicts with it. The custom checks of badgr_fuzz/hooks.py run too.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.config import SchemathesisConfig
from starlette.testclient import TestClient

from badgr_fuzz import hooks as fuzz_hooks
from badgr_mock import create_app
from tests.spec.spec_tools import ROOT, SPEC_PATH

EXAMPLES = 15
NO_SHRINK = [Phase.explicit, Phase.reuse, Phase.generate]

APP = create_app(db=":memory:", strict=True, login_backoff=False)
fuzz_hooks.CALLER_EMAIL = "alice@example.com"  # read when the schema loads, just below
schema = schemathesis.openapi.from_path(
    SPEC_PATH,
    config=SchemathesisConfig.from_path(
        ROOT / "fuzzkit" / "badgr_fuzz" / "data" / "schemathesis.toml"
    ),
)
schema.app = APP
schema.config.generation.update(max_examples=EXAMPLES, no_shrink=True, database="none")


@schema.auth()
class MockLogin:
    """Logs in once at the mock's /o/token (password grant) and sends the bearer token."""

    def get(self, case: schemathesis.Case[Any], ctx: schemathesis.AuthContext) -> str:
        with TestClient(APP) as client:
            response = client.post(
                "/o/token", data={"username": "alice@example.com", "password": "badgr-demo"}
            )
        token: str = response.json()["access_token"]
        return token

    def set(self, case: schemathesis.Case[Any], data: str, ctx: schemathesis.AuthContext) -> None:
        case.headers["Authorization"] = f"Bearer {data}"


@schema.parametrize()
@settings(
    deadline=None,
    phases=NO_SHRINK,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_conforms(case: schemathesis.Case[Any]) -> None:
    case.call_and_validate()


Stateful: Any = schema.as_state_machine()
Stateful.TestCase.settings = settings(
    max_examples=EXAMPLES,
    stateful_step_count=8,
    deadline=None,
    phases=NO_SHRINK,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
TestLinkedWorkflows = Stateful.TestCase
