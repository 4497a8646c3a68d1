"""Bulk-build the synthetic dataset into SQLite: schema, inserts, indexes, trigram search, meta."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from typing import Any

from mockserver.data.generate import COMPANY_COLUMNS, CONTACT_COLUMNS, generate_blocks
from mockserver.data.parallel import generate_blocks_parallel

from .schema import (
    CITIES_DDL,
    CITIES_FILL_SQL,
    COMPANIES_GENERATION_DDL,
    DATASET_INDEXES_DDL,
    DATASET_SCHEMA_VERSION,
    DATASET_SEARCH_DDL,
    DATASET_TABLES_DDL,
    SEARCH_TRIGGERS_DDL,
)

__all__ = [
    "REFERENCE_MOMENT",
    "DEFAULT_COMPANIES",
    "PARALLEL_FROM",
    "build_dataset",
    "read_meta",
    "upgrade_dataset",
]

#: Dataset size used when nobody asks for another.
DEFAULT_COMPANIES = 10_000
#: 2026-01-01 00:00:00 Europe/Amsterdam: the moment a dataset's timestamps count back from when
#: no other is given, so that one seed always gives the same dataset.
REFERENCE_MOMENT = 1_767_222_000
#: From this many companies on, rows are generated in a worker process while SQLite inserts.
PARALLEL_FROM = 100_000

Progress = Callable[[int, int], None]

_INSERT_COMPANY = f"INSERT INTO companies VALUES ({', '.join('?' * len(COMPANY_COLUMNS))})"
_INSERT_CONTACT = f"INSERT INTO contacts VALUES ({', '.join('?' * len(CONTACT_COLUMNS))})"


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    """Return the dataset's meta table as a dict (seed, counts, schema version, now)."""
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())


#: From each older schema version to the next, as one script (see DATASET_SCHEMA_VERSION).
_UPGRADES = {
    1: " DROP TABLE IF EXISTS companies_fts; DROP TABLE IF EXISTS company_cities;"
    f"{DATASET_INDEXES_DDL}{CITIES_DDL}{CITIES_FILL_SQL};{DATASET_SEARCH_DDL}"
    " INSERT INTO companies_fts(companies_fts) VALUES ('rebuild');",
    2: COMPANIES_GENERATION_DDL,
    # Until version 4 the backend kept the index by hand, so it is in step: no rebuild.
    3: SEARCH_TRIGGERS_DDL,
}


def upgrade_dataset(conn: sqlite3.Connection) -> bool:
    """Bring a dataset built by an older schema version up to date in place; True if it did."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None or int(row[0]) >= DATASET_SCHEMA_VERSION:
        return False
    steps = "".join(_UPGRADES[version] for version in range(int(row[0]), DATASET_SCHEMA_VERSION))
    if conn.in_transaction:
        conn.commit()
    try:
        conn.executescript(
            f"BEGIN IMMEDIATE;{steps}"
            f" UPDATE meta SET value = '{DATASET_SCHEMA_VERSION}' WHERE key = 'schema_version';"
            " COMMIT;"
        )
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("ANALYZE")
    return True


def _is_memory(conn: sqlite3.Connection) -> bool:
    """True when the main database of `conn` is not backed by a file."""
    return not any(row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main")


def _check_empty(conn: sqlite3.Connection) -> None:
    """Refuse to build into a database that already holds a dataset."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "companies" in tables and conn.execute("SELECT 1 FROM companies LIMIT 1").fetchone():
        raise ValueError("the database already contains a dataset; build into a new file")


def _workers(workers: int | None, companies: int) -> int:
    """Resolve the number of generator processes (0 = generate in this process)."""
    if workers is not None:
        return max(0, workers)
    return 1 if companies >= PARALLEL_FROM and (os.cpu_count() or 1) >= 2 else 0


