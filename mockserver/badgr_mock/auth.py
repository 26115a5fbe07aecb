"""OAuth2: the token endpoint (password, refresh, authorization code), bearer checks, back-off."""

from __future__ import annotations

import ipaddress
import math
import secrets
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import urlencode

from .context import Context, Reply, load_user
from .envelope import OAuthError, not_found, unauthorized
from .spec import Operation
from .store import (
    ALL_SCOPES,
    PUBLIC_CLIENT_ID,
    Store,
    check_password,
    hash_password,
    hash_secret,
)

AUTHORIZE_PATH = "/auth/oauth2/authorize"
MAX_BACKOFF_SECONDS = 3600
AUTH_CODE_TTL_SECONDS = 600
GRANT_PARAMETERS = frozenset(
    {"grant_type", "username", "password", "refresh_token", "code", "client_secret"}
)


@dataclass
class _Failures:
    count: int
    blocked_until: float


class LoginThrottle:
    """After n failed logins, the next attempt within 2**n seconds (max 1 h) gets 429.

    Failures are counted per username *and* client address, so wrong passwords sent by a
    stranger delay only the stranger, never the user logging in correctly from elsewhere.
    ``per_username=True`` counts per username alone, as badgr-server does: then anyone's failed
    attempt also delays the real user (for fidelity tests). Without a username the address alone
    is the key."""

    #: Above this many remembered keys, expired ones are forgotten (then the oldest).
    MAX_KEYS = 10_000

    def __init__(
        self, clock: Callable[[], float], enabled: bool, *, per_username: bool = False
    ) -> None:
        self.clock = clock
        self.enabled = enabled
        self.per_username = per_username
        self._failures: dict[str, _Failures] = {}

    def __len__(self) -> int:
        """How many usernames and addresses have failures remembered."""
        return len(self._failures)

    def key(self, username: str | None, address: str) -> str:
        if not username:
            return f"addr:{address}"
        user = username.lower()
        return f"user:{user}" if self.per_username else f"user:{user} addr:{address}"

    def check(self, key: str) -> None:
        if not self.enabled:
            return
        state = self._failures.get(key)
        if state is None:
            return
        remaining = state.blocked_until - self.clock()
        if remaining > 0:
            wait = max(1, math.ceil(remaining))
            raise OAuthError(
                429,
                "login attempts throttled",
                "Too many login attempts. Please wait and try again.",
                expires=wait,
                headers={"Retry-After": str(wait)},
            )

    def failed(self, key: str) -> None:
        if not self.enabled:
            return
        if key not in self._failures and len(self._failures) >= self.MAX_KEYS:
            self._forget_some()
        state = self._failures.setdefault(key, _Failures(0, 0.0))
        state.count += 1
        state.blocked_until = self.clock() + min(2**state.count, MAX_BACKOFF_SECONDS)

    def succeeded(self, key: str) -> None:
        self._failures.pop(key, None)

    def _forget_some(self) -> None:
        now = self.clock()
        for key in [key for key, state in self._failures.items() if state.blocked_until <= now]:
            del self._failures[key]
        while len(self._failures) >= self.MAX_KEYS:
            del self._failures[next(iter(self._failures))]


def client_row(
    db: sqlite3.Connection, client_id: str, secret: str | None, *, secret_required: bool = False
) -> sqlite3.Row:
    """The OAuth client, its secret checked (the token and revocation endpoints)."""
    row: sqlite3.Row | None = db.execute(
        "SELECT * FROM clients WHERE client_id = ?", (client_id,)
    ).fetchone()
    if row is None:
        raise OAuthError(400, "invalid client_id")
    stored = row["secret_hash"]
    if stored is not None and (secret is None or hash_secret(secret) != stored):
        raise OAuthError(400, "invalid client_secret")
    if secret_required and stored is None:
        raise OAuthError(400, "unauthorized_client", "this client may not use this grant")
    return row


