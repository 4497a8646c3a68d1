"""Target-group selections: tokens for the selection page, saved selections, 8 per page."""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass

from .accounts import require_account
from .company_query import CompanyQuery, check_text
from .errors import DomainError, ErrorCode, InvalidInput
from .randomness import new_token
from .search import LIST_COLUMNS

__all__ = [
    "SELECTION_PAGE_SIZE",
    "TOKEN_LIFETIME",
    "SELECTION_FILTERS",
    "SelectionPage",
    "count_matching",
    "issue_token",
    "save_selection",
    "selection_page",
]

SELECTION_PAGE_SIZE = 8
TOKEN_LIFETIME = 24 * 3600
SELECTION_FILTERS = ("province", "city", "branche_id", "legal_form_id", "employee_id")


@dataclass(frozen=True)
class SelectionPage:
    """One page of a selection."""

    selection_id: int
    page_nr: int
    total: int
    rows: list[sqlite3.Row]


def _query(filters: Mapping[str, object]) -> CompanyQuery:
    unknown = set(filters) - set(SELECTION_FILTERS)
    if unknown:
        raise InvalidInput(f"Unknown selection filter(s): {', '.join(sorted(unknown))}.")
    for name in ("province", "city"):
        check_text(name, filters.get(name))
    query = CompanyQuery()
    query.clauses.append("deleted = 0")
    query.text("province", _text(filters.get("province")))
    query.text("city", _text(filters.get("city")), wildcards=True)
    for key in ("branche_id", "legal_form_id", "employee_id"):
        query.equals(key, filters.get(key))
    return query


def _text(value: object) -> str | None:
    return None if value in (None, "") else str(value)


def count_matching(conn: sqlite3.Connection, filters: Mapping[str, object]) -> int:
    """How many active companies a selection with these filters would hold."""
    query = _query(filters)
    return int(
        conn.execute(f"SELECT COUNT(*) FROM companies{query.where()}", query.params).fetchone()[0]
    )


def issue_token(conn: sqlite3.Connection, now: int, rng: random.Random, account_id: int) -> str:
    """A fresh, unguessable selection-page token for the account."""
    token = new_token(rng, 18)
    conn.execute(
        "INSERT INTO selection_tokens (token, account_id, expires_at) VALUES (?, ?, ?)",
        (token, account_id, now + TOKEN_LIFETIME),
    )
    return token


def save_selection(
    conn: sqlite3.Connection, now: int, account_id: int, filters: Mapping[str, object]
) -> tuple[int, int]:
    """Freeze the matching companies (by number) as a new selection; returns id and total."""
    query = _query(filters)
    require_account(conn, account_id)  # in the caller's transaction: a reset may have run
    cursor = conn.execute(
        "INSERT INTO selections (account_id, filters, total, created_at) VALUES (?, ?, 0, ?)",
        (account_id, json.dumps(dict(filters), sort_keys=True), now),
    )
    selection_id = int(cursor.lastrowid or 0)
    conn.execute(
        "INSERT INTO selection_members (selection_id, position, company_id)"
        f" SELECT ?, ROW_NUMBER() OVER (ORDER BY id), id FROM companies{query.where()}",
        [selection_id, *query.params],
    )
    total = conn.execute(
        "SELECT COUNT(*) FROM selection_members WHERE selection_id = ?", (selection_id,)
    ).fetchone()[0]
    conn.execute("UPDATE selections SET total = ? WHERE id = ?", (total, selection_id))
    return selection_id, int(total)


def selection_page(
    conn: sqlite3.Connection,
    account_id: int,
    selection_id: int,
    page_nr: int,
    page_size: int = SELECTION_PAGE_SIZE,
) -> SelectionPage:
    """Page `page_nr` (8 companies) of the account's selection; 309 for another's or none."""
    row = conn.execute(
        "SELECT total FROM selections WHERE id = ? AND account_id = ?", (selection_id, account_id)
    ).fetchone()
    if row is None:
        raise DomainError(ErrorCode.UNKNOWN_SELECTION_ID)
    start = (page_nr - 1) * page_size
    columns = ", ".join(f"c.{name.strip()}" for name in LIST_COLUMNS.split(","))
    rows = conn.execute(
        f"SELECT {columns} FROM selection_members m JOIN companies c ON c.id = m.company_id"
        " WHERE m.selection_id = ? AND m.position > ? AND m.position <= ? ORDER BY m.position",
        (selection_id, start, start + page_size),
    ).fetchall()
    return SelectionPage(selection_id, page_nr, int(row["total"]), rows)
