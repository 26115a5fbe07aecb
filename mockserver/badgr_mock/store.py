"""SQLite storage: schema, seed data, identifiers and password hashing.

One connection per app, used under a lock with one explicit transaction per request, so an
answered write is committed (WAL mode) before the response leaves and survives ``kill -9``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from .formats import timestamp_from_epoch

DEMO_PASSWORD = "badgr-demo"
DEMO_USERS = (
    ("alice@example.com", "Alice", "Issuer"),
    ("bob@example.com", "Bob", "Earner"),
)
ALL_SCOPES = (
    "rw:profile",
    "rw:issuer",
    "rw:backpack",
    "r:profile",
    "r:issuer",
    "r:backpack",
    "r:org",
    "rw:org",
)
PUBLIC_CLIENT_ID = "public"
DEMO_APP_CLIENT_ID = "demo-app"
DEMO_APP_SECRET = "demo-secret"
DEMO_APP_REDIRECT_URI = "http://127.0.0.1/callback"
DEMO_ORGANIZATION_NAME = "Demo University"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    entity_id TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    doc TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS emails (
    email TEXT PRIMARY KEY,
    user_pk INTEGER NOT NULL REFERENCES users(pk),
    verified INTEGER NOT NULL,
    is_primary INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS clients (
    client_id TEXT PRIMARY KEY,
    secret_hash TEXT,
    redirect_uris TEXT NOT NULL,
    allowed_scopes TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
    access_hash TEXT PRIMARY KEY,
    refresh_hash TEXT UNIQUE,
    user_pk INTEGER NOT NULL REFERENCES users(pk),
    client_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    expires_at REAL NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
    -- and the columns of _ADDED_COLUMNS (added by _migrate, in new and old files alike)
);
CREATE TABLE IF NOT EXISTS auth_codes (
    code_hash TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    user_pk INTEGER NOT NULL REFERENCES users(pk),
    redirect_uri TEXT NOT NULL,
    scope TEXT NOT NULL,
    expires_at REAL NOT NULL,
    used INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS organizations (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    entity_id TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL,
    doc TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS org_admins (
    org_pk INTEGER NOT NULL REFERENCES organizations(pk),
    user_pk INTEGER NOT NULL REFERENCES users(pk),
    PRIMARY KEY (org_pk, user_pk)
);
CREATE TABLE IF NOT EXISTS issuers (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    entity_id TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL,
    organization_id TEXT,
    name TEXT NOT NULL,
    doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS issuers_order ON issuers(created, id);
CREATE TABLE IF NOT EXISTS staff (
    issuer_pk INTEGER NOT NULL REFERENCES issuers(pk) ON DELETE CASCADE,
    user_pk INTEGER NOT NULL REFERENCES users(pk),
    role TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (issuer_pk, user_pk)
);
CREATE INDEX IF NOT EXISTS staff_user ON staff(user_pk);
CREATE TABLE IF NOT EXISTS invitations (
    issuer_pk INTEGER NOT NULL REFERENCES issuers(pk) ON DELETE CASCADE,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    status TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (issuer_pk, email)
);
CREATE TABLE IF NOT EXISTS badgeclasses (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    entity_id TEXT NOT NULL UNIQUE,
    issuer_pk INTEGER NOT NULL REFERENCES issuers(pk) ON DELETE CASCADE,
    created TEXT NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0,
    doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS badgeclasses_order ON badgeclasses(issuer_pk, created, id);
CREATE TABLE IF NOT EXISTS assertions (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    entity_id TEXT NOT NULL UNIQUE,
    issuer_pk INTEGER REFERENCES issuers(pk) ON DELETE CASCADE,
    badgeclass_pk INTEGER REFERENCES badgeclasses(pk) ON DELETE CASCADE,
    owner_user_pk INTEGER REFERENCES users(pk),
    created TEXT NOT NULL,
    recipient_type TEXT NOT NULL,
    recipient_key TEXT NOT NULL,
    recipient_hash TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0,
    expires TEXT,
    acceptance TEXT NOT NULL,
    doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS assertions_issuer ON assertions(issuer_pk, created, id);
CREATE INDEX IF NOT EXISTS assertions_badgeclass ON assertions(badgeclass_pk, created, id);
CREATE INDEX IF NOT EXISTS assertions_recipient ON assertions(recipient_key);
-- the duplicate check of every award: without it, each award scans its badge class's awards
CREATE INDEX IF NOT EXISTS assertions_holder ON assertions(badgeclass_pk, recipient_key, created);
CREATE TABLE IF NOT EXISTS claim_codes (
    pk INTEGER PRIMARY KEY,
    badgeclass_pk INTEGER NOT NULL REFERENCES badgeclasses(pk) ON DELETE CASCADE,
    code TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0,
    doc TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS collections (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    entity_id TEXT NOT NULL UNIQUE,
    user_pk INTEGER NOT NULL REFERENCES users(pk),
    created TEXT NOT NULL,
    doc TEXT NOT NULL
);
-- Uploaded issuer and badge-class images. Written here; read by the public image routes.
CREATE TABLE IF NOT EXISTS images (
    entity_id TEXT PRIMARY KEY,
    media_type TEXT NOT NULL,
    data BLOB NOT NULL
);
-- When each issuer, badge class and assertion last changed, for the /changed feeds
-- (badgr-server profile). Kept by triggers, so handlers need not remember it.
CREATE TABLE IF NOT EXISTS updates (
    kind TEXT NOT NULL,
    pk INTEGER NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (kind, pk)
);
CREATE INDEX IF NOT EXISTS updates_order ON updates(kind, updated, pk);
CREATE TABLE IF NOT EXISTS pathways (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    issuer_pk INTEGER NOT NULL REFERENCES issuers(pk) ON DELETE CASCADE,
    created TEXT NOT NULL,
    draft TEXT NOT NULL,
    published TEXT
);
"""

