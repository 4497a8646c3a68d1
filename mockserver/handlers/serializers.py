"""Serialise domain rows into the wire's records (PascalCase, local dates, descriptions)."""

from __future__ import annotations

import json
import sqlite3
from functools import cache
from typing import Any

from ..data.base_tables import load_base_table
from ..domain.clock import format_local
from ..domain.records import COMPANY, CONTACT, field_timestamps, mask_name

__all__ = [
    "COMPANY_WIRE_FIELDS",
    "CONTACT_WIRE_FIELDS",
    "company_full",
    "company_limited",
    "company_list_item",
    "contact_full",
    "contact_limited",
    "contact_list_item",
    "description",
    "visit",
]

#: Wire name -> column, for every data field that carries a timestamp.
COMPANY_WIRE_FIELDS = {
    "Name": "name", "Street": "street", "StreetNumber": "street_number",
    "StreetNumberSuffix": "street_number_suffix", "ZipCode": "zip_code", "City": "city",
    "Province": "province", "POBox": "po_box", "POBoxZipCode": "po_box_zip_code",
    "POBoxCity": "po_box_city", "Telephone": "telephone", "Email": "email", "Url": "url",
    "KvkNumber": "kvk_number", "BrancheID": "branche_id", "EmployeeID": "employee_id",
    "LegalFormID": "legal_form_id", "ImportExportID": "import_export_id", "Deleted": "deleted",
}  # fmt: skip
CONTACT_WIRE_FIELDS = {
    "Name": "name", "FirstName": "first_name", "Initials": "initials", "Gender": "gender",
    "FunctionID": "function_id", "Department": "department", "Email": "email",
    "Telephone": "telephone", "Mobilephone": "mobilephone", "Deleted": "deleted",
}  # fmt: skip
_TABLE_KEYS = {
    "function": "FunctionID", "branche": "BrancheID", "employee": "EmployeeID",
    "legal_form": "LegalFormID", "import_export": "ImportExportID",
}  # fmt: skip


@cache
def _descriptions(table: str) -> dict[int, str]:
    key = _TABLE_KEYS[table]
    return {int(item[key]): str(item["Description"]) for item in load_base_table(table)}


def description(table: str, code: int | None) -> str:
    """The description of a base-table code ('' for an unknown code)."""
    return _descriptions(table).get(int(code or 0), "")


def _stamps(stamps: dict[str, int], fields: dict[str, str]) -> dict[str, str]:
    return {wire: format_local(stamps[column]) for wire, column in fields.items()}


def _value(column: str, value: Any) -> Any:
    return bool(value) if column == "deleted" else value


def company_list_item(row: sqlite3.Row) -> dict[str, Any]:
    """The limited fields of CompanyList and CompanySelection."""
    return {
        "Id": row["id"], "Name": row["name"], "Street": row["street"],
        "StreetNumber": row["street_number"], "StreetNumberSuffix": row["street_number_suffix"],
        "City": row["city"], "Deleted": bool(row["deleted"]),
    }  # fmt: skip


def company_limited(row: sqlite3.Row) -> dict[str, Any]:
    """CompanyLimited."""
    return company_list_item(row) | {
        "ZipCode": row["zip_code"], "Province": row["province"],
        "BrancheID": row["branche_id"],
        "BrancheDescription": description("branche", row["branche_id"]),
        "EmployeeID": row["employee_id"],
        "EmployeeDescription": description("employee", row["employee_id"]),
    }  # fmt: skip


def company_full(row: sqlite3.Row, owned_until: int) -> dict[str, Any]:
    """The full Company record with every field's timestamp."""
    record = {wire: _value(col, row[col]) for wire, col in COMPANY_WIRE_FIELDS.items()}
    stamps = field_timestamps(row, COMPANY)
    return {"Id": row["id"]} | record | {
        "BrancheDescription": description("branche", row["branche_id"]),
        "EmployeeDescription": description("employee", row["employee_id"]),
        "LegalFormDescription": description("legal_form", row["legal_form_id"]),
        "ImportExportDescription": description("import_export", row["import_export_id"]),
        "LastChangedDate": format_local(row["last_changed"]),
        "OwnedUntil": format_local(owned_until),
        "Timestamps": _stamps(stamps, COMPANY_WIRE_FIELDS),
    }  # fmt: skip


def contact_list_item(row: sqlite3.Row) -> dict[str, Any]:
    """The limited fields of ContactList (name masked)."""
    return {
        "ID": row["id"], "Name": mask_name(row["name"]), "FirstName": row["first_name"],
        "FunctionID": row["function_id"],
        "FunctionDescription": description("function", row["function_id"]),
        "Gender": row["gender"], "Deleted": bool(row["deleted"]),
    }  # fmt: skip


def contact_limited(row: sqlite3.Row) -> dict[str, Any]:
    """ContactLimited."""
    return contact_list_item(row) | {"CompanyID": row["company_id"]}


def contact_full(row: sqlite3.Row, owned_until: int) -> dict[str, Any]:
    """The full Contact record with every field's timestamp."""
    record = {wire: _value(col, row[col]) for wire, col in CONTACT_WIRE_FIELDS.items()}
    stamps = field_timestamps(row, CONTACT)
    return {"ID": row["id"], "CompanyID": row["company_id"]} | record | {
        "FunctionDescription": description("function", row["function_id"]),
        "LastChangedDate": format_local(row["last_changed"]),
        "OwnedUntil": format_local(owned_until),
        "Timestamps": _stamps(stamps, CONTACT_WIRE_FIELDS),
    }  # fmt: skip


def visit(row: sqlite3.Row) -> dict[str, Any]:
    """One lead: company info, visit info and click path."""
    start = format_local(row["start_at"])
    return {
        "Company": {
            "Id": row["company_id"], "Name": row["c_name"], "Street": row["street"],
            "StreetNumber": row["street_number"], "StreetNumberSuffix": row["street_number_suffix"],
            "ZipCode": row["zip_code"], "City": row["city"], "Telephone": row["telephone"],
            "Url": row["url"], "BrancheDescription": description("branche", row["branche_id"]),
            "EmployeeDescription": description("employee", row["employee_id"]),
        },
        "InfoVisit": {
            "StartDate": start, "StartTime": start[11:], "HighestRatingScore": row["score"],
            "Duration": row["duration"], "PageViews": row["page_views"],
            "Referrer": row["referrer"], "VisitorCity": row["visitor_city"],
        },
        "ClickPath": json.loads(row["click_path"]),
    }  # fmt: skip
