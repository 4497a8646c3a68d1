"""CompanyList search: filters, `*` wildcards through the trigram index, sorting, paging."""

from __future__ import annotations

import re
import sqlite3
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
                self.clauses.append(
                    f"id IN (SELECT rowid FROM companies_fts WHERE {column} LIKE ?{escape})"
                )
            else:
                self.clauses.append(f"{column} LIKE ?{escape}")
            self.params.append(like)
        else:
            self.clauses.append(f"{column} = ? COLLATE NOCASE")
            self.params.append(value)

    def equals(self, column: str, value: object | None) -> None:
        """Match a column exactly."""
        if value is not None:
            self.clauses.append(f"{column} = ?")
            self.params.append(value)

    def zip_code(self, column: str, value: str | None) -> None:
        """Match a postcode, ignoring case and spaces."""
        if value is None:
            return
        match = _ZIP.match(value)
        if match:
            self.equals(column, f"{match[1]} {match[2].upper()}")
        else:
            self.clauses.append(f"REPLACE({column}, ' ', '') = REPLACE(?, ' ', '') COLLATE NOCASE")
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
    total = conn.execute(f"SELECT COUNT(*) FROM companies{where}", query.params).fetchone()[0]
    offset = (page_nr - 1) * records_per_page
    rows = conn.execute(
        f"SELECT {LIST_COLUMNS} FROM companies{where} ORDER BY {SORT_ORDERS[sort_order]}"
        " LIMIT ? OFFSET ?",
        [*query.params, records_per_page, offset],
    ).fetchall()
    return Page(rows, int(total))


def _str(value: object | None) -> str | None:
    return None if value is None else str(value)
