-- Accounts that an office manages in the admin: two roles, a name and an address to show,
-- accounts that can be disabled, one-time passwords that must be changed, two-factor
-- sign-in with recovery codes, and the sessions of each account, listed and ended one by
-- one. Every account there is today manages the site: it becomes an administrator.
ALTER TABLE users ADD COLUMN role TEXT NOT NULL DEFAULT 'admin' CHECK (role IN ('admin', 'editor'));
ALTER TABLE users ADD COLUMN display_name TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
-- The secret of the account's authenticator app (Base32), '' without two-factor sign-in,
-- and the time step of the last code accepted, which no code may use again.
ALTER TABLE users ADD COLUMN totp_secret TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;

-- Single-use recovery codes, as SHA-256 hashes (each code has 50 random bits).
CREATE TABLE recovery_codes (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    hash    TEXT    NOT NULL,
    PRIMARY KEY (user_id, hash)
);

-- The signed-in sessions of each account, beside scs's own table: a session whose row is
-- gone has ended, on its next request.
CREATE TABLE user_sessions (
    id         TEXT    PRIMARY KEY, -- random, kept in the session's data; not its token
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    started_at TEXT    NOT NULL,
    last_seen  TEXT    NOT NULL,
    user_agent TEXT    NOT NULL DEFAULT '',
    addr       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX user_sessions_user ON user_sessions (user_id);

-- What administrators set for every account.
CREATE TABLE account_policy (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    require_two_factor INTEGER NOT NULL DEFAULT 0
);
INSERT INTO account_policy (id) VALUES (1);
