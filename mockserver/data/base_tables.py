"""The service's base tables (functions, branches, ...), loaded from JSON data files."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["BASE_TABLE_KEYS", "BASE_TABLE_NAMES", "load_base_table"]

#: Base table name -> the keys of each of its rows, in wire order.
BASE_TABLE_KEYS: dict[str, tuple[str, ...]] = {
    "function": ("FunctionID", "Description"),
    "branche": ("BrancheID", "Description"),
    "employee": ("EmployeeID", "Description"),
    "import_export": ("ImportExportID", "Description"),
    "legal_form": ("LegalFormID", "Description"),
    "message_reason": (
        "Code",
        "Description",
        "ApplicableForCompanies",
        "ApplicableForContacts",
        "ApplicableForOther",
    ),
}

#: Names accepted by `load_base_table`, one per data file in `base_tables/`.
BASE_TABLE_NAMES: tuple[str, ...] = tuple(BASE_TABLE_KEYS)


@cache
def _read(name: str) -> tuple[dict[str, Any], ...]:
    """Read and check one base table file once."""
    if name not in BASE_TABLE_KEYS:
        raise KeyError(
            f"unknown base table {name!r}; expected one of {', '.join(BASE_TABLE_NAMES)}"
        )
    text = resources.files(__package__).joinpath("base_tables", f"{name}.json").read_text("utf-8")
    rows = json.loads(text)
    keys = BASE_TABLE_KEYS[name]
    for row in rows:
        if tuple(row) != keys:
            raise ValueError(f"base table {name!r}: row {row!r} does not have the keys {keys}")
    return tuple(rows)


def load_base_table(name: str) -> list[dict[str, Any]]:
    """Return the rows of base table `name` (a fresh copy of the cached file contents)."""
    return [dict(row) for row in _read(name)]
