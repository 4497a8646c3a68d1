"""Accounts, application links, activation codes and authentication."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from . import ledger
from .errors import DomainError, ErrorCode, InvalidInput
from .passwords import PasswordChecker, hash_password
from .randomness import new_code, new_token

__all__ = [
    "Account",
    "NewAccount",
    "ACTIVATION_CODE_LIFETIME",
    "Hasher",
    "account_id_of",
    "authenticate",
    "create_account",
    "disconnect",
    "issue_activation_code",
    "register_account",
    "require_account",
    "set_subscription",
]

ACTIVATION_CODE_LIFETIME = 7 * 86400
#: Makes the stored hash of a new password; None: `hash_password` at full cost.
Hasher = Callable[[str], str] | None


@dataclass(frozen=True)
class Account:
    """An authenticated caller: the account and the application link it called through."""

    id: int
    user: str
    application_name: str
    is_main: bool


@dataclass(frozen=True)
class NewAccount:
    """Credentials of a freshly created account."""

    id: int
    user: str
    password: str
    application_name: str
    portal_password: str


def _find_account(conn: sqlite3.Connection, user: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM accounts WHERE user = ?", (user,)
    ).fetchone()
    return row


def account_id_of(conn: sqlite3.Connection, user: str) -> int:
    """The id of `user`'s account, or 301."""
    row = _find_account(conn, user)
    if row is None:
        raise DomainError(ErrorCode.UNKNOWN_LICENSE_NAME, f"Unknown user {user!r}.")
    return int(row["id"])


def require_account(
    conn: sqlite3.Connection, account_id: int, user: str | None = None
) -> sqlite3.Row:
    """The account's row; 301 when a reset (in this or another worker) removed it since the
    caller authenticated. With `user`, a new account that took over the id does not count."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM accounts WHERE id = ? AND (? IS NULL OR user = ?)",
        (account_id, user, user),
    ).fetchone()
    if row is None:
        raise DomainError(ErrorCode.UNKNOWN_LICENSE_NAME, "The account no longer exists.")
    return row


def _ensure_portal_account(
    conn: sqlite3.Connection,
    now: int,
    rng: random.Random,
    user: str,
    portal_password: str | None,
    hasher: Hasher = None,
) -> tuple[int, str]:
    row = _find_account(conn, user)
    if row is not None:
        return int(row["id"]), ""
    portal_password = portal_password or new_token(rng, 9)
    cursor = conn.execute(
        "INSERT INTO accounts (user, portal_password_hash, created_at) VALUES (?, ?, ?)",
        (user, (hasher or hash_password)(portal_password), now),
    )
    return int(cursor.lastrowid or 0), portal_password


def create_account(
    conn: sqlite3.Connection,
    now: int,
    rng: random.Random,
    *,
    user: str | None = None,
    password: str | None = None,
    application_name: str | None = None,
    credits: int = 0,
    subscription: bool = False,
    portal_password: str | None = None,
    hasher: Hasher = None,
) -> NewAccount:
    """A main account with an API link for one application, and its first credits."""
    user = user or f"user-{new_token(rng, 6).lower()}@example.nl"
    if _find_account(conn, user) is not None:
        raise InvalidInput(f"An account for {user!r} exists already.")
    password = password or new_token(rng, 12)
    application_name = application_name or "MockApp"
    account_id, portal_password = _ensure_portal_account(
        conn, now, rng, user, portal_password, hasher
    )
    conn.execute(
        "UPDATE accounts SET subscription = ? WHERE id = ?", (int(subscription), account_id)
    )
    conn.execute(
        "INSERT INTO links (account_id, application_name, api_password_hash, is_main, created_at)"
        " VALUES (?, ?, ?, 1, ?)",
        (account_id, application_name, (hasher or hash_password)(password), now),
    )
    if credits:
        ledger.post(conn, account_id, now, ledger.Kind.ACQUIRED, credits)
    return NewAccount(account_id, user, password, application_name, portal_password)


def authenticate(
    conn: sqlite3.Connection,
    passwords: PasswordChecker,
    user: str | None,
    password: str | None,
    application_name: str | None,
) -> Account:
    """Check the three credentials in the service's order: 301, 305, 304, 302."""
    row = _find_account(conn, user) if user else None
    if row is None:
        raise DomainError(ErrorCode.UNKNOWN_LICENSE_NAME)
    link = conn.execute(
        "SELECT * FROM links WHERE account_id = ? AND application_name = ?",
        (row["id"], application_name or ""),
    ).fetchone()
    if link is None:
        raise DomainError(ErrorCode.UNKNOWN_APPLICATION)
    if not password or not passwords.verify(password, link["api_password_hash"]):
        raise DomainError(ErrorCode.WRONG_PASSWORD)
    if link["revoked_at"] is not None:
        raise DomainError(ErrorCode.LICENSE_REVOKED)
    return Account(
        int(row["id"]), str(row["user"]), str(link["application_name"]), bool(link["is_main"])
    )