def _scopes(requested: str | None, allowed: str, default: str) -> str:
    if requested is None or not requested.strip():
        return default
    wanted = requested.split()
    permitted = set(allowed.split())
    if any(scope not in permitted for scope in wanted):
        raise OAuthError(400, "invalid scope requested")
    return " ".join(dict.fromkeys(wanted))


def issue_tokens(
    ctx: Context, user_pk: int, client_id: str, scope: str, *, family: str | None = None
) -> dict[str, Any]:
    """A new pair. ``family``: the grant it descends from (a refresh passes its own on, a code
    exchange the code's digest); ``None`` starts a family (a login)."""
    access = secrets.token_urlsafe(30)
    refresh = secrets.token_urlsafe(30)
    ttl = ctx.settings.token_ttl
    access_hash = hash_secret(access)
    now = ctx.store.now()
    ctx.db.execute(
        "INSERT INTO tokens (access_hash, refresh_hash, user_pk, client_id, scope, expires_at,"
        " family, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            access_hash,
            hash_secret(refresh),
            user_pk,
            client_id,
            scope,
            now + ttl,
            family or access_hash,
            now,
        ),
    )
    return {
        "access_token": access,
        "token_type": "Bearer",
        "expires_in": ttl,
        "refresh_token": refresh,
        "scope": scope,
    }


def token_endpoint(ctx: Context, throttle: LoginThrottle) -> Reply:
    if any(name in GRANT_PARAMETERS for name, _ in ctx.query_items):
        raise OAuthError(
            400, "Token grant parameters must be sent in post body, not query parameters"
        )
    form: dict[str, Any] = ctx.body if isinstance(ctx.body, dict) else {}
    grant = form.get("grant_type") or "password"
    client_id = form.get("client_id") or PUBLIC_CLIENT_ID
    secret = form.get("client_secret")
    if grant == "password":
        return Reply(raw=_password_grant(ctx, throttle, form, client_id, secret))
    if grant == "refresh_token":
        return Reply(raw=_refresh_grant(ctx, form, client_id, secret))
    return Reply(raw=_code_grant(ctx, form, client_id, secret))


def _password_grant(
    ctx: Context, throttle: LoginThrottle, form: dict[str, Any], client_id: str, secret: str | None
) -> dict[str, Any]:
    username = form.get("username")
    password = form.get("password")
    throttle_key = throttle.key(username, ctx.client_host)
    throttle.check(throttle_key)
    client = client_row(ctx.db, client_id, secret)
    if not username or password is None:
        raise OAuthError(400, "invalid_request", "Request is missing username or password.")
    user_pk = verify_login(ctx.db, throttle, throttle_key, username, password)
    default = ctx.settings.profile.default_scope or " ".join(ALL_SCOPES)
    scope = _scopes(form.get("scope"), client["allowed_scopes"], default)
    return issue_tokens(ctx, user_pk, client_id, scope)


# Checked when the username is unknown, so a failed login costs the same either way and its
# timing does not tell which addresses have accounts.
_UNKNOWN_USER_HASH = hash_password(secrets.token_urlsafe(16))


def verify_login(
    db: sqlite3.Connection, throttle: LoginThrottle, throttle_key: str, username: str, password: str
) -> int:
    """The user's pk for a correct password; a throttled failure otherwise."""
    row = db.execute(
        "SELECT users.pk, users.password_hash FROM emails JOIN users ON users.pk = emails.user_pk "
        "WHERE emails.email = ? AND emails.verified = 1",
        (username.lower(),),
    ).fetchone()
    stored = row["password_hash"] if row is not None else _UNKNOWN_USER_HASH
    if not check_password(password, stored) or row is None:
        throttle.failed(throttle_key)
        raise OAuthError(400, "invalid_grant", "Invalid credentials given.")
    throttle.succeeded(throttle_key)
    user_pk: int = row["pk"]
    return user_pk


def revoke_family(db: sqlite3.Connection, family: str) -> None:
    """Revoke every token descended from one grant (a login or an authorization code)."""
    db.execute("UPDATE tokens SET revoked = 1, refresh_revoked = 1 WHERE family = ?", (family,))


