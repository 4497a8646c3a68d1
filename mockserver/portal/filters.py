"""The filter form of the selection page: its choices, and its values checked (Dutch errors)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..domain.backend import Backend
from ..domain.portal_reads import PROVINCES

__all__ = ["FIELDS", "MAX_CITY_LENGTH", "FilterForm", "choices", "parse_filters"]

#: Form field -> the domain's selection filter.
FIELDS = {
    "provincie": "province",
    "plaats": "city",
    "branche": "branche_id",
    "rechtsvorm": "legal_form_id",
    "werknemers": "employee_id",
}
MAX_CITY_LENGTH = 80
#: Form field -> (base table, its id key, what the error message calls it).
_TABLES = {
    "branche": ("branche", "BrancheID", "branche"),
    "rechtsvorm": ("legal_form", "LegalFormID", "rechtsvorm"),
    "werknemers": ("employee", "EmployeeID", "grootteklasse (werknemers)"),
}


@dataclass
class FilterForm:
    """What the user filled in, the domain filters it means, and what is wrong with it."""

    values: dict[str, str] = field(default_factory=dict)
    filters: dict[str, object] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def choices() -> dict[str, list[tuple[str, str]]]:
    """Value and label of every option of the four selects."""
    options = {"provincie": [(name, name) for name in PROVINCES]}
    for name, (table, key, _) in _TABLES.items():
        rows = Backend.base_table(table)
        options[name] = [(str(row[key]), str(row["Description"])) for row in rows]
    return options


def parse_filters(raw: Mapping[str, object]) -> FilterForm:
    """Check the submitted filters; empty fields mean "any"; other fields are ignored."""
    form = FilterForm()
    for name, key in FIELDS.items():
        value = raw.get(name)
        text = value.strip() if isinstance(value, str) else ""
        form.values[name] = text
        if not text:
            continue
        if name == "provincie":
            if text in PROVINCES:
                form.filters[key] = text
            else:
                form.errors.append("Kies een provincie uit de lijst.")
        elif name == "plaats":
            if len(text) > MAX_CITY_LENGTH or not text.isprintable():
                form.errors.append(
                    f"Een plaatsnaam is hoogstens {MAX_CITY_LENGTH} gewone tekens lang."
                )
            else:
                form.filters[key] = text
        else:
            table, id_key, label = _TABLES[name]
            known = {str(row[id_key]) for row in Backend.base_table(table)}
            if text in known:
                form.filters[key] = int(text)
            else:
                form.errors.append(f"Kies een {label} uit de lijst.")
    return form