def issue_activation_code(
    conn: sqlite3.Connection,
    now: int,
    rng: random.Random,
    user: str,
    application_name: str,
    hasher: Hasher = None,
) -> tuple[str, str]:
    """As if `user` (made when new) activated the application in "Mijn applicaties".

    Returns the code and, for a new portal user, its portal password."""
    account_id, portal_password = _ensure_portal_account(conn, now, rng, user, None, hasher)
    code = new_code(rng)
    conn.execute(
        "INSERT INTO activation_codes (code, account_id, application_name, expires_at)"
        " VALUES (?, ?, ?, ?)",
        (code, account_id, application_name, now + ACTIVATION_CODE_LIFETIME),
    )
    return code, portal_password


def register_account(
    conn: sqlite3.Connection,
    now: int,
    rng: random.Random,
    caller: Account,
    new_user: str,
    code: str,
    hasher: Hasher = None,
) -> tuple[str, str]:
    """RegisterAccount: link `new_user` to the caller's application; returns user and password."""
    if not caller.is_main:
        raise DomainError(
            ErrorCode.LICENSE_NOT_ALLOWED, "Only the application's main account may link users."
        )
    row = conn.execute(
        "SELECT c.*, a.user FROM activation_codes c JOIN accounts a ON a.id = c.account_id"
        " WHERE c.code = ?",
        (code,),
    ).fetchone()
    if (
        row is None
        or row["user"].lower() != new_user.lower()
        or row["application_name"] != caller.application_name
        or row["used_at"] is not None
        or row["expires_at"] <= now
    ):
        raise DomainError(ErrorCode.LICENSE_ID_MISMATCH)
    password = new_token(rng, 12)
    conn.execute("UPDATE activation_codes SET used_at = ? WHERE code = ?", (now, code))
    conn.execute(
        "INSERT INTO links (account_id, application_name, api_password_hash, is_main, created_at)"
        " VALUES (?, ?, ?, 0, ?) ON CONFLICT (account_id, application_name) DO UPDATE SET"
        " api_password_hash = excluded.api_password_hash, revoked_at = NULL",
        (row["account_id"], caller.application_name, (hasher or hash_password)(password), now),
    )
    return str(row["user"]), password


def disconnect(
    conn: sqlite3.Connection, now: int, user: str, application_name: str | None = None
) -> int:
    """Revoke `user`'s links (one application or all); returns how many."""
    account_id = account_id_of(conn, user)
    cursor = conn.execute(
        "UPDATE links SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL"
        " AND (? IS NULL OR application_name = ?)",
        (now, account_id, application_name, application_name),
    )
    return cursor.rowcount


def set_subscription(conn: sqlite3.Connection, account_id: int, subscription: bool) -> None:
    """Switch the update subscription (actualisatie-abonnement)."""
    conn.execute(
        "UPDATE accounts SET subscription = ? WHERE id = ?", (int(subscription), account_id)
    )