def _replayed(db: sqlite3.Connection, family: str, description: str) -> OAuthError:
    """A grant presented again: its family revoked, and the refusal to raise, an
    ``invalid_grant`` whose request still commits (so the revocation stays)."""
    revoke_family(db, family)
    return OAuthError(400, "invalid_grant", description, keeps_writes=True)


def _refresh_grant(
    ctx: Context, form: dict[str, Any], client_id: str, secret: str | None
) -> dict[str, Any]:
    client_row(ctx.db, client_id, secret)
    refresh = form.get("refresh_token")
    if not refresh:
        raise OAuthError(400, "invalid_request", "Request is missing refresh_token.")
    row = ctx.db.execute(
        "SELECT * FROM tokens WHERE refresh_hash = ?", (hash_secret(refresh),)
    ).fetchone()
    if row is None or row["client_id"] != client_id:
        raise OAuthError(400, "invalid_grant", "Invalid refresh token.")
    if row["refresh_revoked"]:
        # Used already (rotated) or revoked: whoever holds it may have stolen it, so nothing
        # of its family stays valid (OAuth 2.0 Security BCP, refresh token rotation).
        raise _replayed(ctx.db, row["family"], "Invalid refresh token.")
    if row["issued_at"] + ctx.settings.refresh_token_ttl <= ctx.store.now():
        raise OAuthError(400, "invalid_grant", "Refresh token expired.")
    scope = _scopes(form.get("scope"), row["scope"], row["scope"])
    # Rotation: the old pair stops working as soon as the new one is issued.
    ctx.db.execute(
        "UPDATE tokens SET revoked = 1, refresh_revoked = 1 WHERE access_hash = ?",
        (row["access_hash"],),
    )
    return issue_tokens(ctx, row["user_pk"], client_id, scope, family=row["family"])


def _code_grant(
    ctx: Context, form: dict[str, Any], client_id: str, secret: str | None
) -> dict[str, Any]:
    client_row(ctx.db, client_id, secret, secret_required=True)
    code = form.get("code")
    if not code:
        raise OAuthError(400, "invalid_request", "Request is missing code.")
    row = ctx.db.execute(
        "SELECT * FROM auth_codes WHERE code_hash = ?", (hash_secret(code),)
    ).fetchone()
    if row is None or row["client_id"] != client_id:
        raise OAuthError(400, "invalid_grant", "Invalid or used authorization code.")
    if row["used"]:
        # A code used twice: refused, and what it produced is revoked (RFC 6749 §4.1.2).
        raise _replayed(ctx.db, row["code_hash"], "Invalid or used authorization code.")
    # Sent at authorize, so required here and identical (RFC 6749 §4.1.3).
    sent = row["redirect_uri"]
    if row["expires_at"] < ctx.store.now() or (sent and form.get("redirect_uri") != sent):
        raise OAuthError(400, "invalid_grant", "Invalid or used authorization code.")
    ctx.db.execute("UPDATE auth_codes SET used = 1 WHERE code_hash = ?", (row["code_hash"],))
    return issue_tokens(ctx, row["user_pk"], client_id, row["scope"], family=row["code_hash"])


@dataclass(frozen=True)
class AuthorizeAnswer:
    """Either the redirect carrying a code (``location``) or the login page to show."""

    location: str | None = None
    login_page: str | None = None


