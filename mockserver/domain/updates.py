"""Which records changed after a moment (UpdatedCompanies/UpdatedContacts, v1 and V2)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence

from .errors import InvalidInput
from .records import Subject

__all__ = ["MAX_IDS", "changed_since", "check_id_count", "parse_id_list"]

MAX_IDS = 100
_ID_LIST = re.compile(r"^ *\d{1,10} *(, *\d{1,10} *)*$")


def parse_id_list(text: str, name: str) -> list[int]:
    """Parse the v1 comma string; more than 100 numbers is a clear 400."""
    if not _ID_LIST.match(text):
        raise InvalidInput(
            f"Query parameter '{name}' must be a comma-separated list of numbers.", name
        )
    ids = [int(part) for part in text.split(",")]
    check_id_count(ids, name)
    return ids


def check_id_count(ids: Sequence[int], name: str) -> None:
    """At most 100 numbers per request."""
    if len(ids) > MAX_IDS:
        raise InvalidInput(
            f"'{name}' holds {len(ids)} numbers; at most {MAX_IDS} are allowed per request.", name
        )


def changed_since(
    conn: sqlite3.Connection, subject: Subject, ids: Sequence[int], since: int
) -> list[int]:
    """Those of `ids` whose record changed after `since`, ascending; unknown ids left out."""
    unique = sorted(set(ids))
    if not unique:
        return []
    marks = ",".join("?" * len(unique))
    rows = conn.execute(
        f"SELECT id FROM {subject.table} WHERE id IN ({marks}) AND last_changed > ? ORDER BY id",
        [*unique, since],
    )
    return [int(row[0]) for row in rows]
