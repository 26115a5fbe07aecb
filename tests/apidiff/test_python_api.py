"""The Python view of ``make diff``: snapshots of edited copies of the tree, compared."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from scripts.apidiff.python_api import PythonChange, compare, snapshot

REPO = Path(__file__).resolve().parents[2]
ASSERTIONS = "wrapper/badgr/_resources/assertions.py"
ISSUERS = "wrapper/badgr/_resources/issuers.py"
ERRORS = "wrapper/badgr/errors.py"
TOP_LEVEL = "wrapper/badgr/__init__.py"
STAFF_ROLE = "generated/badgr_api/models/staff_role.py"
ISSUER_INPUT = "generated/badgr_api/models/issuer_input.py"
REVOKE = "generated/badgr_api/api/assertions/revoke_assertion.py"
Edit = tuple[str, str, str]  # (file, text, its replacement)
Snapshot = dict[str, Any]
ISSUERS_GET = (
    '    def get(self, issuer: str, *, by: By = "id", include_staff: bool = True) -> Call['
)


def state(root: Path, *edits: Edit) -> Path:
    """A copy of the tree's ``wrapper`` and ``generated`` in ``root``, each edit applied to the
    first occurrence of its text."""
    for part in ("wrapper", "generated"):
        ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
        shutil.copytree(REPO / part, root / part, ignore=ignore)
    for relative, old, new in edits:
        path = root / relative
        text = path.read_text()
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1))
    return root


def changed(baseline: Snapshot, root: Path, *edits: Edit) -> list[PythonChange]:
    return compare(baseline, snapshot(state(root, *edits)))


def one(changes: list[PythonChange], path: str, kind: str) -> PythonChange:
    found = [c for c in changes if c.path == path and c.kind == kind]
    assert len(found) == 1, (path, kind, changes)
    return found[0]


@pytest.fixture(scope="module")
def baseline() -> Snapshot:
    return snapshot(REPO)


@pytest.fixture(scope="module")
def retyped_model(tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    """``IssuerInput.name`` widened (``str | None``), ``.description`` narrowed (no ``None``)."""
    return snapshot(
        state(
            tmp_path_factory.mktemp("model"),
            (ISSUER_INPUT, '    name: str\n    """', '    name: str | None\n    """'),
            (ISSUER_INPUT, "description: None | str | Unset", "description: str | Unset"),
        )
    )


@pytest.fixture(scope="module")
def roles(tmp_path_factory: pytest.TempPathFactory) -> tuple[Snapshot, Snapshot]:
    """``StaffRole`` with ``"admin"`` added, and with ``"editor"`` removed."""
    old = '"editor", "owner"'
    added = state(tmp_path_factory.mktemp("added"), (STAFF_ROLE, old, '"admin", "editor", "owner"'))
    removed = state(tmp_path_factory.mktemp("removed"), (STAFF_ROLE, old, '"owner"'))
    return snapshot(added), snapshot(removed)


def test_snapshot_is_deterministic_json_without_machine_paths(
    baseline: Snapshot, tmp_path: Path
) -> None:
    text = json.dumps(baseline)
    assert json.dumps(snapshot(REPO)) == text
    assert str(REPO) not in text and "/work/" not in text
    again = snapshot(state(tmp_path))
    assert str(tmp_path) not in json.dumps(again)
    assert again == baseline
    assert compare(baseline, again) == []
    assert compare(json.loads(text), baseline) == []  # the stored form compares the same
    assert list(baseline["objects"]) == sorted(baseline["objects"])


def test_snapshot_covers_the_surface_griffe_check_misses(baseline: Snapshot) -> None:
    objects = baseline["objects"]
    for path in (
        "client.issuers.staff.add",
        "client.backpack.collections.create",
        "client.oauth.authorize_url",
        "badgr.Client.__init__",
        "badgr.Client.with_options",
        "badgr.Client.with_raw_response",
        "badgr.AsyncClient.request",
        "badgr.errors.APIError.__init__",
        "badgr.errors.APIError.status_code",
        "badgr.AwardOptions",
        "badgr_api.api.assertions.revoke_assertion.sync_detailed",
        "badgr_api.models.IssuerInput",
        "badgr_api.models.StaffRole",
        "badgr_api.client.AuthenticatedClient",
        "badgr_api.types.Response",
        "badgr_api.errors.UnexpectedStatus",
    ):
        assert path in objects, path
    assert "badgr.Client.issuers" not in objects  # namespaces: once, under client.
    award = objects["client.assertions.award"]
    assert award["params"][0][0] == "badgeclass"  # no self
    assert "award_assertion" in award["ops"]  # named by the module's helper the body calls
    assert objects["client.issuers.get"]["ops"] == [  # named by the route table the body uses
        "get_issuer",
        "get_issuer_by_open_badge_id",
        "get_issuer_by_ref",
    ]
    assert objects["badgr_api.models.StaffRole"]["members"] == ["'editor'", "'owner'", "'staff'"]
    keys = {row[0]: row[3] for row in objects["badgr.BadgeClassFields"]["fields"]}
    assert keys["name"] is None and keys["tags"] == "NotRequired"  # inherited required / total
    fields = {row[0]: row for row in objects["badgr_api.models.IssuerInput"]["fields"]}
    assert fields["name"][2:4] == ["str", None] and fields["source_url"][3] == "UNSET"
    client = [row[:2] for row in objects["badgr_api.client.Client"]["fields"]]  # attrs __init__
    assert client[:2] == [
        ["base_url", "positional or keyword"],  # `_base_url = field(alias="base_url")`
        ["raise_on_unexpected_status", "keyword-only"],  # kw_only fields come last
    ]
    assert objects["client.issuers.get"]["returns"] == "Issuer"  # not the builder's Call[Issuer]


def test_new_required_keyword_breaks_the_method(baseline: Snapshot, tmp_path: Path) -> None:
    changes = changed(
        baseline,
        tmp_path,
        (
            ASSERTIONS,
            "= False,\n        **options",
            "= False,\n        channel: str,\n        **options",
        ),
        (
            ISSUERS,
            "        url: str,\n        description",
            "        url: str,\n        region: str,\n        description",
        ),
    )
    award = one(changes, "client.assertions.award", "parameter-added-required")
    assert award.breaking and "channel" in award.detail
    assert "award_assertion" in award.operation_ids and award.model is None
    create = one(changes, "client.issuers.create", "parameter-added-required")
    assert create.breaking and "region" in create.detail
    assert create.operation_ids == ("create_issuer",)
    assert len(changes) == 2


def test_removed_method_and_namespace(baseline: Snapshot, tmp_path: Path) -> None:
    changes = changed(
        baseline,
        tmp_path,
        (ISSUERS, "    @op\n    def delete(self", "    def _delete(self"),
        (ISSUERS, "self.invitations: ", "self._invitations: "),
    )
    delete = one(changes, "client.issuers.delete", "object-removed")
    assert delete.breaking
    assert delete.operation_ids == (
        "delete_issuer",
        "delete_issuer_by_open_badge_id",
        "delete_issuer_by_ref",
    )
    invitations = one(changes, "client.issuers.invitations", "object-removed")
    assert invitations.breaking and invitations.operation_ids == ("invite_issuer_staff",)
    assert len(changes) == 2  # the namespace's methods are not listed again


def test_changed_default(baseline: Snapshot, tmp_path: Path) -> None:
    changes = changed(baseline, tmp_path, (ISSUERS, '= "staff"', '= "editor"'))
    change = one(changes, "client.issuers.staff.add", "parameter-changed-default")
    assert change.breaking and "'editor'" in change.detail
    assert change.operation_ids == ("add_issuer_staff",)
    assert len(changes) == 1


def test_generated_body_becoming_required(baseline: Snapshot, tmp_path: Path) -> None:
    optional = (REVOKE, "    body: RevokeInput,\n", "    body: RevokeInput | Unset = UNSET,\n")
    changes = compare(snapshot(state(tmp_path, *[optional] * 5)), baseline)
    for function in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
        path = f"badgr_api.api.assertions.revoke_assertion.{function}"
        required = one(changes, path, "parameter-changed-required")
        assert required.breaking and "`body` became required" in required.detail
        assert required.operation_ids == ("revoke_assertion",)
        assert one(changes, path, "parameter-changed-type").breaking  # narrowed: no Unset
    assert len(changes) == 8


@pytest.mark.parametrize(
    ("directions", "widened_breaks", "narrowed_breaks"),
    [
        (None, True, True),
        ({"IssuerInput": frozenset({"request"})}, False, True),
        ({"IssuerInput": frozenset({"response"})}, True, False),
        ({"IssuerInput": frozenset({"request", "response"})}, True, True),
        ({"Issuer": frozenset({"request"})}, True, True),  # another model's directions
    ],
)
def test_model_field_type_follows_the_model_directions(
    baseline: Snapshot,
    retyped_model: Snapshot,
    directions: dict[str, frozenset[str]] | None,
    widened_breaks: bool,
    narrowed_breaks: bool,
) -> None:
    changes = compare(baseline, retyped_model, directions)
    widened = one(changes, "badgr_api.models.IssuerInput.name", "attribute-changed-type")
    assert widened.breaking is widened_breaks and "widened" in widened.detail
    assert widened.model == "IssuerInput" and widened.operation_ids == ()
    narrowed = one(changes, "badgr_api.models.IssuerInput.description", "attribute-changed-type")
    assert narrowed.breaking is narrowed_breaks and "narrowed" in narrowed.detail
    assert len(changes) == 2


@pytest.mark.parametrize(
    ("directions", "added_breaks", "removed_breaks"),
    [
        (None, True, True),
        ({"StaffRole": frozenset({"request"})}, False, True),
        ({"StaffRole": frozenset({"response"})}, True, False),
    ],
)
def test_literal_member_added_and_removed(
    baseline: Snapshot,
    roles: tuple[Snapshot, Snapshot],
    directions: dict[str, frozenset[str]] | None,
    added_breaks: bool,
    removed_breaks: bool,
) -> None:
    added, removed = (compare(baseline, after, directions) for after in roles)
    change = one(added, "badgr_api.models.StaffRole", "enum-member-added")
    assert change.breaking is added_breaks and change.model == "StaffRole"
    assert "'admin'" in change.detail
    change = one(removed, "badgr_api.models.StaffRole", "enum-member-removed")
    assert change.breaking is removed_breaks and "'editor'" in change.detail
    # the SDK's `role: StaffRole` parameter (the alias is expanded where it is used)
    widened = one(added, "client.issuers.staff.add", "parameter-changed-type")
    assert not widened.breaking and "widened" in widened.detail
    assert widened.operation_ids == ("add_issuer_staff",)
    assert one(removed, "client.issuers.staff.add", "parameter-changed-type").breaking


def test_additions_are_compatible(baseline: Snapshot, tmp_path: Path) -> None:
    ping = "    @op\n    def ping(self) -> Call[None]:\n        return none(get_issuer)\n\n"
    changes = changed(
        baseline,
        tmp_path,
        (
            ISSUERS,
            "include_staff: bool = True\n    ) -> Call[Issuer]:",
            "include_staff: bool = True, archived: bool = False\n    ) -> Call[Issuer]:",
        ),
        (ISSUERS, "    @op\n    def delete(self", f"{ping}    @op\n    def delete(self"),
        (
            ASSERTIONS,
            "    notify: bool | None\n",
            "    notify: bool | None\n    locale: str | None\n",
        ),
        (
            ERRORS,
            "class ServerError(APIError):",
            "class GoneError(APIError):\n    pass\n\n\nclass ServerError(APIError):",
        ),
        (ERRORS, '    "ServerError",\n', '    "ServerError",\n    "GoneError",\n'),
        (
            "wrapper/badgr/__init__.py",
            "__all__ = [\n",
            '__version__ = "9.9"\n__all__ = [\n    "__version__",\n',
        ),
    )
    for path, kind, what in [
        ("client.issuers.list", "parameter-added-optional", "optional parameter `archived`"),
        ("client.issuers.ping", "object-added", "function"),
        ("badgr.AwardOptions.locale", "object-added", "locale"),
        # **options: Unpack[AwardOptions]
        ("client.assertions.award", "parameter-added-optional", "optional parameter `locale`"),
        ("client.assertions.award_many", "parameter-added-optional", "`locale`"),
        ("client.assertions.award_batch", "parameter-added-optional", "`locale`"),
        ("badgr.errors.GoneError", "object-added", "class"),  # once, not each inherited member
    ]:
        change = one(changes, path, kind)
        assert not change.breaking and what in change.detail
    assert one(changes, "client.issuers.ping", "object-added").operation_ids == ("get_issuer",)
    assert len(changes) == 7  # and no `badgr.__version__`: its value is no API


def test_typeddict_key_made_required_removed_or_narrowed(
    baseline: Snapshot, tmp_path: Path
) -> None:
    changes = changed(
        baseline,
        tmp_path,
        (ASSERTIONS, "    notify: bool | None\n", "    notify: Required[bool | None]\n"),
        (ASSERTIONS, "    narrative: str | None\n", ""),
        (
            ASSERTIONS,
            "    issued_on: datetime.datetime | None\n",
            "    issued_on: datetime.datetime\n",
        ),
    )
    for key, method in [("badgr.AwardOptions.{}", False), ("client.assertions.award", True)]:
        assert one(changes, key.format("notify"), "parameter-changed-required").breaking
        assert one(changes, key.format("narrative"), "parameter-removed").breaking
        kind = "parameter-changed-type" if method else "attribute-changed-type"
        narrowed = one(changes, key.format("issued_on"), kind)
        assert narrowed.breaking and "narrowed" in narrowed.detail


def test_return_and_attribute_types(baseline: Snapshot, tmp_path: Path) -> None:
    changes = changed(
        baseline,
        tmp_path,
        (
            ASSERTIONS,
            ') -> str | None:\n    """The recipient\'s',
            ') -> str | bytes | None:\n    """The recipient\'s',
        ),
        (
            "wrapper/badgr/_resources/_shared.py",
            "(open_badge_id: str) -> str:",
            "(open_badge_id: str | bytes) -> str:",
        ),
        (ISSUERS, f"{ISSUERS_GET}Issuer]:", f"{ISSUERS_GET}IssuerV2]:"),
        (ERRORS, "    retry_after: float | None\n", "    retry_after: float\n"),
        (
            REVOKE,
            "    body: RevokeInput,\n) -> Response[AssertionEnvelope | Envelope]:",
            "    body: RevokeInput,\n) -> Response[AssertionEnvelope]:",
        ),
    )
    widened = one(changes, "badgr.plaintext_identity", "return-changed-type")
    assert widened.breaking and "widened" in widened.detail
    assert not one(changes, "badgr.encode_ref", "parameter-changed-type").breaking  # widened
    renamed = one(changes, "client.issuers.get", "return-changed-type")
    assert (
        renamed.breaking and "changed" in renamed.detail and "get_issuer" in renamed.operation_ids
    )
    narrowed = one(changes, "badgr.errors.RateLimitError.retry_after", "attribute-changed-type")
    assert not narrowed.breaking and "narrowed" in narrowed.detail
    path = "badgr_api.api.assertions.revoke_assertion.sync_detailed"
    inner = one(changes, path, "return-changed-type")  # Response[A | B] -> Response[A]
    assert not inner.breaking and "narrowed" in inner.detail
    assert len(changes) == 5


