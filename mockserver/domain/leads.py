"""Website-Leads: each account's websites and their visits, at most 250 per call."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..data.leads import generate_websites_and_leads
from .accounts import require_account
from .clock import parse_local
from .errors import DomainError, ErrorCode, InvalidInput

__all__ = [
    "MAX_LEADS",
    "LeadsPage",
    "SeededVisit",
    "ensure_websites",
    "leads",
    "seed_website",
    "seeded_visits",
    "websites",
]

MAX_LEADS = 250


@dataclass(frozen=True)
class LeadsPage:
    """The first (up to) 250 visits of a period, and how many it held in all."""

    website: str
    start: int
    end: int
    total: int
    visits: list[sqlite3.Row]


def ensure_websites(
    conn: sqlite3.Connection, seed: int, account_id: int, company_count: int
) -> None:
    """Give an account its websites and visits on first use (inside a write transaction).

    They are deterministic in the seed, the account's user and its creation moment."""
    if conn.execute("SELECT 1 FROM websites WHERE account_id = ?", (account_id,)).fetchone():
        return
    account = require_account(conn, account_id)
    user, created_at = account["user"], account["created_at"]
    sites, visits = generate_websites_and_leads(
        seed, str(user).lower(), int(created_at), max(company_count, 1)
    )
    ids: dict[str, int] = {}
    for site in sites:
        cursor = conn.execute(
            "INSERT INTO websites (account_id, name, start_date, end_date) VALUES (?, ?, ?, ?)",
            (account_id, site["Name"], site["StartDate"], site["EndDate"]),
        )
        ids[site["Name"]] = int(cursor.lastrowid or 0)
    conn.executemany(
        "INSERT INTO visits (website_id, company_id, start_at, duration, page_views, score,"
        " referrer, visitor_city, click_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                ids[v["website"]],
                v["company_id"],
                v["start"],
                v["duration"],
                v["page_views"],
                v["highest_rating_score"],
                v["referrer"],
                v["visitor_city"],
                json.dumps(
                    [
                        {"Url": s["Url"], "Title": s["Title"], "Duration": s["Seconds"]}
                        for s in v["click_path"]
                    ]
                ),
            )
            for v in visits
        ),
    )


@dataclass(frozen=True)
class SeededVisit:
    """A visit given through the control plane: its start, its company and its referrer."""

    start: int
    company_id: int
    referrer: str | None = None


def seeded_visits(visits: Sequence[Mapping[str, Any]], company_count: int) -> list[SeededVisit]:
    """The visits of a control-plane body; InvalidInput for an unknown company, 306 for a date."""
    seeded = []
    for visit in visits:
        company_id = int(visit.get("companyId", 1))
        if not 1 <= company_id <= company_count:
            raise InvalidInput(f"Unknown company id {company_id}.", "companyId")
        start = parse_local(str(visit["start"]), "start")
        seeded.append(SeededVisit(start, company_id, visit.get("referrer")))
    return seeded


def seed_website(
    conn: sqlite3.Connection, account_id: int, name: str, start_date: int, visits: list[SeededVisit]
) -> int:
    """Give an account the website `name` with exactly these visits (inside a write transaction).

    An existing website of that name (any case) loses its visits first. Each visit is one
    view of the home page. Returns how many were stored."""
    site = conn.execute(
        "SELECT id FROM websites WHERE account_id = ? AND name = ? COLLATE NOCASE",
        (account_id, name),
    ).fetchone()
    if site is None:
        cursor = conn.execute(
            "INSERT INTO websites (account_id, name, start_date, end_date) VALUES (?, ?, ?, NULL)",
            (account_id, name, start_date),
        )
        site_id = int(cursor.lastrowid or 0)
    else:
        site_id = int(site["id"])
        conn.execute("DELETE FROM visits WHERE website_id = ?", (site_id,))
    # One page view of the home page, for no time: the least a visit can be.
    path = json.dumps([{"Url": f"https://{name}/", "Title": "Home", "Duration": 0}])
    conn.executemany(
        "INSERT INTO visits (website_id, company_id, start_at, duration, page_views, score,"
        " referrer, visitor_city, click_path) VALUES (?, ?, ?, 0, 1, 1, ?, NULL, ?)",
        ((site_id, v.company_id, v.start, v.referrer, path) for v in visits),
    )
    return len(visits)


def websites(conn: sqlite3.Connection, account_id: int) -> list[sqlite3.Row]:
    """The account's websites."""
    return conn.execute(
        "SELECT name, start_date, end_date FROM websites WHERE account_id = ? ORDER BY id",
        (account_id,),
    ).fetchall()


def leads(
    conn: sqlite3.Connection, account_id: int, website: str, start: int, end: int
) -> LeadsPage:
    """Visits to one of the account's websites with a start in [start, end], oldest first."""
    if start > end:
        raise DomainError(ErrorCode.INVALID_DATETIME_VALUE, "'From' lies after 'To'.")
    site = conn.execute(
        "SELECT id, name FROM websites WHERE account_id = ? AND name = ? COLLATE NOCASE",
        (account_id, website),
    ).fetchone()
    if site is None:
        raise InvalidInput(
            f"Unknown website {website!r} for this account; see WebsiteleadsWebsites.", "Website"
        )
    total = conn.execute(
        "SELECT COUNT(*) FROM visits WHERE website_id = ? AND start_at BETWEEN ? AND ?",
        (site["id"], start, end),
    ).fetchone()[0]
    rows = conn.execute(
        "SELECT v.*, c.name AS c_name, c.street, c.street_number, c.street_number_suffix,"
        " c.zip_code, c.city, c.telephone, c.url, c.branche_id, c.employee_id"
        " FROM visits v JOIN companies c ON c.id = v.company_id"
        " WHERE v.website_id = ? AND v.start_at BETWEEN ? AND ? ORDER BY v.start_at, v.id LIMIT ?",
        (site["id"], start, end, MAX_LEADS),
    ).fetchall()
    return LeadsPage(str(site["name"]), start, end, int(total), rows)