def authorize(
    store: Store,
    throttle: LoginThrottle,
    query: Mapping[str, str],
    form: Mapping[str, str] | None,
    *,
    client_host: str,
    password_less: bool,
) -> AuthorizeAnswer:
    """The authorize page: GET shows a login form, POST with the right password issues a code.

    ``password_less`` is the test-only login route: a GET naming ``username`` gets a code
    without a password. Passwords are read from the form body only, never from the URL."""
    params = {**query, **(form or {})}
    db = store.connection
    client_id = params.get("client_id", "")
    client = db.execute("SELECT * FROM clients WHERE client_id = ?", (client_id,)).fetchone()
    if client is None:
        raise OAuthError(400, "invalid client_id")
    redirect_uri = params.get("redirect_uri", "")
    if redirect_uri not in client["redirect_uris"].split():
        raise OAuthError(400, "invalid_request", "redirect_uri is not registered for this client")
    scope = _scopes(params.get("scope"), client["allowed_scopes"], client["allowed_scopes"])
    username = params.get("username", "")
    if form is not None:
        throttle_key = throttle.key(username, client_host)
        throttle.check(throttle_key)
        password = form.get("password")
        if not username or not password:
            raise OAuthError(400, "invalid_request", "Request is missing username or password.")
        user_pk = verify_login(db, throttle, throttle_key, username, password)
    elif password_less and username:
        user = db.execute(
            "SELECT user_pk FROM emails WHERE email = ? AND verified = 1", (username.lower(),)
        ).fetchone()
        if user is None:
            raise OAuthError(400, "access_denied", "unknown username")
        user_pk = user["user_pk"]
    else:
        return AuthorizeAnswer(login_page=_login_page(params))
    code = secrets.token_urlsafe(24)
    db.execute(
        "INSERT INTO auth_codes (code_hash, client_id, user_pk, redirect_uri, scope, expires_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            hash_secret(code),
            client_id,
            user_pk,
            redirect_uri,
            scope,
            store.now() + AUTH_CODE_TTL_SECONDS,
        ),
    )
    redirect_params = {"code": code}
    if "state" in params:
        redirect_params["state"] = params["state"]
    separator = "&" if "?" in redirect_uri else "?"
    return AuthorizeAnswer(location=f"{redirect_uri}{separator}{urlencode(redirect_params)}")


def is_loopback(host: str) -> bool:
    """True for loopback IPs and ``localhost``."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def arrived_on_loopback(server: tuple[str, int | None] | None) -> bool:
    """Whether a request came in on a loopback address (the ASGI ``server`` of its scope).

    In-process transports have no socket and name a host instead of an IP: they count as local.
    """
    if server is None:
        return True
    host = server[0]
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return True
    return is_loopback(host)


_FORWARDED = ("client_id", "redirect_uri", "scope", "state", "response_type")


def _login_page(params: Mapping[str, str]) -> str:
    hidden = "".join(
        f'<input type="hidden" name="{name}" value="{escape(params[name])}">'
        for name in _FORWARDED
        if name in params
    )
    username = escape(params.get("username", ""))
    return (
        '<!doctype html><html><head><meta charset="utf-8"><title>Sign in</title></head><body>'
        f"<h1>Sign in to authorize {escape(params.get('client_id', ''))}</h1>"
        f'<form method="post" action="{AUTHORIZE_PATH}">{hidden}'
        f'<label>E-mail <input name="username" type="email" value="{username}"></label> '
        '<label>Password <input name="password" type="password"></label> '
        '<button type="submit">Sign in</button></form></body></html>'
    )


def authenticate(ctx: Context, authorization: str | None) -> None:
    """Attach the token's user and scopes; enforce the operation's security alternatives."""
    operation: Operation = ctx.operation
    public = not operation.security
    token = None
    if authorization:
        scheme, _, credentials = authorization.partition(" ")
        if scheme.lower() == "bearer" and credentials.strip():
            token = credentials.strip()
    if token is None:
        if public:
            return
        raise unauthorized()
    row = ctx.db.execute(
        "SELECT user_pk, scope, expires_at, revoked FROM tokens WHERE access_hash = ?",
        (hash_secret(token),),
    ).fetchone()
    if row is None or row["revoked"] or row["expires_at"] <= ctx.store.now():
        if public:
            return
        raise unauthorized()
    user = load_user(ctx.db, row["user_pk"])
    if user is None:
        raise unauthorized()
    ctx.user = user
    ctx.scopes = frozenset(row["scope"].split())
    if public:
        return
    for alternative in operation.security:
        if all(set(scopes) <= ctx.scopes for scopes in alternative.values()):
            return
    # A missing scope looks exactly like a missing entity, as on the real server.
    raise not_found()
