BEGIN TRANSACTION;
CREATE TABLE assertions (
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
CREATE TABLE auth_codes (
    code_hash TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    user_pk INTEGER NOT NULL REFERENCES users(pk),
    redirect_uri TEXT NOT NULL,
    scope TEXT NOT NULL,
    expires_at REAL NOT NULL,
    used INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE badgeclasses (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    entity_id TEXT NOT NULL UNIQUE,
    issuer_pk INTEGER NOT NULL REFERENCES issuers(pk) ON DELETE CASCADE,
    created TEXT NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0,
    doc TEXT NOT NULL
);
CREATE TABLE claim_codes (
    pk INTEGER PRIMARY KEY,
    badgeclass_pk INTEGER NOT NULL REFERENCES badgeclasses(pk) ON DELETE CASCADE,
    code TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0,
    doc TEXT NOT NULL
);
CREATE TABLE clients (
    client_id TEXT PRIMARY KEY,
    secret_hash TEXT,
    redirect_uris TEXT NOT NULL,
    allowed_scopes TEXT NOT NULL
);
INSERT INTO "clients" VALUES('public',NULL,'','rw:profile rw:issuer rw:backpack r:profile r:issuer r:backpack r:org rw:org');
INSERT INTO "clients" VALUES('demo-app','cd577fe2561ebff23505db0bb006300c7cdecbd46bc0e03c449afafaca2c25bf','http://127.0.0.1/callback','rw:profile rw:issuer rw:backpack r:profile r:issuer r:backpack r:org rw:org');
CREATE TABLE collections (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    entity_id TEXT NOT NULL UNIQUE,
    user_pk INTEGER NOT NULL REFERENCES users(pk),
    created TEXT NOT NULL,
    doc TEXT NOT NULL
);
CREATE TABLE emails (
    email TEXT PRIMARY KEY,
    user_pk INTEGER NOT NULL REFERENCES users(pk),
    verified INTEGER NOT NULL,
    is_primary INTEGER NOT NULL
);
INSERT INTO "emails" VALUES('alice@example.com',1,1,1);
INSERT INTO "emails" VALUES('bob@example.com',2,1,1);
CREATE TABLE images (
    entity_id TEXT PRIMARY KEY,
    media_type TEXT NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE invitations (
    issuer_pk INTEGER NOT NULL REFERENCES issuers(pk) ON DELETE CASCADE,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    status TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (issuer_pk, email)
);
CREATE TABLE issuers (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    entity_id TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL,
    organization_id TEXT,
    name TEXT NOT NULL,
    doc TEXT NOT NULL
);
CREATE TABLE org_admins (
    org_pk INTEGER NOT NULL REFERENCES organizations(pk),
    user_pk INTEGER NOT NULL REFERENCES users(pk),
    PRIMARY KEY (org_pk, user_pk)
);
INSERT INTO "org_admins" VALUES(1,1);
CREATE TABLE organizations (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    entity_id TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL,
    doc TEXT NOT NULL
);
INSERT INTO "organizations" VALUES(1,'b0a6093f68e846042f755a5b','9tno7Hyux0w8oaKjsWrQpQ','2026-12-06T23:09:05.704690Z','{"name":"Demo University","description":"Seeded organization; alice@example.com is its admin.","url":"https://university.example.com","badgrDomain":null}');
CREATE TABLE pathways (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    issuer_pk INTEGER NOT NULL REFERENCES issuers(pk) ON DELETE CASCADE,
    created TEXT NOT NULL,
    draft TEXT NOT NULL,
    published TEXT
);
CREATE TABLE staff (
    issuer_pk INTEGER NOT NULL REFERENCES issuers(pk) ON DELETE CASCADE,
    user_pk INTEGER NOT NULL REFERENCES users(pk),
    role TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (issuer_pk, user_pk)
);
CREATE TABLE tokens (
    access_hash TEXT PRIMARY KEY,
    refresh_hash TEXT UNIQUE,
    user_pk INTEGER NOT NULL REFERENCES users(pk),
    client_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    expires_at REAL NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "tokens" VALUES('4e7b8210d99fa9864ccfbbb3eab94b5a2f44253ecc9ce76f192b5ad7de9285cc','c39765bb50d72a7e0211095ab53d464e5c94c0bf9efc5dd34fc8a43d45df57c2',1,'public','rw:profile rw:issuer rw:backpack r:profile r:issuer r:backpack r:org rw:org',1.79668494571440410609e+09,0);
CREATE TABLE updates (
    kind TEXT NOT NULL,
    pk INTEGER NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (kind, pk)
);
CREATE TABLE users (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    entity_id TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    doc TEXT NOT NULL
);
INSERT INTO "users" VALUES(1,'556cc0f41ddbaf51d8bb49d8','ihvHxS5q3pS9gWf-1tzLzg','2026-12-06T23:09:05.695384Z','pbkdf2_sha256$20000$3a28d4db623af473$3371112ec97478c1442625aca6d997b5b39f99b52451d2800dc41b3a7cf09386','{"firstName":"Alice","lastName":"Issuer","url":[],"telephone":[],"badgrDomain":null,"agreedTermsVersion":1,"marketingOptIn":false}');
INSERT INTO "users" VALUES(2,'5bd946bbd1ccc0273eef4f64','wCpECPsge1tfSwXcsiam4w','2026-12-06T23:09:05.700139Z','pbkdf2_sha256$20000$9b30009e2cf49894$b5511f5bd38413af6d2353ac4b0130c566be3ea9b2ab83931614c77a1e8114c4','{"firstName":"Bob","lastName":"Earner","url":[],"telephone":[],"badgrDomain":null,"agreedTermsVersion":1,"marketingOptIn":false}');
CREATE INDEX issuers_order ON issuers(created, id);
CREATE INDEX staff_user ON staff(user_pk);
CREATE INDEX badgeclasses_order ON badgeclasses(issuer_pk, created, id);
CREATE INDEX assertions_issuer ON assertions(issuer_pk, created, id);
CREATE INDEX assertions_badgeclass ON assertions(badgeclass_pk, created, id);
CREATE INDEX assertions_recipient ON assertions(recipient_key);
CREATE INDEX assertions_holder ON assertions(badgeclass_pk, recipient_key, created);
CREATE INDEX updates_order ON updates(kind, updated, pk);
CREATE TRIGGER issuers_insert_stamp AFTER INSERT ON issuers
BEGIN
    INSERT OR REPLACE INTO updates (kind, pk, updated) VALUES ('issuers', NEW.pk, mock_now());
END;
CREATE TRIGGER issuers_update_stamp AFTER UPDATE ON issuers
BEGIN
    INSERT OR REPLACE INTO updates (kind, pk, updated) VALUES ('issuers', NEW.pk, mock_now());
END;
CREATE TRIGGER issuers_delete_stamp AFTER DELETE ON issuers
BEGIN
    DELETE FROM updates WHERE kind = 'issuers' AND pk = OLD.pk;
END;
CREATE TRIGGER badgeclasses_insert_stamp AFTER INSERT ON badgeclasses
BEGIN
    INSERT OR REPLACE INTO updates (kind, pk, updated) VALUES ('badgeclasses', NEW.pk, mock_now());
END;
CREATE TRIGGER badgeclasses_update_stamp AFTER UPDATE ON badgeclasses
BEGIN
    INSERT OR REPLACE INTO updates (kind, pk, updated) VALUES ('badgeclasses', NEW.pk, mock_now());
END;
CREATE TRIGGER badgeclasses_delete_stamp AFTER DELETE ON badgeclasses
BEGIN
    DELETE FROM updates WHERE kind = 'badgeclasses' AND pk = OLD.pk;
END;
CREATE TRIGGER assertions_insert_stamp AFTER INSERT ON assertions
BEGIN
    INSERT OR REPLACE INTO updates (kind, pk, updated) VALUES ('assertions', NEW.pk, mock_now());
END;
CREATE TRIGGER assertions_update_stamp AFTER UPDATE ON assertions
BEGIN
    INSERT OR REPLACE INTO updates (kind, pk, updated) VALUES ('assertions', NEW.pk, mock_now());
END;
CREATE TRIGGER assertions_delete_stamp AFTER DELETE ON assertions
BEGIN
    DELETE FROM updates WHERE kind = 'assertions' AND pk = OLD.pk;
END;
COMMIT;
