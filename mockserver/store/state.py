"""Schema of the per-account state: accounts, links, ledger, ownership, selections, ..."""

from __future__ import annotations

import sqlite3

__all__ = [
    "SHARED_DDL",
    "STATE_DDL",
    "SharedSettings",
    "SharedRow",
    "create_state_schema",
    "reset_state",
    "shared_secret",
]

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
CREATE TABLE IF NOT EXISTS faults (
    id INTEGER PRIMARY KEY,
    operation TEXT,
    status INTEGER,
    latency_ms INTEGER NOT NULL DEFAULT 0,
    probability REAL NOT NULL DEFAULT 1.0,
    drop_at TEXT CHECK (drop_at IN ('before', 'after')),
    bytes_per_second INTEGER,
    times INTEGER,
    remaining INTEGER
);
"""

#: What every worker process on one database file must agree on: the clock and the limits
#: (one row, read once per request) and the request journal (kept only with several workers).
SHARED_DDL = """
CREATE TABLE IF NOT EXISTS shared_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    clock_anchor REAL,
    clock_anchor_real REAL,
    clock_frozen INTEGER NOT NULL DEFAULT 0,
    per_hour INTEGER,
    per_day INTEGER,
    bad_requests_per_ip INTEGER,
    ip_window INTEGER NOT NULL DEFAULT 3600
);
CREATE TABLE IF NOT EXISTS shared_secrets (
    name TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS journal (
    id INTEGER PRIMARY KEY,
    worker INTEGER,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    query TEXT NOT NULL,
    status INTEGER NOT NULL,
    operation TEXT,
    duration_ms REAL NOT NULL,
    at TEXT NOT NULL,
    dropped INTEGER NOT NULL DEFAULT 0,
    ignored TEXT
);
"""

#: clock anchor, its real time, frozen; per hour, per day, bad requests per IP, IP window.
SharedRow = tuple[float | None, float | None, bool, int | None, int | None, int | None, int]

_LOAD = (
    "SELECT clock_anchor, clock_anchor_real, clock_frozen, per_hour, per_day,"
    " bad_requests_per_ip, ip_window FROM shared_settings WHERE id = 1"
)
_SAVE_CLOCK = (
    "INSERT INTO shared_settings (id, clock_anchor, clock_anchor_real, clock_frozen)"
    " VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET clock_anchor = excluded.clock_anchor,"
    " clock_anchor_real = excluded.clock_anchor_real, clock_frozen = excluded.clock_frozen"
)
_SAVE_LIMITS = (
    "INSERT INTO shared_settings (id, per_hour, per_day, bad_requests_per_ip, ip_window)"
    " VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET per_hour = excluded.per_hour,"
    " per_day = excluded.per_day, bad_requests_per_ip = excluded.bad_requests_per_ip,"
    " ip_window = excluded.ip_window"
)


class SharedSettings:
    """The clock and limits row of one database, shared by the worker processes on it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def load(self) -> SharedRow | None:
        """The saved clock and limits (one indexed read), or None before the first save."""
        row = self._conn.execute(_LOAD).fetchone()
        if row is None:
            return None
        anchor, anchor_real, frozen, per_hour, per_day, bad, window = row
        return anchor, anchor_real, bool(frozen), per_hour, per_day, bad, window

    def save_clock(self, anchor: float, anchor_real: float, frozen: bool) -> None:
        """Save the clock's anchor, the real time it was taken at, and the frozen flag."""
        self._conn.execute(_SAVE_CLOCK, (anchor, anchor_real, int(frozen)))

    def save_limits(
        self,
        per_hour: int | None,
        per_day: int | None,
        bad_requests_per_ip: int | None,
        ip_window: int,
    ) -> None:
        """Save the configured request limits (None: unlimited)."""
        self._conn.execute(_SAVE_LIMITS, (per_hour, per_day, bad_requests_per_ip, ip_window))


def shared_secret(conn: sqlite3.Connection, name: str) -> bytes:
    """A random 32-byte secret, the same for every process on this database."""
    conn.execute(
        "INSERT OR IGNORE INTO shared_secrets (name, value) VALUES (?, randomblob(32))", (name,)
    )
    return bytes(
        conn.execute("SELECT value FROM shared_secrets WHERE name = ?", (name,)).fetchone()[0]
    )


_STATE_TABLES = (
    "faults",
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
    """Create the state tables (and the workers' shared settings and journal) when missing."""
    conn.executescript(STATE_DDL + SHARED_DDL)
    columns = {row[1] for row in conn.execute("PRAGMA table_info(journal)")}
    if "ignored" not in columns:  # a file from before lenient binding
        conn.execute("ALTER TABLE journal ADD COLUMN ignored TEXT")


def reset_state(conn: sqlite3.Connection) -> None:
    """Delete all per-account state (the dataset stays)."""
    for table in _STATE_TABLES:
        conn.execute(f"DELETE FROM {table}")  # fixed table names