_CHANGE_STAMPED = ("issuers", "badgeclasses", "assertions")
_CHANGE_STAMP_TRIGGERS = "".join(
    f"""
CREATE TRIGGER IF NOT EXISTS {kind}_insert_stamp AFTER INSERT ON {kind}
BEGIN
    INSERT OR REPLACE INTO updates (kind, pk, updated) VALUES ('{kind}', NEW.pk, mock_now());
END;
CREATE TRIGGER IF NOT EXISTS {kind}_update_stamp AFTER UPDATE ON {kind}
BEGIN
    INSERT OR REPLACE INTO updates (kind, pk, updated) VALUES ('{kind}', NEW.pk, mock_now());
END;
CREATE TRIGGER IF NOT EXISTS {kind}_delete_stamp AFTER DELETE ON {kind}
BEGIN
    DELETE FROM updates WHERE kind = '{kind}' AND pk = OLD.pk;
END;
"""
    for kind in _CHANGE_STAMPED
)


#: Columns added since the first release, as ``(table, column, declaration, backfill)``: a
#: database file of any earlier version opens and gets them (``ALTER TABLE … ADD COLUMN``), and
#: ``backfill`` (SQL, ``?`` the store's clock) gives the rows it already holds their values.
_ADDED_COLUMNS = (
    # The grant a token pair descends from (a login, or the digest of an authorization code),
    # inherited on refresh: a replayed code or refresh token revokes the whole family.
    ("tokens", "family", "TEXT", "UPDATE tokens SET family = access_hash WHERE family IS NULL"),
    # When the refresh token was issued (it expires a fixed time after); rows written before
    # expiry existed count from the upgrade.
    ("tokens", "issued_at", "REAL", "UPDATE tokens SET issued_at = ? WHERE issued_at IS NULL"),
    # The refresh token is used up (rotated) or revoked; ``revoked`` is the access token's
    # state (before, one flag stood for both).
    (
        "tokens",
        "refresh_revoked",
        "INTEGER NOT NULL DEFAULT 0",
        "UPDATE tokens SET refresh_revoked = revoked",
    ),
)
_INDEXES_OF_ADDED_COLUMNS = ("CREATE INDEX IF NOT EXISTS tokens_family ON tokens(family)",)


def _migrate(connection: sqlite3.Connection, now: float) -> None:
    """Add what :data:`_ADDED_COLUMNS` lists and the table lacks; idempotent."""
    for table, column, declaration, backfill in _ADDED_COLUMNS:
        present = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
        if column not in present:
            connection.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")
            connection.execute(backfill, (now,) if "?" in backfill else ())
    for statement in _INDEXES_OF_ADDED_COLUMNS:  # not executescript: it would commit
        connection.execute(statement)


def new_id() -> str:
    """A 24-hex id, like the hosted service's Mongo-style ids."""
    return secrets.token_hex(12)


def new_entity_id() -> str:
    """A 22-character URL-safe base64 entity id."""
    return base64.urlsafe_b64encode(secrets.token_bytes(16)).rstrip(b"=").decode("ascii")


def hash_secret(value: str) -> str:
    """Tokens and codes are stored as digests only, so the database never holds a usable one."""
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()


_PBKDF2_ROUNDS = 20_000


def hash_password(password: str) -> str:
    salt = secrets.token_hex(8)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt.encode(), _PBKDF2_ROUNDS)
    return f"pbkdf2_sha256${_PBKDF2_ROUNDS}${salt}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        _, rounds, salt, expected = stored.split("$")
        digest = hashlib.pbkdf2_hmac(
            "sha256", password.encode("utf-8", "surrogatepass"), salt.encode(), int(rounds)
        )
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), expected)


# Stored documents keep the stdlib codec: it round-trips integers of any size (orjson turns
# ones beyond 64 bits into floats), and renders are memoised, so decoding is rarely repeated.
def loads(doc: str) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(doc)
    return value


def dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


class Store:
    """The app's single SQLite connection plus its lock and a monotonic creation clock."""

    def __init__(self, path: str, clock: Callable[[], float]) -> None:
        self.path = path
        self.clock = clock
        self.connection = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False, timeout=30.0
        )
        self.connection.row_factory = sqlite3.Row
        # The change-feed triggers stamp rows with the app's clock (monotonic, like `created`).
        self.connection.create_function("mock_now", 0, self.created_text)
        self.lock = threading.RLock()
        self._last_created_us = 0
        with self.lock:
            execute = self.connection.execute
            if path != ":memory:":
                execute("PRAGMA journal_mode=WAL")
                # WAL without syncs still keeps every committed transaction across a process
                # crash (kill -9: the OS holds the writes); syncing would only protect a test
                # server's file against power loss, and its fsyncs stalled every request.
                execute("PRAGMA synchronous=OFF")
            execute("PRAGMA foreign_keys=ON")
            self.connection.executescript(_SCHEMA + _CHANGE_STAMP_TRIGGERS)
            with self.transaction():
                _migrate(self.connection, self.clock())
            if execute("SELECT count(*) FROM users").fetchone()[0] == 0:
                with self.transaction():
                    seed(self)

    def now(self) -> float:
        return self.clock()

    def now_text(self) -> str:
        return timestamp_from_epoch(self.clock())

    def created_text(self) -> str:
        """Creation stamps strictly increase, so (created, id) order follows insertion order."""
        now_us = int(self.clock() * 1_000_000)
        self._last_created_us = max(now_us, self._last_created_us + 1)
        return timestamp_from_epoch(self._last_created_us / 1_000_000)

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[sqlite3.Connection]:
        """One transaction under the lock: committed on success, rolled back on any exception.
        ``write`` takes the write lock up front (IMMEDIATE), so two writers never deadlock.
        An exception whose ``keeps_writes`` is true (a refusal that revoked tokens, such as a
        replayed authorization code) is raised after a commit instead."""
        with self.lock:
            self.connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield self.connection
            except BaseException as exc:
                self.connection.execute(
                    "COMMIT" if getattr(exc, "keeps_writes", False) else "ROLLBACK"
                )
                raise
            else:
                self.connection.execute("COMMIT")

    def close(self) -> None:
        with self.lock:
            self.connection.close()


def create_user(
    store: Store,
    email: str,
    first_name: str,
    last_name: str,
    password: str,
    *,
    verified: bool = True,
) -> int:
    db = store.connection
    doc: dict[str, Any] = {
        "firstName": first_name,
        "lastName": last_name,
        "url": [],
        "telephone": [],
        "badgrDomain": None,
        "agreedTermsVersion": 1,
        "marketingOptIn": False,
    }
    cursor = db.execute(
        "INSERT INTO users (id, entity_id, created, password_hash, doc) VALUES (?, ?, ?, ?, ?)",
        (new_id(), new_entity_id(), store.created_text(), hash_password(password), dumps(doc)),
    )
    user_pk = cursor.lastrowid
    assert user_pk is not None
    db.execute(
        "INSERT INTO emails (email, user_pk, verified, is_primary) VALUES (?, ?, ?, 1)",
        (email.lower(), user_pk, 1 if verified else 0),
    )
    return user_pk


def seed(store: Store) -> None:
    """Demo users, the OAuth clients and one organization administered by alice."""
    db = store.connection
    user_pks = [
        create_user(store, email, first, last, DEMO_PASSWORD) for email, first, last in DEMO_USERS
    ]
    scopes = " ".join(ALL_SCOPES)
    db.execute(
        "INSERT INTO clients (client_id, secret_hash, redirect_uris, allowed_scopes) "
        "VALUES (?, NULL, '', ?)",
        (PUBLIC_CLIENT_ID, scopes),
    )
    db.execute(
        "INSERT INTO clients (client_id, secret_hash, redirect_uris, allowed_scopes) "
        "VALUES (?, ?, ?, ?)",
        (DEMO_APP_CLIENT_ID, hash_secret(DEMO_APP_SECRET), DEMO_APP_REDIRECT_URI, scopes),
    )
    org_doc = {
        "name": DEMO_ORGANIZATION_NAME,
        "description": "Seeded organization; alice@example.com is its admin.",
        "url": "https://university.example.com",
        "badgrDomain": None,
    }
    cursor = db.execute(
        "INSERT INTO organizations (id, entity_id, created, doc) VALUES (?, ?, ?, ?)",
        (new_id(), new_entity_id(), store.created_text(), dumps(org_doc)),
    )
    db.execute(
        "INSERT INTO org_admins (org_pk, user_pk) VALUES (?, ?)", (cursor.lastrowid, user_pks[0])
    )
