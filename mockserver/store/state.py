"""Schema of the per-account state: accounts, links, ledger, ownership, selections, ..."""

from __future__ import annotations

import sqlite3

__all__ = ["STATE_DDL", "create_state_schema", "reset_state"]

STATE_DDL = """
CREATE TABLE IF NOT EXISTS accounts (
    id INTEGER PRIMARY KEY,
    user TEXT NOT NULL UNIQUE COLLATE NOCASE,
    portal_password_hash TEXT NOT NULL,
    subscription INTEGER NOT NULL DEFAULT 0,
    balance INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0),
    created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS links (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    application_name TEXT NOT NULL,
    api_password_hash TEXT NOT NULL,
    is_main INTEGER NOT NULL,
    revoked_at INTEGER,
    created_at INTEGER NOT NULL,
    UNIQUE (account_id, application_name)
);
CREATE TABLE IF NOT EXISTS activation_codes (
    code TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    application_name TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);
CREATE TABLE IF NOT EXISTS ledger (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    amount INTEGER NOT NULL,
    subject TEXT,
    subject_id INTEGER
);
CREATE INDEX IF NOT EXISTS ledger_account ON ledger(account_id);
CREATE TABLE IF NOT EXISTS ownership (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    subject TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    last_download_at INTEGER NOT NULL,
    download_seq INTEGER NOT NULL DEFAULT 0,
    owned_from INTEGER NOT NULL,
    owned_until INTEGER NOT NULL,
    PRIMARY KEY (account_id, subject, record_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS record_changes (
    seq INTEGER PRIMARY KEY,
    subject TEXT NOT NULL,
    record_id INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS record_changes_record ON record_changes(subject, record_id, seq);
CREATE TABLE IF NOT EXISTS selection_tokens (
    token TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS selections (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    filters TEXT NOT NULL,
    total INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS selection_members (
    selection_id INTEGER NOT NULL REFERENCES selections(id),
    position INTEGER NOT NULL,
    company_id INTEGER NOT NULL,
    PRIMARY KEY (selection_id, position)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    subject TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    reason_id INTEGER,
    other_reason TEXT,
    memo TEXT,
    changes TEXT NOT NULL,
    status TEXT NOT NULL,
    credits_awarded INTEGER NOT NULL,
    received_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS feedback_account ON feedback(account_id);
CREATE TABLE IF NOT EXISTS contact_offers (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    company_id INTEGER NOT NULL,
    contact_id INTEGER,
    status TEXT NOT NULL,
    credits_awarded INTEGER NOT NULL,
    at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS websites (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    name TEXT NOT NULL,
    start_date INTEGER NOT NULL,
    end_date INTEGER,
    UNIQUE (account_id, name)
);
CREATE TABLE IF NOT EXISTS visits (
    id INTEGER PRIMARY KEY,
    website_id INTEGER NOT NULL REFERENCES websites(id),
    company_id INTEGER NOT NULL,
    start_at INTEGER NOT NULL,
    duration INTEGER NOT NULL,
    page_views INTEGER NOT NULL,
    score INTEGER NOT NULL,
    referrer TEXT,
    visitor_city TEXT,
    click_path TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS visits_website_start ON visits(website_id, start_at);
CREATE TABLE IF NOT EXISTS request_counts (
    scope TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (scope, window_start)
) WITHOUT ROWID;
"""

_STATE_TABLES = (
    "request_counts",
    "visits",
    "websites",
    "contact_offers",
    "feedback",
    "selection_members",
    "selections",
    "selection_tokens",
    "record_changes",
    "ownership",
    "ledger",
    "activation_codes",
    "links",
    "accounts",
)


def create_state_schema(conn: sqlite3.Connection) -> None:
    """Create the state tables when missing."""
    conn.executescript(STATE_DDL)


def reset_state(conn: sqlite3.Connection) -> None:
    """Delete all per-account state (the dataset stays)."""
    for table in _STATE_TABLES:
        conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
