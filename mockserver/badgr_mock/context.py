"""What a handler receives (``Context``) and returns (``Reply``), plus the shared look-ups."""

from __future__ import annotations

import base64
import binascii
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

from .envelope import not_found
from .limits import Limits
from .profiles import Profile
from .spec import Operation
from .store import Store, loads

#: a refresh token's lifetime unless configured (``--refresh-token-ttl``): 30 days
DEFAULT_REFRESH_TOKEN_TTL = 30 * 86400

ROLE_RANK = {"staff": 1, "editor": 2, "owner": 3}
STAFF, EDITOR, OWNER = 1, 2, 3


@dataclass
class User:
    pk: int
    id: str
    entity_id: str
    doc: dict[str, Any]
    emails: list[tuple[str, bool, bool]]  # (email, verified, primary)

    @property
    def verified_emails(self) -> list[str]:
        return [email for email, verified, _ in self.emails if verified]

    @property
    def primary_email(self) -> str:
        for email, _, primary in self.emails:
            if primary:
                return email
        return self.emails[0][0] if self.emails else ""


@dataclass
class MockSettings:
    """Per-app behaviour chosen in ``create_app``."""

    base_url: str | None
    strict: bool
    token_ttl: int
    profile: Profile
    limits: Limits = field(default_factory=Limits)
    #: seconds a refresh token can be used after it was issued
    refresh_token_ttl: int = DEFAULT_REFRESH_TOKEN_TTL
    #: Test only: GET /auth/oauth2/authorize?username=… issues a code without a password.
    test_login_route: bool = False
    #: The domain of the server's default BadgrApp, sent as ``badgrDomain`` (None: no app).
    badgr_domain: str | None = "localhost:4200"
    #: The latest terms of service; users who agreed to an older version are asked again.
    latest_terms_version: int = 1


@dataclass
class Context:
    store: Store
    settings: MockSettings
    operation: Operation
    params: dict[str, Any]
    body: Any
    base_url: str
    path: str
    query_items: list[tuple[str, str]]
    client_host: str
    user: User | None = None
    scopes: frozenset[str] = frozenset()

    @property
    def db(self) -> sqlite3.Connection:
        return self.store.connection

    def require_user(self) -> User:
        if self.user is None:
            raise not_found()
        return self.user

    def absolute_url(self, **replace: str | None) -> str:
        """This request's absolute URL with some query parameters replaced or dropped."""
        kept = [(key, value) for key, value in self.query_items if key not in replace]
        kept.extend((key, value) for key, value in replace.items() if value is not None)
        query = urlencode(kept)
        return f"{self.base_url}{self.path}" + (f"?{query}" if query else "")


@dataclass
class Reply:
    status: int = 200
    result: list[Any] | None = field(default_factory=list)  # None: no body (204)
    headers: dict[str, str] = field(default_factory=dict)
    description: str = "ok"
    extra: dict[str, Any] = field(default_factory=dict)
    raw: dict[str, Any] | None = None  # a non-envelope body (the token endpoint)


Handler = Callable[[Context], Reply]


def load_user(db: sqlite3.Connection, user_pk: int) -> User | None:
    row = db.execute("SELECT pk, id, entity_id, doc FROM users WHERE pk = ?", (user_pk,)).fetchone()
    if row is None:
        return None
    emails = [
        (email_row["email"], bool(email_row["verified"]), bool(email_row["is_primary"]))
        for email_row in db.execute(
            "SELECT email, verified, is_primary FROM emails WHERE user_pk = ? "
            "ORDER BY is_primary DESC, email",
            (user_pk,),
        )
    ]
    return User(row["pk"], row["id"], row["entity_id"], loads(row["doc"]), emails)


def row_by_pk(db: sqlite3.Connection, table: str, pk: int) -> sqlite3.Row:
    """A row just written in this transaction, read back by its primary key."""
    row: sqlite3.Row = db.execute(f"SELECT * FROM {table} WHERE pk = ?", (pk,)).fetchone()
    return row


def find_row(
    db: sqlite3.Connection, table: str, ref: str, extra_sql: str = ""
) -> sqlite3.Row | None:
    """A row addressed by its 24-hex ``id`` or its ``entityId``."""
    row: sqlite3.Row | None = db.execute(
        f"SELECT * FROM {table} WHERE (id = ? OR entity_id = ?) {extra_sql}",
        (ref, ref),
    ).fetchone()
    return row


def staff_role(db: sqlite3.Connection, issuer_pk: int, user_pk: int) -> str | None:
    """The user's role on the issuer (``staff``, ``editor``, ``owner``), or None."""
    row = db.execute(
        "SELECT role FROM staff WHERE issuer_pk = ? AND user_pk = ?", (issuer_pk, user_pk)
    ).fetchone()
    return None if row is None else str(row["role"])


def role_on_issuer(db: sqlite3.Connection, issuer_pk: int, user: User | None) -> int:
    """The caller's rank on the issuer (0 for none), to compare with STAFF, EDITOR, OWNER."""
    role = None if user is None else staff_role(db, issuer_pk, user.pk)
    return 0 if role is None else ROLE_RANK[role]


def decode_base64_segment(value: str) -> str:
    """URL-safe (or standard) base64, padding optional, of UTF-8 text.

    A segment that does not decode names no entity, so it is a 404 like any unknown id.
    """
    text = value.strip().rstrip("=")
    padded = text + "=" * (-len(text) % 4)
    try:
        decoded = base64.b64decode(padded.replace("-", "+").replace("_", "/"), validate=True)
        return decoded.decode("utf-8")
    except (binascii.Error, ValueError):
        raise not_found() from None


_PUBLIC_PATH = re.compile(r"/public/(issuers|badges|assertions)/([A-Za-z0-9_-]{1,64})/?$")


def entity_id_from_open_badge_id(url: str, kind: str) -> str | None:
    """The entity id inside one of this server's ``openBadgeId`` URLs (any host), or None."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    match = _PUBLIC_PATH.search(path)
    if match is None or match.group(1) != kind:
        return None
    return match.group(2)


def open_badge_id(base_url: str, kind: str, entity_id: str) -> str:
    return f"{base_url}/public/{kind}/{entity_id}"


def addressed_entity_id(ctx: Context, ref_param: str, kind: str) -> str:
    """The entity id a route names: ``idOrEntityId`` as given, or the entity whose
    ``openBadgeId`` (under ``/public/{kind}/``) arrives base64-encoded in ``ref_param``."""
    if "idOrEntityId" in ctx.params:
        return str(ctx.params["idOrEntityId"])
    url = decode_base64_segment(ctx.params[ref_param])
    entity_id = entity_id_from_open_badge_id(url, kind)
    if entity_id is None:
        raise not_found()
    return entity_id
