"""CompanyList search: filters, `*` wildcards through the trigram index, sorting, paging."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = [
    "MAX_RECORDS_PER_PAGE",
    "SORT_ORDERS",
    "CompanyQuery",
    "Page",
    "list_companies",
    "wildcard_to_like",
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
LIST_COLUMNS = "id, name, street, street_number, street_number_suffix, city, deleted"
_JOINED_COLUMNS = ", ".join(f"companies.{c} AS {c}" for c in LIST_COLUMNS.split(", "))
_EXACT_COLUMNS = {
    "street": "street",
    "telephone": "telephone",
    "po_box": "po_box",
    "po_box_zip_code": "po_box_zip_code",
    "po_box_city": "po_box_city",
    "url": "url",
    "email": "email",
}
_ZIP = re.compile(r"^\s*(\d{4})\s*([A-Za-z]{2})\s*$")


@dataclass
class CompanyQuery:
    """A WHERE clause over `companies` built from filters; values stay bound parameters."""

    clauses: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)
    #: The first trigram-indexed name/city clause: (clause index, param index, column, LIKE).
    indexed: tuple[int, int, str, str] | None = None

    def text(self, column: str, value: str | None, *, wildcards: bool = False) -> None:
        """Match a text column, case-insensitively; `*` wildcards when allowed."""
        if value is None:
            return
        if wildcards and "*" in value:
            like = wildcard_to_like(value)
            # An ESCAPE clause stops FTS5 from using its trigram index: add it only when needed.
            escape = " ESCAPE '\\'" if "\\" in like else ""
            literal = max(re.split(r"[*]", value), key=len)
            if len(literal) >= 3 and column in ("name", "city"):
                if self.indexed is None and not escape:
                    self.indexed = (len(self.clauses), len(self.params), column, like)
                self.clauses.append(
                    "companies.id IN"
                    f" (SELECT rowid FROM companies_fts WHERE {column} LIKE ?{escape})"
                )
            else:
                self.clauses.append(f"companies.{column} LIKE ?{escape}")
            self.params.append(like)
        else:
            self.clauses.append(f"companies.{column} = ? COLLATE NOCASE")
            self.params.append(value)

    def equals(self, column: str, value: object | None) -> None:
        """Match a column exactly."""
        if value is not None:
            self.clauses.append(f"companies.{column} = ?")
            self.params.append(value)

    def zip_code(self, column: str, value: str | None) -> None:
        """Match a postcode, ignoring case and spaces."""
        if value is None:
            return
        match = _ZIP.match(value)
        if match:
            self.equals(column, f"{match[1]} {match[2].upper()}")
        else:
            self.clauses.append(
                f"REPLACE(companies.{column}, ' ', '') = REPLACE(?, ' ', '') COLLATE NOCASE"
            )
            self.params.append(value)

    def where(self) -> str:
        """The WHERE clause (or nothing)."""
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""


@dataclass(frozen=True)
class Page:
    """One page of limited company rows and the total found."""

    rows: list[sqlite3.Row]
    total: int


def wildcard_to_like(pattern: str) -> str:
    """`*` becomes `%`; LIKE's own `%`, `_` and `\\` are escaped."""
    escaped = pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped.replace("*", "%")


def build_query(filters: Mapping[str, object | None]) -> CompanyQuery:
    """The query for CompanyList's filters (snake_case keys)."""
    query = CompanyQuery()
    query.text("name", _str(filters.get("company_name")), wildcards=True)
    query.text("city", _str(filters.get("city")), wildcards=True)
    query.equals("street_number", filters.get("street_number"))
    query.zip_code("zip_code", _str(filters.get("zip_code")))
    for key, column in _EXACT_COLUMNS.items():
        query.text(column, _str(filters.get(key)))
    return query


def list_companies(
    conn: sqlite3.Connection,
    filters: Mapping[str, object | None],
    page_nr: int,
    records_per_page: int,
    sort_order: str = "Id",
) -> Page:
    """One page of matching companies in `sort_order`, with the total."""
    query = build_query(filters)
    where = query.where()
    total = _COUNTS.count(conn, where, query.params)
    offset = (page_nr - 1) * records_per_page
    if offset >= total:
        return Page([], total)
    if query.indexed is not None and sort_order in ("Id", "IdDesc"):
        rows = _page_by_rowid(conn, query, sort_order == "IdDesc", records_per_page, offset)
    else:
        rows = conn.execute(
            f"SELECT {LIST_COLUMNS} FROM companies{where} ORDER BY {SORT_ORDERS[sort_order]}"
            " LIMIT ? OFFSET ?",
            [*query.params, records_per_page, offset],
        ).fetchall()
    return Page(rows, total)


def _page_by_rowid(
    conn: sqlite3.Connection, query: CompanyQuery, desc: bool, limit: int, offset: int
) -> list[sqlite3.Row]:
    """A page in id order, driven by the trigram index (which yields rowids in order), so
    it stops after `offset + limit` matches instead of collecting every match first.

    CROSS JOIN pins the index as the outer loop; the other clauses (their columns
    qualified by `companies.`) are checked on each joined row."""
    assert query.indexed is not None
    clause_index, param_index, column, like = query.indexed
    where = "".join(f" AND ({c})" for i, c in enumerate(query.clauses) if i != clause_index)
    params = [p for i, p in enumerate(query.params) if i != param_index]
    direction = " DESC" if desc else ""
    rows: list[sqlite3.Row] = conn.execute(
        f"SELECT {_JOINED_COLUMNS} FROM companies_fts AS f CROSS JOIN companies"
        f" ON companies.id = f.rowid WHERE f.{column} LIKE ?{where}"
        f" ORDER BY f.rowid{direction} LIMIT ? OFFSET ?",
        [like, *params, limit, offset],
    ).fetchall()
    return rows


class _CountCache:
    """Totals of recent queries on one connection, exact: an entry is used only while the
    connection has made no change since (`total_changes`) and no other connection has
    committed one (`PRAGMA data_version`), and never inside an open transaction, whose
    changes could still roll back."""

    def __init__(self, size: int = 64) -> None:
        self._size = size
        self._conn: sqlite3.Connection | None = None
        self._entries: OrderedDict[tuple[object, ...], int] = OrderedDict()
        self._lock = threading.Lock()

    def count(self, conn: sqlite3.Connection, where: str, params: list[object]) -> int:
        sql = f"SELECT COUNT(*) FROM companies{where}"
        changes = conn.total_changes
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if conn.in_transaction:
            return int(conn.execute(sql, params).fetchone()[0])
        key = (changes, version, where, *params)
        with self._lock:
            if conn is not self._conn:
                self._conn, self._entries = conn, OrderedDict()
            total = self._entries.get(key)
            if total is not None:
                self._entries.move_to_end(key)
                return total
        total = int(conn.execute(sql, params).fetchone()[0])
        with self._lock:
            # Keep it only when nothing changed meanwhile (another thread on this connection).
            if conn is self._conn and conn.total_changes == changes and not conn.in_transaction:
                self._entries[key] = total
                if len(self._entries) > self._size:
                    self._entries.popitem(last=False)
        return total


_COUNTS = _CountCache()


def _str(value: object | None) -> str | None:
    return None if value is None else str(value)
