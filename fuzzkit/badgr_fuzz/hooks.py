"""Credentials-specific schemathesis hooks: the fuzzing profile and the extra checks.

Loaded by the fuzz kit (badgr_fuzz.cli sets SCHEMATHESIS_HOOKS) and by tests/fuzz, so both fuzz
alike.

The profile adjusts the loaded spec for fuzzing only (the files in openapi/ are untouched):
- schemathesis 4.32 finds no credential location in an `oauth2` scheme, so `ignored_auth` would
  silently check nothing; the scheme is shown as what it is on the wire, a bearer header;
- the facts a schema cannot know are added as JSON Schema: an issuer's e-mail must be one of
  the caller's verified addresses (CALLER_EMAIL), and images must be PNG/SVG data URIs or URLs.
  Valid data is then really valid, and the workflows get past "create" to the reads, updates,
  awards and deletes behind it. (Rules the servers enforce, such as a badge class's criteria,
  are the spec's own: never added here, where the mock would not see them.)
"""

from __future__ import annotations

import os
from typing import Any

import schemathesis
from schemathesis import Case, CheckContext, HookContext, Response

from badgr_fuzz import pages
from badgr_mock.testing import PNG_DATA_URI

AnyCase = Case[Any]
#: The fuzzing identity's verified e-mail; badgr_fuzz.cli sets BADGR_FUZZ_EMAIL.
CALLER_EMAIL = os.environ.get("BADGR_FUZZ_EMAIL")
# Printable ASCII only: control characters count as whitespace to some URL checks, not others.
IMAGE = {"anyOf": [{"pattern": r"^https?://[!-~]+$"}, {"const": PNG_DATA_URI}]}


@schemathesis.hook
def before_load_schema(context: HookContext, raw_schema: dict[str, Any]) -> None:
    components = raw_schema.get("components", {})
    for scheme in components.get("securitySchemes", {}).values():
        if scheme.get("type") == "oauth2":
            scheme.clear()
            scheme.update({"type": "http", "scheme": "bearer"})
    schemas = components.get("schemas", {})
    # Linking an issuer to an organization needs write access to one the fuzzer cannot know.
    schemas.get("IssuerInput", {}).get("properties", {}).pop("organizationId", None)
    for name in (
        "IssuerInput",
        "IssuerUpdateInput",
        "BadgeClassInput",
        "BadgeClassUpdateInput",
        "BackpackImportInput",
    ):
        properties = schemas.get(name, {}).get("properties", {})
        if "image" in properties:
            image: dict[str, Any] = {"type": "string", **IMAGE}
            if any(branch.get("type") == "null" for branch in properties["image"].get("anyOf", [])):
                image = {"anyOf": [image, {"type": "null"}]}  # explicit null stays valid
            properties["image"] = image
        if "email" in properties and CALLER_EMAIL:
            properties["email"] = {"type": "string", "enum": [CALLER_EMAIL]}


def _json(response: Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _result(response: Response) -> list[Any] | None:
    return pages.result_of(_json(response))


def _page(response: Response) -> pages.Page:
    links = response.headers.get("link", []) or []
    return pages.Page(response.status_code, _json(response), list(links), response.text)


def _call(case: AnyCase, sent: Response, query: dict[str, Any]) -> Response:
    """Repeat `case` with another query, with the credentials the original request carried."""
    again = case.operation.Case(
        method=case.method,
        path_parameters=dict(case.path_parameters or {}),
        headers=dict(case.headers or {}),
        query=query,
    )
    authorization = sent.request.headers.get("Authorization")
    response: Response = again.call(
        headers={"Authorization": authorization} if authorization else None
    )
    return response


@schemathesis.check
def pagination_is_complete(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """Following the next pages from a first page yields every item of the list exactly once
    (the rule lives in badgr_fuzz.pages, which replays judge by too)."""
    query = {name: str(value) for name, value in (case.query or {}).items()}
    if not pages.is_first_page(case.method, response.status_code, query, _json(response)):
        return None
    try:
        problem = pages.lost_or_repeated(
            _page(response), query, lambda other: _page(_call(case, response, other))
        )
    except pages.NotWalked:
        return None  # nothing proven either way
    if problem:
        raise AssertionError(problem)
    return True


@schemathesis.check
def single_entity_has_one_result(
    ctx: CheckContext, response: Response, case: AnyCase
) -> bool | None:
    """A 200 for one addressed entity carries exactly it: an empty `result` hides a 404."""
    if case.method not in ("GET", "PUT", "PATCH") or not case.path.endswith("}"):
        return None
    if response.status_code != 200:
        return None
    result = _result(response)
    if result is not None and len(result) != 1:
        raise AssertionError(f"Expected exactly one entity in `result`, got {len(result)}")
    return True
