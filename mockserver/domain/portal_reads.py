"""What the Mijn DATA-collectief pages read: sign-in, an account's overview, selection tokens."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import Enum

from . import contributions
from .accounts import require_account
from .ledger import Statistics, statistics
from .passwords import PasswordChecker
from .records import COMPANY, CONTACT

__all__ = [
    "PROVINCES",
    "Overview",
    "TokenState",
    "account_user",
    "is_known_application",
    "overview",
    "sign_in",
    "token_state",
]

#: The twelve provinces of the Netherlands, as the dataset spells them.
PROVINCES = (
    "Drenthe",
    "Flevoland",
    "Friesland",
    "Gelderland",
    "Groningen",
    "Limburg",
    "Noord-Brabant",
    "Noord-Holland",
    "Overijssel",
    "Utrecht",
    "Zeeland",
    "Zuid-Holland",
)


class TokenState(Enum):
    """Whether a selection-page token can be used."""

    LIVE = "live"
    EXPIRED = "expired"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Overview:
    """Everything "Mijn applicaties" shows for one account."""

    user: str
    statistics: Statistics
    links: list[dict[str, object]]
    companies: list[dict[str, object]]
    contacts: list[dict[str, object]]
    feedback: list[dict[str, object]]


def sign_in(
    conn: sqlite3.Connection, passwords: PasswordChecker, user: str, password: str
) -> int | None:
    """The account id when `password` is the user's portal password, else None (an unknown
    user is checked against a dummy hash, so a failed sign-in always costs one scrypt)."""
    row = conn.execute(
        "SELECT id, portal_password_hash FROM accounts WHERE user = ?", (user,)
    ).fetchone()
    stored = row["portal_password_hash"] if row is not None else passwords.dummy_hash
    if not passwords.verify(password, stored) or row is None:
        return None
    return int(row["id"])


def account_user(conn: sqlite3.Connection, account_id: int) -> str | None:
    """The e-mail of an account, or None when it no longer exists."""
    row = conn.execute("SELECT user FROM accounts WHERE id = ?", (account_id,)).fetchone()
    return None if row is None else str(row["user"])


def is_known_application(conn: sqlite3.Connection, application_name: str) -> bool:
    """Whether some main account serves an application of this name (a live link)."""
    row = conn.execute(
        "SELECT 1 FROM links WHERE application_name = ? AND is_main = 1 AND revoked_at IS NULL"
        " LIMIT 1",
        (application_name,),
    ).fetchone()
    return row is not None


def overview(conn: sqlite3.Connection, now: int, account_id: int) -> Overview:
    """Credits, application links, owned records (with their windows) and offered mutations."""
    account = require_account(conn, account_id)
    links = conn.execute(
        "SELECT application_name, is_main, created_at, revoked_at FROM links"
        " WHERE account_id = ? ORDER BY application_name",
        (account_id,),
    )
    companies = conn.execute(
        "SELECT o.record_id AS id, c.name, c.city, o.owned_until FROM ownership o"
        " JOIN companies c ON c.id = o.record_id WHERE o.account_id = ? AND o.subject = ?"
        " AND o.owned_from <= ? AND ? < o.owned_until ORDER BY o.owned_until, o.record_id",
        (account_id, COMPANY.name, now, now),
    )
    contacts = conn.execute(
        "SELECT o.record_id AS id, p.first_name, p.name, p.company_id, o.owned_until"
        " FROM ownership o JOIN contacts p ON p.id = o.record_id WHERE o.account_id = ?"
        " AND o.subject = ? AND o.owned_from <= ? AND ? < o.owned_until"
        " ORDER BY o.owned_until, o.record_id",
        (account_id, CONTACT.name, now, now),
    )
    return Overview(
        user=str(account["user"]),
        statistics=statistics(conn, account),
        links=[dict(row) for row in links],
        companies=[dict(row) for row in companies],
        contacts=[dict(row) for row in contacts],
        feedback=contributions.feedback_of_account(conn, account_id),
    )


def token_state(conn: sqlite3.Connection, now: int, token: str) -> tuple[TokenState, int | None]:
    """Whether a selection token is live (with its account), expired or unknown."""
    row = conn.execute(
        "SELECT account_id, expires_at FROM selection_tokens WHERE token = ?", (token,)
    ).fetchone()
    if row is None:
        return TokenState.UNKNOWN, None
    if row["expires_at"] <= now:
        return TokenState.EXPIRED, None
    return TokenState.LIVE, int(row["account_id"])
