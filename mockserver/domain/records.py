"""Reading company and contact records, their field timestamps and name masking."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from .errors import DomainError, ErrorCode

__all__ = [
    "COMPANY",
    "CONTACT",
    "Subject",
    "field_timestamps",
    "get_record",
    "mask_name",
]


@dataclass(frozen=True)
class Subject:
    """A kind of record (company or contact) and the codes its rules answer with."""

    name: str
    table: str
    unknown: ErrorCode
    inactive: ErrorCode
    mutation_refused: ErrorCode
    fields: tuple[str, ...]


COMPANY = Subject(
    "Company",
    "companies",
    ErrorCode.UNKNOWN_COMPANY_ID,
    ErrorCode.COMPANY_INACTIVE,
    ErrorCode.COMPANY_MUTATION_REFUSED,
    (
        "name",
        "street",
        "street_number",
        "street_number_suffix",
        "zip_code",
        "city",
        "province",
        "po_box",
        "po_box_zip_code",
        "po_box_city",
        "telephone",
        "email",
        "url",
        "kvk_number",
        "branche_id",
        "employee_id",
        "legal_form_id",
        "import_export_id",
        "deleted",
    ),
)
CONTACT = Subject(
    "Contact",
    "contacts",
    ErrorCode.UNKNOWN_CONTACT_PERSON_ID,
    ErrorCode.CONTACT_INACTIVE,
    ErrorCode.CONTACT_MUTATION_REFUSED,
    (
        "name",
        "first_name",
        "initials",
        "gender",
        "function_id",
        "department",
        "email",
        "telephone",
        "mobilephone",
        "deleted",
    ),
)


def get_record(conn: sqlite3.Connection, subject: Subject, record_id: int) -> sqlite3.Row:
    """The record, or the subject's unknown-id error (307/308)."""
    row: sqlite3.Row | None = conn.execute(
        f"SELECT * FROM {subject.table} WHERE id = ?",  # a fixed table name
        (record_id,),
    ).fetchone()
    if row is None:
        raise DomainError(subject.unknown)
    return row


def field_timestamps(row: sqlite3.Row, subject: Subject) -> dict[str, int]:
    """Last-change moment of every data field: its own stamp or the record's creation."""
    stamps = json.loads(row["stamps"]) if row["stamps"] else {}
    created = int(row["created_at"])
    return {field: int(stamps.get(field, created)) for field in subject.fields}


def mask_name(name: str) -> str:
    """Hide the last 3 characters of a name as `...`."""
    return name[:-3] + "..." if len(name) > 3 else "..."
