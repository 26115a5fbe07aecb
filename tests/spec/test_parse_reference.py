"""The fast ``from_dict`` of openapi/templates/model.py.jinja against the stock generator's.

The union spec is generated a second time with openapi-python-client 0.29.1's own templates
(package ``badgr_api_stock``, the reference behaviour). Every model then parses the same payloads
through both: a full one built from its schema, the required keys alone, each optional key left
out, each key null, extra keys, timestamps with ``Z``, offsets, microseconds or malformed, and
wrongly typed values. Both must agree on every attribute, its type and the order of extra keys,
or both must raise.
"""

from __future__ import annotations

import copy
import datetime
import importlib
import itertools
import json
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import badgr_api.models
from badgr_api.models.assertion import Assertion
from badgr_api.models.assertion_ref import AssertionRef
from scripts.generate import CONFIG, OVERLAY, SPEC, load_yaml, union_spec
from tests.spec.generator_tools import generate, importable

UNION = union_spec(load_yaml(SPEC), load_yaml(OVERLAY))
SCHEMAS: dict[str, Any] = UNION["components"]["schemas"]
CLASS_OF_SCHEMA = {
    name: cls
    for name in SCHEMAS
    for cls in badgr_api.models.__all__
    if cls.lower() == name.replace("_", "").lower() and attrs.has(getattr(badgr_api.models, cls))
}
TIMESTAMPS = [
    "2024-05-06T07:08:09Z",
    "2024-05-06T07:08:09.123456Z",
    "2024-05-06T07:08:09+02:00",
    "2024-05-06T07:08:09.5-05:30",
    "2024-05-06T07:08:09",
    "2024-13-45T00:00:00Z",
    "not a timestamp",
]
WRONG_TYPES: list[Any] = [12345, "wrong", True, 1.5, [1], {"unexpected": 1}]


