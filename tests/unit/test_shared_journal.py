"""The workers' shared journal keeps what lenient binding ignored, and upgrades older files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mockserver.http.journal import SharedJournal
from mockserver.store.state import create_state_schema

__all__: list[str] = []

ENTRY = {
    "method": "GET", "path": "/api/companylist", "query": "PageNr=1&typo=x", "status": 200,
    "operation": "listCompanies", "durationMs": 1.0, "at": "2026-11-30 10:00:00",
}  # fmt: skip


def test_ignored_names_survive_the_round_trip(tmp_path: Path) -> None:
    """Given a shared journal, when entries with and without `ignored` are recorded, then each
    comes back as it was recorded, newest first."""
    conn = sqlite3.connect(tmp_path / "mock.db", isolation_level=None)
    create_state_schema(conn)
    journal = SharedJournal(conn, worker=7)
    journal.record({**ENTRY, "ignored": ["typo", "city=", "body.Extra"]})
    journal.record(ENTRY)

    newest, oldest = journal.recent()

    assert "ignored" not in newest
    assert oldest["ignored"] == ["typo", "city=", "body.Extra"]
    assert oldest["worker"] == 7


def test_a_journal_table_without_the_column_is_upgraded(tmp_path: Path) -> None:
    """Given a database file whose journal predates lenient binding, when the state schema is
    ensured, then the `ignored` column is added and recording works."""
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    conn.execute(
        "CREATE TABLE journal (id INTEGER PRIMARY KEY, worker INTEGER, method TEXT NOT NULL,"
        " path TEXT NOT NULL, query TEXT NOT NULL, status INTEGER NOT NULL, operation TEXT,"
        " duration_ms REAL NOT NULL, at TEXT NOT NULL, dropped INTEGER NOT NULL DEFAULT 0)"
    )

    create_state_schema(conn)
    SharedJournal(conn, worker=1).record({**ENTRY, "ignored": ["typo"]})

    assert SharedJournal(conn, worker=1).recent()[0]["ignored"] == ["typo"]