def test_error_class_removed_or_rebased(baseline: Snapshot, tmp_path: Path) -> None:
    changes = changed(
        baseline,
        tmp_path,
        (ERRORS, '    "ServerError",\n', ""),
        (TOP_LEVEL, '    "ServerError",\n', ""),  # badgr.ServerError re-exports it
        (ERRORS, "class NotFoundError(APIError):", "class NotFoundError(BadgrError):"),
    )
    assert one(changes, "badgr.errors.ServerError", "object-removed").breaking
    assert one(changes, "badgr.ServerError", "object-removed").breaking
    rebased = one(changes, "badgr.errors.NotFoundError", "class-removed-base")
    assert rebased.breaking and "APIError" in rebased.detail
    removed = {"badgr.errors.ServerError", "badgr.ServerError"}
    lost = {c.path for c in changes if c.kind == "object-removed"} - removed
    assert "badgr.errors.NotFoundError.status_code" in lost  # no longer inherited
    assert all(path.startswith("badgr.errors.NotFoundError.") for path in lost)


def test_positional_order_kind_and_shape(baseline: Snapshot, tmp_path: Path) -> None:
    changes = changed(
        baseline,
        tmp_path,
        (
            ASSERTIONS,
            "        badgeclass: str,\n        recipient: Recipient,\n        *,\n        allow",
            "        recipient: Recipient,\n        badgeclass: str,\n        *,\n        allow",
        ),
        (
            ISSUERS,
            "def remove(self, issuer: str, email: str)",
            "def remove(self, issuer: str, *, email: str)",
        ),
        (ISSUER_INPUT, "    email: str\n", "    email: str | Unset = UNSET\n"),
        (
            "wrapper/badgr/_auth.py",
            "@dataclass(frozen=True, repr=False)\nclass Token:",
            "class Token:",
        ),
    )
    moved = [c for c in changes if c.kind == "parameter-moved"]
    assert {c.path for c in moved} == {"client.assertions.award"} and len(moved) == 2
    assert "from position 0 to 1" in " ".join(c.detail for c in moved)
    kind = one(changes, "client.issuers.staff.remove", "parameter-changed-kind")
    assert kind.breaking and "keyword-only" in kind.detail
    # a required field of an attrs model that gets a default: callers still work
    email = [c for c in changes if c.path == "badgr_api.models.IssuerInput.email"]
    assert [(c.kind, c.breaking) for c in email] == [("attribute-changed-type", True)]
    shape = one(changes, "badgr.Token", "object-changed-kind")  # no longer a dataclass
    assert shape.breaking and "record -> class" in shape.detail