@pytest.fixture(scope="module")
def stock(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The union spec generated with the stock templates, importable as ``badgr_api_stock``."""
    tmp = tmp_path_factory.mktemp("stock")
    settings_ = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    result = generate(tmp, UNION, "badgr_api_stock", settings=settings_)
    assert result.returncode == 0, result.stdout + result.stderr
    with importable(tmp):
        yield importlib.import_module("badgr_api_stock.models")


# payloads ------------------------------------------------------------------------------------
def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = SCHEMAS[schema["$ref"].rsplit("/", 1)[-1]]
    if "allOf" in schema:
        merged: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
        for part in map(_resolve, schema["allOf"]):
            merged["properties"].update(part.get("properties", {}))
            merged["required"] += part.get("required", [])
        return merged
    return schema


def _sample(schema: dict[str, Any], counter: Iterator[int], depth: int = 0) -> Any:
    """A value the schema accepts; strings and numbers distinct, so a swapped field shows."""
    schema = _resolve(schema)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            options = [o for o in schema[key] if _resolve(o).get("type") != "null"]
            return _sample(options[0], counter, depth)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next(k for k in kind if k != "null")
    if kind == "object" or "properties" in schema:
        if depth > 6:
            return {}
        props = schema.get("properties", {})
        return {key: _sample(sub, counter, depth + 1) for key, sub in props.items()}
    if kind == "array":
        return [_sample(schema.get("items", {}), counter, depth + 1)]
    n = next(counter)
    if kind == "string" and schema.get("format") == "date-time":
        return f"2024-05-06T07:08:{n % 60:02d}.{n:06d}Z"
    samples: dict[Any, Any] = {
        "string": f"text-{n}",
        "integer": n,
        "number": n + 0.25,
        "boolean": n % 2 == 0,
    }
    return samples.get(kind, {"any": n})


def _variants(schema_name: str) -> Iterator[tuple[str, Any]]:
    schema = _resolve(SCHEMAS[schema_name])
    full = _sample(schema, itertools.count(1))
    required = set(schema.get("required", []))
    yield "full", full
    yield "required-only", {k: v for k, v in full.items() if k in required}
    yield "extra-keys", {"zExtra": {"nested": [1]}, **full, "aExtra": None}
    for key, sub in schema.get("properties", {}).items():
        if key not in required:
            yield f"{key}-absent", {k: v for k, v in full.items() if k != key}
        yield f"{key}-null", {**full, key: None}
        if _resolve(sub).get("format") == "date-time" or "date-time" in json.dumps(sub):
            for stamp in TIMESTAMPS:
                yield f"{key}={stamp}", {**full, key: stamp}
        for wrong in WRONG_TYPES:
            yield f"{key}={wrong!r}", {**full, key: wrong}


# comparison ----------------------------------------------------------------------------------
def shape(value: Any) -> Any:
    """Everything a user can see of a parsed value: classes, attributes, types, key order."""
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        return (type(value).__name__, [(f.name, shape(getattr(value, f.name))) for f in fields])
    if isinstance(value, list):
        return ["list", [shape(item) for item in value]]
    if isinstance(value, dict):
        return ["dict", [(key, shape(item)) for key, item in value.items()]]
    if type(value).__name__ == "Unset":  # each package has its own Unset class
        return "UNSET"
    if isinstance(value, datetime.datetime):
        return ("datetime", repr(value))
    return (type(value).__name__, value)


def outcome(parse: Callable[[Any], Any], payload: Any) -> Any:
    try:
        parsed = parse(copy.deepcopy(payload))
    except Exception:
        return "raises"
    try:  # a union keeps a value it could not parse as is; to_dict may then fail on it
        dumped = shape(parsed.to_dict())
    except Exception:
        dumped = "to_dict raises"
    return shape(parsed), dumped


@pytest.mark.parametrize("schema_name", sorted(CLASS_OF_SCHEMA))
def test_every_model_parses_like_the_stock_generator(stock: ModuleType, schema_name: str) -> None:
    cls = CLASS_OF_SCHEMA[schema_name]
    fast, reference = getattr(badgr_api.models, cls).from_dict, getattr(stock, cls).from_dict
    for label, payload in _variants(schema_name):
        assert outcome(fast, payload) == outcome(reference, payload), label


def test_the_full_payloads_parse(stock: ModuleType) -> None:
    """The comparison above is not vacuous: every model's full payload builds an object."""
    for schema_name, cls in CLASS_OF_SCHEMA.items():
        _, full = next(_variants(schema_name))
        assert outcome(getattr(badgr_api.models, cls).from_dict, full) != "raises", schema_name


def _documented_examples() -> Iterator[tuple[str, Any]]:
    """(model class, example body) for every JSON example of every response in the union spec."""
    for item in UNION["paths"].values():
        for op in item.values():
            for response in op.get("responses", {}).values() if isinstance(op, dict) else ():
                response = _resolve_ref(response, "responses")
                media = response.get("content", {}).get("application/json", {})
                ref = media.get("schema", {}).get("$ref", "")
                named = media.get("examples", {}).values()
                examples = [_resolve_ref(e, "examples").get("value") for e in named]
                for example in [*examples, media.get("example")]:
                    name = ref.rsplit("/", 1)[-1]
                    if example is not None and name in CLASS_OF_SCHEMA:
                        yield CLASS_OF_SCHEMA[name], example


def _resolve_ref(value: dict[str, Any], section: str) -> dict[str, Any]:
    while "$ref" in value:
        value = UNION["components"][section][value["$ref"].rsplit("/", 1)[-1]]
    return value


def test_documented_examples_parse_like_the_stock_generator(stock: ModuleType) -> None:
    checked = 0
    for model_name, body in _documented_examples():
        fast = getattr(badgr_api.models, model_name).from_dict
        assert outcome(fast, body) == outcome(getattr(stock, model_name).from_dict, body)
        checked += 1
    assert checked > 20


def test_timestamps_keep_their_offset_and_microseconds() -> None:
    full = _sample(SCHEMAS["Assertion"], itertools.count(1))
    parsed = Assertion.from_dict({**full, "issuedOn": "2024-05-06T07:08:09.123456+02:00"})
    assert parsed.issued_on == datetime.datetime(
        2024, 5, 6, 7, 8, 9, 123456, tzinfo=datetime.timezone(datetime.timedelta(hours=2))
    )
    assert Assertion.from_dict({**full, "issuedOn": "2024-05-06T07:08:09Z"}).issued_on.tzinfo is (
        datetime.UTC
    )


def test_malformed_values_raise_on_parse_not_on_access() -> None:
    full = _sample(SCHEMAS["Assertion"], itertools.count(1))
    for key, bad in [("issuedOn", "yesterday"), ("recipient", "r"), ("acceptance", "Maybe")]:
        with pytest.raises((TypeError, ValueError, KeyError)):
            Assertion.from_dict({**full, key: bad})
    with pytest.raises(KeyError):
        Assertion.from_dict({k: v for k, v in full.items() if k != "entityId"})


def test_a_non_object_is_converted_with_dict_as_the_stock_parser_does(stock: ModuleType) -> None:
    convertible: list[Any] = [[], "", [["assertionUrl", "u"]]]
    for value in convertible:
        assert shape(AssertionRef.from_dict(value)) == shape(stock.AssertionRef.from_dict(value))
    refused: list[Any] = ["url", 3, None, [1]]
    for value in refused:
        with pytest.raises((TypeError, ValueError)):
            AssertionRef.from_dict(value)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_assertions_parse_like_the_stock_generator(
    stock: ModuleType, data: st.DataObject
) -> None:
    full = _sample(SCHEMAS["Assertion"], itertools.count(1))
    payload = {
        key: data.draw(st.just(value) | JSON_VALUES, label=key)
        for key, value in full.items()
        if data.draw(st.integers(0, 9), label=f"{key}?") > 0
    }
    payload.update(data.draw(st.dictionaries(st.text(max_size=6), JSON_VALUES, max_size=2)))
    assert outcome(Assertion.from_dict, payload) == outcome(stock.Assertion.from_dict, payload)
