"""The append-only credits ledger; balances and DownloadStatistics derive from it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from .errors import DomainError, ErrorCode

__all__ = [
    "ACQUISITIONS",
    "AWARDS",
    "CHARGES",
    "POSTED_BY",
    "Kind",
    "Statistics",
    "post",
    "statistics",
    "ledger_entries",
]


class Kind:
    """Ledger entry kinds."""

    ACQUIRED = "acquired"
    DOWNLOAD = "download"
    CONTACT_REWARD = "contact-new-reward"
    CONTACT_PENALTY = "contact-new-penalty"
    MUTATION_REWARD = "mutation-reward"


#: Where DownloadStatistics counts each kind, which is in exactly one of these: bought
#: (`CreditsAcquired`), charged (`CreditsUsed`) or awarded for contributions (`CreditsFromWUS`).
ACQUISITIONS = (Kind.ACQUIRED,)
CHARGES = (Kind.DOWNLOAD, Kind.CONTACT_PENALTY)
AWARDS = (Kind.CONTACT_REWARD, Kind.MUTATION_REWARD)

#: operationId -> the kinds its calls post: a charge for what its `x-credits` in the spec
#: charges (`charges`, `or-charges`), an award for what it awards (`awards`).
#: tests/contract/test_operation_facts.py holds this table, the classes above and the spec
#: together (this module reads no spec).
POSTED_BY: dict[str, tuple[str, ...]] = {
    "downloadCompany": (Kind.DOWNLOAD,),
    "downloadContact": (Kind.DOWNLOAD,),
    "offerContactNew": (Kind.CONTACT_REWARD, Kind.CONTACT_PENALTY),
    "offerContactNewV2": (Kind.CONTACT_REWARD, Kind.CONTACT_PENALTY),
    "sendUserFeedbackCompany": (Kind.MUTATION_REWARD,),
    "sendUserFeedbackContact": (Kind.MUTATION_REWARD,),
    "sendUserFeedbackCompanyV2": (Kind.MUTATION_REWARD,),
    "sendUserFeedbackContactV2": (Kind.MUTATION_REWARD,),
}


@dataclass(frozen=True)
class Statistics:
    """The figures of DownloadStatistics."""

    payment_method: str
    acquired: int
    used: int
    from_wus: int
    used_for_alerts: int
    balance: int


def post(
    conn: sqlite3.Connection,
    account_id: int,
    at: int,
    kind: str,
    amount: int,
    subject: str | None = None,
    subject_id: int | None = None,
) -> int:
    """Append one entry and move the cached balance; 310 if it would go below zero.

    Must run inside a write transaction that made or checked the account
    (`accounts.require_account`), so its row is there."""
    balance = conn.execute("SELECT balance FROM accounts WHERE id = ?", (account_id,)).fetchone()[0]
    if balance + amount < 0:
        raise DomainError(ErrorCode.INSUFFICIENT_CREDITS)
    conn.execute(
        "INSERT INTO ledger (account_id, at, kind, amount, subject, subject_id)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (account_id, at, kind, amount, subject, subject_id),
    )
    conn.execute("UPDATE accounts SET balance = balance + ? WHERE id = ?", (amount, account_id))
    return int(balance + amount)


def statistics(conn: sqlite3.Connection, account: sqlite3.Row) -> Statistics:
    """Sum the ledger by kind; `account` is the row `accounts.require_account` read."""
    sums = dict(
        conn.execute(
            "SELECT kind, SUM(amount) FROM ledger WHERE account_id = ? GROUP BY kind",
            (account["id"],),
        ).fetchall()
    )
    acquired = sum(sums.get(kind, 0) for kind in ACQUISITIONS)
    from_wus = sum(sums.get(kind, 0) for kind in AWARDS)
    used = -sum(sums.get(kind, 0) for kind in CHARGES)
    return Statistics(
        payment_method="Subscription" if account["subscription"] else "Prepaid",
        acquired=acquired,
        used=used,
        from_wus=from_wus,
        used_for_alerts=0,
        balance=account["balance"],
    )


def ledger_entries(conn: sqlite3.Connection, account_id: int) -> list[dict[str, object]]:
    """All entries of an account, oldest first."""
    rows = conn.execute(
        "SELECT id, at, kind, amount, subject, subject_id FROM ledger"
        " WHERE account_id = ? ORDER BY id",
        (account_id,),
    )
    return [dict(row) for row in rows]
