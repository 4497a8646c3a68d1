"""Downloads: 1 credit unless owned; ownership lasts one calendar month from the download."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from . import ledger
from .clock import add_months
from .errors import DomainError
from .records import Subject, get_record

__all__ = ["Download", "download", "owned_records", "owns"]


@dataclass(frozen=True)
class Download:
    """A downloaded record, what it cost and until when the account owns it."""

    row: sqlite3.Row
    charged: int
    owned_until: int


def _ownership(
    conn: sqlite3.Connection, account_id: int, subject: Subject, record_id: int
) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM ownership WHERE account_id = ? AND subject = ? AND record_id = ?",
        (account_id, subject.name, record_id),
    ).fetchone()
    return row


def _latest_change(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COALESCE(MAX(seq), 0) FROM record_changes").fetchone()[0])


def _changed_since(
    conn: sqlite3.Connection, row: sqlite3.Row, own: sqlite3.Row, subject: Subject
) -> bool:
    """Whether the record changed after the account's last download (by time, or by the
    order of changes when both fell in the same second)."""
    if row["last_changed"] > own["last_download_at"]:
        return True
    later = conn.execute(
        "SELECT 1 FROM record_changes WHERE subject = ? AND record_id = ? AND seq > ? LIMIT 1",
        (subject.name, row["id"], own["download_seq"]),
    ).fetchone()
    return later is not None


def owns(
    conn: sqlite3.Connection, now: int, account_id: int, subject: Subject, record_id: int
) -> bool:
    """Whether the account's ownership window holds `now`."""
    own = _ownership(conn, account_id, subject, record_id)
    return own is not None and own["owned_from"] <= now < own["owned_until"]


def download(
    conn: sqlite3.Connection,
    now: int,
    account_id: int,
    subscription: bool,
    subject: Subject,
    record_id: int,
) -> Download:
    """Download one record; must run inside a write transaction.

    Free while owned; free with an update subscription when the record changed after the
    account's last download; otherwise 1 credit (310 when the balance cannot pay)."""
    row = get_record(conn, subject, record_id)
    if row["deleted"]:
        raise DomainError(subject.inactive)
    own = _ownership(conn, account_id, subject, record_id)
    seq = _latest_change(conn)
    if own is not None and own["owned_from"] <= now < own["owned_until"]:
        if (own["last_download_at"], own["download_seq"]) == (now, seq):
            return Download(row, 0, int(own["owned_until"]))  # the update would change nothing
        conn.execute(
            "UPDATE ownership SET last_download_at = ?, download_seq = ? WHERE account_id = ?"
            " AND subject = ? AND record_id = ?",
            (now, seq, account_id, subject.name, record_id),
        )
        return Download(row, 0, int(own["owned_until"]))
    updated_for_subscriber = (
        subscription and own is not None and _changed_since(conn, row, own, subject)
    )
    charged = 0 if updated_for_subscriber else 1
    if charged:
        ledger.post(conn, account_id, now, ledger.Kind.DOWNLOAD, -1, subject.name, record_id)
    owned_until = add_months(now, 1)
    conn.execute(
        "INSERT INTO ownership (account_id, subject, record_id, last_download_at, download_seq,"
        " owned_from, owned_until) VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (account_id, subject, record_id) DO UPDATE SET"
        " last_download_at = excluded.last_download_at, download_seq = excluded.download_seq,"
        " owned_from = excluded.owned_from, owned_until = excluded.owned_until",
        (account_id, subject.name, record_id, now, seq, now, owned_until),
    )
    return Download(row, charged, owned_until)


def owned_records(
    conn: sqlite3.Connection, now: int, account_id: int, subject: Subject
) -> list[dict[str, int]]:
    """The records the account owns at `now`, with their window."""
    rows = conn.execute(
        "SELECT record_id, owned_from, owned_until FROM ownership WHERE account_id = ?"
        " AND subject = ? AND owned_from <= ? AND ? < owned_until ORDER BY record_id",
        (account_id, subject.name, now, now),
    )
    return [dict(row) for row in rows]
