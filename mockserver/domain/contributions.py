"""Contributions for credits: new contacts (ContactNew) and mutations (UserFeedback)."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass

from ..data.base_tables import load_base_table
from . import ledger
from .errors import DomainError, InvalidInput
from .ownership import owns
from .records import COMPANY, Subject, get_record

__all__ = [
    "ContactOffer",
    "OfferOutcome",
    "Feedback",
    "offer_contact",
    "send_feedback",
    "feedback_of_account",
    "set_feedback_status",
    "FEEDBACK_STATUSES",
]

FEEDBACK_STATUSES = ("Received", "InProgress", "Processed", "Rejected")
_INITIALS = re.compile(r"^([A-Za-z]\.\s?)+$")


@dataclass(frozen=True)
class ContactOffer:
    """A contact person offered by an account."""

    company_id: int
    name: str | None = None
    first_name: str | None = None
    gender: int | None = None
    function_description: str | None = None
    email: str | None = None
    telephone: str | None = None
    mobilephone: str | None = None


@dataclass(frozen=True)
class OfferOutcome:
    """What became of an offer: Accepted (+1), Incomplete or Duplicate (-1)."""

    offer: ContactOffer
    status: str
    contact_id: int | None
    credits_awarded: int


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def _initials(first_name: str) -> str:
    first_name = first_name.strip()
    if _INITIALS.match(first_name):
        return "".join(f"{ch.upper()}." for ch in first_name if ch.isalpha())
    return "".join(f"{word[0].upper()}." for word in first_name.split())


def _function_id(description: str) -> int:
    table = load_base_table("function")
    for item in table:
        if item["Description"].lower() == description.strip().lower():
            return int(item["FunctionID"])
    return int(next(i["FunctionID"] for i in table if i["Description"] == "Overig"))


def _duplicate(conn: sqlite3.Connection, offer: ContactOffer) -> int | None:
    assert offer.name is not None and offer.first_name is not None
    row = conn.execute(
        "SELECT id FROM contacts WHERE company_id = ? AND deleted = 0 AND name = ? COLLATE NOCASE"
        " AND (first_name = ? COLLATE NOCASE OR initials = ? COLLATE NOCASE) ORDER BY id LIMIT 1",
        (
            offer.company_id,
            offer.name.strip(),
            offer.first_name.strip(),
            _initials(offer.first_name),
        ),
    ).fetchone()
    return None if row is None else int(row[0])


def offer_contact(
    conn: sqlite3.Connection, now: int, account_id: int, offer: ContactOffer
) -> OfferOutcome:
    """ContactNew; must run inside a write transaction."""
    company = get_record(conn, COMPANY, offer.company_id)
    if company["deleted"]:
        raise DomainError(COMPANY.inactive)
    complete = not (
        _blank(offer.name)
        or _blank(offer.first_name)
        or offer.gender is None
        or _blank(offer.function_description)
    )
    contact_id = _duplicate(conn, offer) if complete else None
    if not complete or contact_id is not None:
        status, amount, kind = (
            ("Incomplete" if not complete else "Duplicate"),
            -1,
            ledger.Kind.CONTACT_PENALTY,
        )
    else:
        status, amount, kind = "Accepted", 1, ledger.Kind.CONTACT_REWARD
        contact_id = _insert_contact(conn, now, offer)
    ledger.post(conn, account_id, now, kind, amount, "Contact", contact_id)
    conn.execute(
        "INSERT INTO contact_offers"
        " (account_id, company_id, contact_id, status, credits_awarded, at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (account_id, offer.company_id, contact_id, status, amount, now),
    )
    return OfferOutcome(offer, status, contact_id, amount)


def _insert_contact(conn: sqlite3.Connection, now: int, offer: ContactOffer) -> int:
    assert offer.name and offer.first_name and offer.function_description
    cursor = conn.execute(
        "INSERT INTO contacts (company_id, name, first_name, initials, gender, function_id,"
        " department, email, telephone, mobilephone, deleted, created_at, stamps, last_changed)"
        " VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 0, ?, NULL, ?)",
        (
            offer.company_id,
            offer.name.strip(),
            offer.first_name.strip(),
            _initials(offer.first_name),
            offer.gender,
            _function_id(offer.function_description),
            offer.email,
            offer.telephone,
            offer.mobilephone,
            now,
            now,
        ),
    )
    return int(cursor.lastrowid or 0)


@dataclass(frozen=True)
class Feedback:
    """An offered mutation and its status."""

    id: int
    subject: str
    subject_id: int
    reason_id: int | None
    status: str
    credits_awarded: int
    received_at: int


def _check_reason(subject: Subject, reason_id: int | None, other_reason: str | None) -> None:
    if reason_id is None:
        if _blank(other_reason):
            raise InvalidInput("Either 'reasonId' or 'otherReason' is required.", "reasonId")
        return
    reasons = {int(r["Code"]): r for r in load_base_table("message_reason")}
    reason = reasons.get(reason_id)
    if reason is None:
        raise InvalidInput(f"Unknown reasonId {reason_id}; see BaseTableMessageReason.", "reasonId")
    applicable = "ApplicableForCompanies" if subject is COMPANY else "ApplicableForContacts"
    if not reason[applicable]:
        raise InvalidInput(
            f"reasonId {reason_id} ({reason['Description']}) does not apply"
            f" to a {subject.name.lower()}.",
            "reasonId",
        )


def send_feedback(
    conn: sqlite3.Connection,
    now: int,
    account_id: int,
    subject: Subject,
    record_id: int,
    reason_id: int | None,
    other_reason: str | None,
    memo: str | None,
    changes: Mapping[str, object],
) -> Feedback:
    """UserFeedback; the record must be owned; earns 1 credit. Inside a write transaction."""
    get_record(conn, subject, record_id)
    if not owns(conn, now, account_id, subject, record_id):
        raise DomainError(subject.mutation_refused)
    _check_reason(subject, reason_id, other_reason)
    cursor = conn.execute(
        "INSERT INTO feedback (account_id, subject, subject_id, reason_id, other_reason, memo,"
        " changes, status, credits_awarded, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
        (
            account_id,
            subject.name,
            record_id,
            reason_id,
            other_reason,
            memo,
            json.dumps(dict(changes), sort_keys=True),
            "Received",
            now,
        ),
    )
    feedback_id = int(cursor.lastrowid or 0)
    ledger.post(conn, account_id, now, ledger.Kind.MUTATION_REWARD, 1, subject.name, record_id)
    return Feedback(feedback_id, subject.name, record_id, reason_id, "Received", 1, now)


def feedback_of_account(conn: sqlite3.Connection, account_id: int) -> list[dict[str, object]]:
    """Every mutation the account offered, newest first, with its status."""
    rows = conn.execute(
        "SELECT id, subject, subject_id, reason_id, other_reason, memo, changes, status,"
        " credits_awarded, received_at FROM feedback WHERE account_id = ? ORDER BY id DESC",
        (account_id,),
    )
    return [dict(row) | {"changes": json.loads(row["changes"])} for row in rows]


def set_feedback_status(conn: sqlite3.Connection, feedback_id: int, status: str) -> bool:
    """Move an offered mutation to another status (as the service's editors would)."""
    if status not in FEEDBACK_STATUSES:
        raise InvalidInput(f"Unknown status {status!r}; one of {', '.join(FEEDBACK_STATUSES)}.")
    return (
        conn.execute("UPDATE feedback SET status = ? WHERE id = ?", (status, feedback_id)).rowcount
        == 1
    )