def _load(
    conn: sqlite3.Connection,
    seed: int,
    companies: int,
    now: int,
    progress: Progress | None,
    workers: int,
) -> int:
    """Insert all rows in one transaction and return the number of contacts."""
    contacts = 0
    done = 0
    blocks = (
        generate_blocks_parallel(seed, companies, now, workers)
        if workers and companies
        else generate_blocks(seed, companies, now)
    )
    conn.execute("BEGIN")
    for company_rows, contact_rows in blocks:
        conn.executemany(_INSERT_COMPANY, company_rows)
        conn.executemany(_INSERT_CONTACT, contact_rows)
        contacts += len(contact_rows)
        done += len(company_rows)
        if progress is not None:
            progress(done, companies)
    conn.execute("COMMIT")
    return contacts


def _build(
    conn: sqlite3.Connection,
    seed: int,
    companies: int,
    now: int,
    progress: Progress | None,
    workers: int,
) -> dict[str, Any]:
    """Run the build phases on an autocommit connection and time each of them."""
    timings: dict[str, float] = {}
    started = time.perf_counter()

    def lap(phase: str) -> None:
        timings[phase] = round(time.perf_counter() - started - sum(timings.values()), 3)

    _check_empty(conn)
    conn.executescript(DATASET_TABLES_DDL)
    contacts = _load(conn, seed, companies, now, progress, workers)
    lap("insert")
    conn.executescript(DATASET_INDEXES_DDL)
    conn.executescript(CITIES_DDL)
    conn.execute(CITIES_FILL_SQL)
    conn.executescript(COMPANIES_GENERATION_DDL)
    lap("indexes")
    conn.executescript(DATASET_SEARCH_DDL)
    conn.execute("INSERT INTO companies_fts(companies_fts) VALUES ('rebuild')")
    conn.executescript(SEARCH_TRIGGERS_DDL)
    lap("search")
    meta = {
        "schema_version": DATASET_SCHEMA_VERSION,
        "seed": seed,
        "companies": companies,
        "contacts": contacts,
        "now": now,
    }
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
        [(k, str(v)) for k, v in meta.items()],
    )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    lap("analyze")
    return {**meta, "seconds": round(time.perf_counter() - started, 3), "timings": timings}


def build_dataset(
    conn_or_path: sqlite3.Connection | str | os.PathLike[str],
    seed: int,
    companies: int = DEFAULT_COMPANIES,
    now: int | None = None,
    progress: Progress | None = None,
    *,
    workers: int | None = None,
) -> dict[str, Any]:
    """Build the dataset (seed, companies, now) into a connection or a new file; return stats.

    `now` (UTC epoch seconds) anchors all timestamps; it defaults to `REFERENCE_MOMENT`, never
    the wall clock, so that a seed and a size always give the same file. `progress(done, total)`
    is called after each block.
    `workers` generator processes (default: 1 from PARALLEL_FROM companies on, else 0) overlap row
    generation with the inserts; the rows are identical either way.
    """
    workers = _workers(workers, companies)
    if companies < 0:
        raise ValueError("companies must not be negative")
    if now is None:
        now = REFERENCE_MOMENT
    if isinstance(conn_or_path, sqlite3.Connection):
        return _build_on(conn_or_path, seed, companies, now, progress, workers)
    with closing(sqlite3.connect(conn_or_path)) as conn:
        stats = _build_on(conn, seed, companies, now, progress, workers)
    stats["bytes"] = os.path.getsize(conn_or_path)
    return stats


def _build_on(
    conn: sqlite3.Connection,
    seed: int,
    companies: int,
    now: int,
    progress: Progress | None,
    workers: int,
) -> dict[str, Any]:
    """Build with bulk-load pragmas, then restore the connection's settings (WAL for files)."""
    if conn.in_transaction:
        conn.commit()
    isolation = conn.isolation_level
    synchronous = conn.execute("PRAGMA synchronous").fetchone()[0]
    cache_size = conn.execute("PRAGMA cache_size").fetchone()[0]
    memory = _is_memory(conn)
    conn.isolation_level = None
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -262144")
        return _build(conn, seed, companies, now, progress, workers)
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.execute(f"PRAGMA cache_size = {int(cache_size)}")
        if memory:
            conn.execute("PRAGMA journal_mode = MEMORY")
            conn.execute(f"PRAGMA synchronous = {int(synchronous)}")
        else:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.isolation_level = isolation