def _function(annotation: str) -> Snapshot:
    """A snapshot of one function ``m.f(x: annotation) -> annotation``."""
    row = ["x", "positional or keyword", annotation, None]
    return {"objects": {"m.f": {"kind": "function", "params": [row], "returns": annotation}}}


@pytest.mark.parametrize(
    ("old", "new", "relation"),
    [
        ("Optional[int]", "int | None", None),
        ('Literal["a", "b"]', "Literal['b'] | Literal['a']", None),
        ("'Client'", "Client", None),  # a forward reference
        ("Union[int, str]", "int", "narrowed"),
        ("int", "typing.Union[int, None]", "widened"),
        ("Literal['a']", "Literal['a', 'b'] | None", "widened"),
        ("int | str", "int | bytes", "changed"),
        ("list[int | str]", "list[int]", "narrowed"),  # one-argument generics: their argument
        ("dict[str, int]", "dict[str, int | None]", "changed"),
    ],
)
def test_annotations_compare_as_sets_of_union_members(
    old: str, new: str, relation: str | None
) -> None:
    changes = compare(_function(old), _function(new))
    if relation is None:
        assert changes == []
        return
    param, returns = changes
    assert (param.kind, returns.kind) == ("parameter-changed-type", "return-changed-type")
    assert relation in param.detail and relation in returns.detail
    assert param.breaking is (relation != "widened")  # an input breaks when it narrows
    assert returns.breaking is (relation != "narrowed")  # an output breaks when it widens


def test_snapshots_of_another_format_do_not_compare(baseline: Snapshot) -> None:
    with pytest.raises(ValueError, match="formats"):
        compare({**baseline, "format": 0}, baseline)
