"""Exact CompanyList totals of recent queries, cached while no company changes."""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict

from ..store.schema import COMPANIES_GENERATION_SQL
from .company_query import CompanyQuery

__all__ = ["CountCache"]


class CountCache:
    """Totals of recent queries on one connection, exact: an entry is used only while the
    companies generation (a counter in `meta` that triggers bump on every change of
    `companies`, from any connection) stands still, and never inside an open transaction,
    whose changes could still roll back. Writes to other tables (the journal, the ledger)
    keep the entries; a database without the counter is never cached. The backend owns one."""

    def __init__(self, size: int = 64) -> None:
        self._size = size
        self._conn: sqlite3.Connection | None = None
        self._entries: OrderedDict[tuple[object, ...], int] = OrderedDict()
        self._lock = threading.Lock()

    def count(self, conn: sqlite3.Connection, query: CompanyQuery) -> int:
        """The exact number of matches of `query`, from the cache while it holds."""
        sql, params = query.count_sql()
        if conn.in_transaction:
            return int(conn.execute(sql, params).fetchone()[0])
        generation = _generation(conn)
        if generation is None:
            return int(conn.execute(sql, params).fetchone()[0])
        key = (generation, sql, *params)
        with self._lock:
            if conn is not self._conn:
                self._conn, self._entries = conn, OrderedDict()
            total = self._entries.get(key)
            if total is not None:
                self._entries.move_to_end(key)
                return total
        total = int(conn.execute(sql, params).fetchone()[0])
        unchanged = not conn.in_transaction and _generation(conn) == generation
        with self._lock:
            # Keep it only when no company changed meanwhile (another thread or connection).
            if conn is self._conn and unchanged:
                self._entries[key] = total
                if len(self._entries) > self._size:
                    self._entries.popitem(last=False)
        return total


def _generation(conn: sqlite3.Connection) -> str | None:
    """The companies generation (see `CountCache`), or None when the database lacks it."""
    row = conn.execute(COMPANIES_GENERATION_SQL).fetchone()
    return None if row is None else str(row[0])
