"""CompanyList pages: sorting and paging the matches of a `CompanyQuery`, with their total."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Mapping
from dataclasses import dataclass

from .company_query import CompanyQuery, build_query
from .count_cache import CountCache

__all__ = [
    "LIST_COLUMNS",
    "MAX_RECORDS_PER_PAGE",
    "SORT_ORDERS",
    "Page",
    "list_companies",
]

MAX_RECORDS_PER_PAGE = 100
SORT_ORDERS = {
    "Id": "id",
    "IdDesc": "id DESC",
    "Name": "name COLLATE NOCASE, id",
    "NameDesc": "name COLLATE NOCASE DESC, id",
    "City": "city COLLATE NOCASE, id",
    "CityDesc": "city COLLATE NOCASE DESC, id",
    "ZipCode": "zip_code, id",
    "ZipCodeDesc": "zip_code DESC, id",
}
#: The index whose order is each sort order (ties by id: the rowid ends every index entry).
_SORT_INDEXES = {
    "Name": "companies_name",
    "NameDesc": "companies_name",
    "City": "companies_city",
    "CityDesc": "companies_city_desc",
    "ZipCode": "companies_zip_code",
    "ZipCodeDesc": "companies_zip_code",
}
LIST_COLUMNS = "id, name, street, street_number, street_number_suffix, city, deleted"
_JOINED_COLUMNS = ", ".join(f"companies.{c} AS {c}" for c in LIST_COLUMNS.split(", "))
#: An in-order scan is tried while it would read at most this many times the matches it
#: skips to (if they are spread evenly; a sort of every match costs that much more per row).
_SCAN_PER_MATCH = 2
#: An in-order scan gives way to gathering and sorting every match after this long.
_SCAN_SECONDS = 0.015
#: SQLite VM steps between two looks at the clock during an in-order scan.
_PROGRESS_STEPS = 2000


@dataclass(frozen=True)
class Page:
    """One page of limited company rows and the total found."""

    rows: list[sqlite3.Row]
    total: int


def list_companies(
    conn: sqlite3.Connection,
    filters: Mapping[str, object | None],
    page_nr: int,
    records_per_page: int,
    sort_order: str = "Id",
    counts: CountCache | None = None,
) -> Page:
    """One page of matching companies in `sort_order`, with the total (taken from `counts`
    when given, else counted)."""
    query = build_query(filters)
    total = counts.count(conn, query) if counts is not None else _count(conn, query)
    offset = (page_nr - 1) * records_per_page
    if offset >= total:
        return Page([], total)
    return Page(_page(conn, query, sort_order, records_per_page, offset, total), total)


def _page(
    conn: sqlite3.Connection,
    query: CompanyQuery,
    sort_order: str,
    limit: int,
    offset: int,
    total: int,
) -> list[sqlite3.Row]:
    """One page, the cheapest way the exact total allows: driven by the trigram index in id
    order, by a scan in the sort's own order that stops after the page, or by the planner
    (which gathers every match and sorts them)."""
    if query.trigram is not None and sort_order in ("Id", "IdDesc"):
        return _page_by_trigram(conn, query, sort_order == "IdDesc", limit, offset)
    order = f" ORDER BY {SORT_ORDERS[sort_order]} LIMIT ? OFFSET ?"
    if query.clauses:
        # An in-order scan meets a match every (companies / total) rows, if they are spread.
        companies = conn.execute("SELECT COALESCE(MAX(id), 0) FROM companies").fetchone()[0]
        if (offset + limit) * companies / total <= _SCAN_PER_MATCH * total:
            index = _SORT_INDEXES.get(sort_order)
            source = f"companies INDEXED BY {index}" if index else "companies NOT INDEXED"
            where, params = query.scan_where()
            sql = f"SELECT {LIST_COLUMNS} FROM {source}{where}{order}"
            rows = _within(conn, _SCAN_SECONDS, sql, [*params, limit, offset])
            if rows is not None:
                return rows
    return conn.execute(
        f"SELECT {LIST_COLUMNS} FROM companies{query.where()}{order}",
        [*query.params, limit, offset],
    ).fetchall()


def _within(
    conn: sqlite3.Connection, seconds: float, sql: str, params: list[object]
) -> list[sqlite3.Row] | None:
    """The rows of `sql`, or None when it ran longer than `seconds` (then it is interrupted:
    matches bunched at the far end of a sort order make an in-order scan long). Like all of
    the backend, it assumes one thread at a time on `conn` (the handler is per connection)."""
    deadline = time.perf_counter() + seconds
    late = False

    def check() -> int:
        nonlocal late
        late = time.perf_counter() > deadline
        return int(late)

    conn.set_progress_handler(check, _PROGRESS_STEPS)
    try:
        rows: list[sqlite3.Row] = conn.execute(sql, params).fetchall()
        return rows
    except sqlite3.OperationalError:
        if late:
            return None
        raise
    finally:
        conn.set_progress_handler(None, 0)


def _page_by_trigram(
    conn: sqlite3.Connection, query: CompanyQuery, desc: bool, limit: int, offset: int
) -> list[sqlite3.Row]:
    """A page in id order, driven by the trigram index (which yields rowids in order), so
    it stops after `offset + limit` matches instead of collecting every match first."""
    sql, params = query.driven_by_trigram(_JOINED_COLUMNS)
    direction = " DESC" if desc else ""
    rows: list[sqlite3.Row] = conn.execute(
        f"{sql} ORDER BY companies_fts.rowid{direction} LIMIT ? OFFSET ?", [*params, limit, offset]
    ).fetchall()
    return rows


def _count(conn: sqlite3.Connection, query: CompanyQuery) -> int:
    """The exact number of matches, counted now."""
    sql, params = query.count_sql()
    return int(conn.execute(sql, params).fetchone()[0])
