"""Models built by the fast generated parser behave as plain attrs models (openapi/templates).

The parser's output is compared with the stock generator's in tests/spec/test_parse_reference.py;
here: what users do with the objects, pages parsed from the mock in both profiles, and malformed
pages reaching the SDK's typed error.
"""

from __future__ import annotations

import copy
import datetime
import json
import pickle
from typing import Any

import attrs
import httpx
import pytest

from badgr import Client
from badgr._envelope import unwrap
from badgr.errors import ResponseValidationError
from badgr_api.api.assertions import list_assertions
from badgr_api.client import AuthenticatedClient
from badgr_api.models.assertion import Assertion
from badgr_api.models.assertion_ref import AssertionRef
from badgr_api.models.warnings import Warnings
from tests.wrapper.conftest import both_profiles, make_badge


def _instants(entity: dict[str, Any]) -> dict[str, Any]:
    """Timestamps as instants: to_dict writes Python's ISO form (`+00:00` for `Z`)."""
    return {
        key: datetime.datetime.fromisoformat(value) if key in TIMESTAMP_KEYS and value else value
        for key, value in entity.items()
    }


TIMESTAMP_KEYS = {"issuedOn", "createdAt", "expires"}


@both_profiles
def test_a_page_from_the_mock_parses_into_models_that_round_trip(client: Client) -> None:
    _, badge = make_badge(client)
    recipients = [f"page{i}@example.com" for i in range(3)]
    client.assertions.award_many(badge, recipients)
    token = client.token
    assert token is not None
    raw = httpx.get(
        f"{client.base_url}/v2/badgeclasses/{badge}/assertions",
        headers={"Authorization": f"Bearer {token.access_token}"},
    ).json()["result"]
    parsed = list(client.assertions.list(badgeclass=badge))
    assert sorted(a.recipient.plaintext_identity or "" for a in parsed) == recipients
    by_id = {item["entityId"]: item for item in raw}
    for assertion in parsed:
        source = by_id[assertion.entity_id]
        assert isinstance(assertion.issued_on, datetime.datetime)
        assert assertion.issued_on.tzinfo is not None
        assert _instants(assertion.to_dict()) == _instants(source)


def test_additional_properties_are_a_fresh_dict_per_object() -> None:
    first, second = AssertionRef(assertion_url="u"), AssertionRef.from_dict({"assertionUrl": "u"})
    assert first == second and first.additional_properties == {} == second.additional_properties
    first["note"] = 1
    assert "note" in first and first.additional_keys == ["note"]
    assert second.additional_properties == {} and first != second
    del first["note"]
    assert first == second
    assert repr(second) == "AssertionRef(assertion_url='u', additional_properties={})"


def test_extra_keys_keep_their_order_and_survive_copies_and_pickles() -> None:
    ref = AssertionRef.from_dict({"z": 1, "assertionUrl": "u", "a": [2]})
    assert list(ref.additional_properties.items()) == [("z", 1), ("a", [2])]
    assert ref.to_dict() == {"z": 1, "a": [2], "assertionUrl": "u"}
    for clone in (copy.copy(ref), copy.deepcopy(ref), pickle.loads(pickle.dumps(ref))):
        assert clone == ref
    assert attrs.asdict(ref) == {"assertion_url": "u", "additional_properties": {"z": 1, "a": [2]}}
    assert attrs.evolve(ref, assertion_url="v").assertion_url == "v"
    ref.additional_properties = {"b": 3}
    assert ref["b"] == 3
    empty = AssertionRef.from_dict({})
    assert copy.copy(empty) == empty == AssertionRef()  # (a pickled UNSET is a new object)


def test_typed_additional_properties_are_parsed() -> None:
    warnings = Warnings.from_dict({"name": ["too long"], "email": []})
    assert warnings.additional_properties == {"name": ["too long"], "email": []}


def test_a_subclass_is_built_through_its_own_init() -> None:
    @attrs.define
    class NotedRef(AssertionRef):
        note: str = "default"

    noted = NotedRef.from_dict({"assertionUrl": "u", "x": 1})
    assert isinstance(noted, NotedRef)
    assert (noted.assertion_url, noted.note, noted["x"]) == ("u", "default", 1)


def _page(**assertion_changes: Any) -> httpx.Response:
    assertion = {
        "entityType": "Assertion",
        "entityId": "a1",
        "badgeclass": "b1",
        "issuer": "i1",
        "recipient": {"identity": "x@example.com", "type": "email", "hashed": False},
        "issuedOn": "2024-05-06T07:08:09.123456Z",
        "revoked": False,
        **assertion_changes,
    }
    body = {"status": {"success": True, "description": "ok"}, "result": [assertion]}
    request = httpx.Request("GET", "http://127.0.0.1/v2/badgeclasses/b1/assertions")
    return httpx.Response(200, content=json.dumps(body).encode(), request=request)


def _parse(response: httpx.Response) -> Any:
    generated = AuthenticatedClient(base_url="http://127.0.0.1", token="t")
    try:  # as the SDK's executor decodes a 2xx answer
        parsed, error = list_assertions._parse_response(client=generated, response=response), None
    except Exception as exc:
        parsed, error = None, exc
    return unwrap(response, parsed, error, shape="list", item_type=Assertion)


def test_a_well_formed_page_parses() -> None:
    (assertion,) = _parse(_page(expires="2030-01-01T00:00:00+02:00", extra={"k": 1}))
    assert assertion.expires == datetime.datetime(
        2030, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=2))
    )
    assert assertion["extra"] == {"k": 1}


@pytest.mark.parametrize(
    "change",
    [
        {"issuedOn": "yesterday"},
        {"recipient": "x@example.com"},
        {"recipient": {"type": "email"}},
        {"acceptance": "Maybe"},
        {"assertionRef": 5},
        {"evidence": [7]},
        {"entityId": None} | {"recipient": None},
    ],
    ids=repr,
)
def test_a_malformed_page_raises_the_typed_error_at_parse_time(change: dict[str, Any]) -> None:
    with pytest.raises(ResponseValidationError, match="does not match the API description"):
        _parse(_page(**change))
