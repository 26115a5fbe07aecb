"""The spec is valid, lint-clean and follows the modeling rules every later layer relies on."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from tests.spec.spec_tools import ROOT, SPEC_PATH, json_schema_of, load_spec, operations, resolve

ERROR_STATUSES = ("400", "401", "404", "429")
SCOPES = {"r:profile", "rw:profile", "r:issuer", "rw:issuer"}
SCOPES |= {"r:backpack", "rw:backpack", "r:org", "rw:org"}


def test_spec_is_valid_openapi_31() -> None:
    spec = load_spec()
    assert spec["openapi"] == "3.1.0"
    validate(spec)


@pytest.mark.parametrize("spec", ["credentials.yaml", "badgr-server.yaml"])
@pytest.mark.parametrize(
    "command",
    [["spectral", "lint", "-F", "warn", "-q"], ["redocly", "lint"]],
    ids=["spectral", "redocly"],
)
def test_linters_pass_with_no_warnings(command: list[str], spec: str) -> None:
    command = [*command[:2], f"openapi/{spec}", *command[2:]]
    binary = ROOT / "node_modules" / ".bin" / command[0]
    assert binary.exists(), "npm linters missing: run `make install`"
    env = {**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}
    result = subprocess.run(
        [str(binary), *command[1:]], cwd=ROOT, env=env, capture_output=True, text=True
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert not re.search(r"\b(warning|error)\b\s", output.replace("Node.js", "")), output


def test_holds_at_least_sixty_operations() -> None:
    assert len(list(operations())) >= 60


def test_operation_ids_are_stable_snake_case_and_unique() -> None:
    ids = [op["operationId"] for _, _, op in operations()]
    assert len(ids) == len(set(ids))
    for operation_id in ids:
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", operation_id), operation_id


def test_every_operation_has_one_declared_tag_a_summary_and_a_description() -> None:
    declared = {tag["name"] for tag in load_spec()["tags"]}
    for method, path, op in operations():
        assert len(op["tags"]) == 1 and op["tags"][0] in declared, (method, path)
        assert op.get("summary") and op.get("description"), (method, path)


def test_every_envelope_operation_documents_the_error_envelope_statuses() -> None:
    for method, path, op in operations():
        if path == "/o/token":
            continue
        for status in ERROR_STATUSES:
            response = resolve(op["responses"][status])
            schema = json_schema_of(response)
            assert schema == {"$ref": "#/components/schemas/ErrorEnvelope"}, (method, path, status)
        assert "Retry-After" in resolve(op["responses"]["429"])["headers"], (method, path)
        assert "403" not in op["responses"], "the API answers 404, never 403"


def test_token_endpoint_speaks_plain_oauth_json() -> None:
    op = load_spec()["paths"]["/o/token"]["post"]
    assert "application/x-www-form-urlencoded" in op["requestBody"]["content"]
    assert op["security"] == []
    grants = resolve({"$ref": "#/components/schemas/TokenRequest"})["properties"]["grant_type"]
    assert set(grants["enum"]) == {"password", "refresh_token", "authorization_code"}
    ok = json_schema_of(op["responses"]["200"])
    assert ok == {"$ref": "#/components/schemas/TokenResponse"}
    for status in ("400", "401", "429"):
        schema = json_schema_of(resolve(op["responses"][status]))
        assert schema == {"$ref": "#/components/schemas/OAuthError"}
    assert "Retry-After" in resolve(op["responses"]["429"])["headers"]


def test_security_uses_documented_scopes_on_every_operation() -> None:
    flows = load_spec()["components"]["securitySchemes"]["oauth2"]["flows"]
    assert set(flows) == {"password", "authorizationCode"}
    assert all(set(flow["scopes"]) == SCOPES for flow in flows.values())
    assert flows["password"]["tokenUrl"].endswith("/o/token")
    for method, path, op in operations():
        assert "security" in op, (method, path)
        for requirement in op["security"]:
            for scheme, scopes in requirement.items():
                assert scheme == "oauth2", (method, path)
                assert set(scopes) <= SCOPES, (method, path)


def test_every_secured_operation_requires_scopes() -> None:
    # A requirement without scopes lets any valid token in, whatever it was granted for.
    unscoped = [
        (method, path, requirement)
        for method, path, op in operations()
        for requirement in op["security"]
        if not requirement or any(not scopes for scopes in requirement.values())
    ]
    assert unscoped == []


def _walk(node: Any, where: str = "$") -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        found.append((where, node))
        for key, value in node.items():
            found.extend(_walk(value, f"{where}.{key}"))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_walk(value, f"{where}[{index}]"))
    return found


def test_no_openapi_30_nullable_and_no_ref_siblings_in_schemas() -> None:
    for where, node in _walk(load_spec()["components"]["schemas"]):
        assert "nullable" not in node, where
        if "$ref" in node:
            assert set(node) <= {"$ref", "description"}, where


def test_no_property_names_that_break_the_generator() -> None:
    for where, node in _walk(load_spec()):
        if isinstance(node.get("properties"), dict):
            assert not {"d", "cls", "src_dict"} & set(node["properties"]), where


def test_paginated_lists_declare_num_cursors_and_link_header() -> None:
    paginated = 0
    for method, path, op in operations():
        names = {resolve(p)["name"]: resolve(p) for p in op.get("parameters", [])}
        if "after" not in names:
            continue
        paginated += 1
        assert {"num", "before"} <= set(names), (method, path)
        num = names["num"]["schema"]
        # Servers clamp num to 1..500 rather than refuse it; the schema bounds it to int32.
        assert (num["type"], num["minimum"], num["maximum"]) == ("integer", 0, 2**31 - 1)
        assert "Link" in resolve(op["responses"]["200"]).get("headers", {}), (method, path)
    assert paginated >= 5


def test_request_schemas_are_inputs_without_read_only_fields() -> None:
    read_only = {"id", "entityId", "entityType", "createdAt", "openBadgeId"}
    for method, path, op in operations():
        if "requestBody" not in op:
            continue
        schema = json_schema_of(op["requestBody"])
        assert schema is not None, (method, path)
        ref = schema.get("$ref") or schema.get("items", {}).get("$ref", "")
        name = ref.rsplit("/", 1)[-1]
        assert name.endswith(("Input", "Request")), (method, path, name)
        props = resolve({"$ref": ref}).get("properties", {})
        allowed = {"id", "entityId"} if name == "RevocationInput" else set()
        assert not (read_only - allowed) & set(props), (method, path)


def test_documented_required_fields_and_limits() -> None:
    schemas = load_spec()["components"]["schemas"]
    assert set(schemas["IssuerInput"]["required"]) == {"name", "email", "url"}
    assert set(schemas["IssuerUpdateInput"]["required"]) == {"name", "email", "url", "description"}
    issuer = schemas["IssuerInput"]["properties"]
    assert (issuer["name"]["maxLength"], issuer["email"]["maxLength"]) == (1024, 255)
    assert (issuer["email"]["format"], issuer["url"]["format"]) == ("email", "uri")
    assert issuer["originalJson"]["maxLength"] == 2000000
    assert set(schemas["BadgeClassInput"]["required"]) == {"name", "image", "description"}
    assert schemas["BadgeClassUpdateInput"]["required"] == schemas["BadgeClassInput"]["required"]
    assert schemas["StaffRole"]["enum"] == ["owner", "editor", "staff"]
    assert set(schemas["RecipientType"]["enum"]) == {"email", "openBadgeId", "telephone", "url"}


def test_server_owned_open_sets_stay_strings() -> None:
    schemas = load_spec()["components"]["schemas"]
    assert "enum" not in schemas["Issuer"]["properties"]["entityType"]
    assert "enum" not in schemas["StaffInvitation"]["properties"]["status"]
    assert "enum" not in schemas["CustomPropertyDefinition"]["properties"]["propertyType"]
    assert "PENDING" in schemas["StaffInvitation"]["properties"]["status"]["description"]


def test_inferred_operations_say_what_was_inferred() -> None:
    inferred = [op for _, _, op in operations() if op.get("x-inferred")]
    assert inferred
    for op in inferred:
        assert "inferred" in op["description"].lower(), op["operationId"]


def test_links_target_real_operations_and_parameters() -> None:
    by_id = {op["operationId"]: (path, op) for _, path, op in operations()}
    links = 0
    for method, path, op in operations():
        for status, response in op["responses"].items():
            for name, link in resolve(response).get("links", {}).items():
                links += 1
                assert link["operationId"] in by_id, (method, path, name)
                target_path, target = by_id[link["operationId"]]
                params = {resolve(p)["name"] for p in target.get("parameters", [])}
                params |= {
                    resolve(p)["name"]
                    for p in load_spec()["paths"][target_path].get("parameters", [])
                }
                assert set(link["parameters"]) <= params, (method, path, name)
                if status.startswith("2"):
                    assert all(
                        v.startswith("$response.body#/result/0/") or not v.startswith("$response")
                        for v in link["parameters"].values()
                    ), (method, path, name)
    assert links >= 10


def test_servers_list_regional_hosts_and_the_local_mock() -> None:
    urls = {server["url"] for server in load_spec()["servers"]}
    assert {"https://api.badgr.io", "https://api.eu.badgr.io", "http://127.0.0.1:8000"} <= urls


def _copy_generated(tmp_path: Path) -> Path:
    target = tmp_path / "badgr_api"
    shutil.copytree(
        ROOT / "generated" / "badgr_api", target, ignore=shutil.ignore_patterns("__pycache__")
    )
    return target


def _check(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [str(ROOT / ".venv" / "bin" / "python"), "scripts/generate.py", "--check"]
    return subprocess.run([*command, *map(str, args)], cwd=ROOT, capture_output=True, text=True)


def test_drift_gate_catches_a_hand_edit_in_generated(tmp_path: Path) -> None:
    package = _copy_generated(tmp_path)
    client = package / "client.py"
    client.write_text(client.read_text() + "\n# hand edit\n")
    result = _check("--package", package)
    assert result.returncode == 1
    assert "differs: client.py" in result.stdout


def test_drift_gate_catches_a_spec_change_without_regeneration(tmp_path: Path) -> None:
    spec = tmp_path / "credentials.yaml"
    spec.write_text(SPEC_PATH.read_text().replace("Get a single Issuer", "Fetch one Issuer", 1))
    result = _check("--spec", spec)
    assert result.returncode == 1
    assert "differs: api/issuers/get_issuer.py" in result.stdout


def test_drift_gate_reports_an_operation_the_generator_skipped(tmp_path: Path) -> None:
    # openapi-python-client can drop an operation it cannot handle; the gate lists it.
    from scripts.generate import missing_operations

    package = _copy_generated(tmp_path)
    assert missing_operations(load_spec(), package) == []
    (package / "api" / "issuers" / "get_issuer.py").unlink()
    assert missing_operations(load_spec(), package) == ["get_issuer"]


@pytest.mark.parametrize("name", ["credentials.yaml", "badgr-server.yaml"])
def test_every_operation_that_takes_a_body_declares_the_413_of_a_body_too_large(
    name: str,
) -> None:
    """Every server has a body limit (the mock: 4 MiB with a token): an operation added with a
    body and without ``PayloadTooLarge`` would make the fuzz kit report the mock's own 413."""
    spec = yaml.safe_load((ROOT / "openapi" / name).read_text(encoding="utf-8"))
    missing = [
        (method, path)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and "requestBody" in op and "413" not in op["responses"]
    ]
    assert missing == []
    body_less = [
        (method, path)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and "requestBody" not in op and "413" in op.get("responses", {})
    ]
    assert body_less == []  # a GET never sends a body to be too large
