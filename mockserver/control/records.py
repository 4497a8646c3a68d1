"""Control handlers for records: patch companies and contacts, selections, feedback status."""

from __future__ import annotations

from typing import Any

from ..domain.errors import InvalidInput
from ..domain.records import COMPANY, CONTACT, Subject
from ..handlers.serializers import COMPANY_WIRE_FIELDS, CONTACT_WIRE_FIELDS
from .context import Control, NotFound, local

__all__ = ["patch_company", "patch_contact", "save_selection", "set_feedback_status"]

#: Wire filter name -> the domain's selection filter.
SELECTION_FILTERS = {
    "province": "province",
    "city": "city",
    "brancheId": "branche_id",
    "legalFormId": "legal_form_id",
    "employeeId": "employee_id",
}


def save_selection(control: Control, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """POST /selections."""
    backend = control.backend
    account_id = backend.account_id(body["user"])
    filters = {SELECTION_FILTERS[name]: value for name, value in body["filters"].items()}
    selection_id, total = backend.save_selection(account_id, filters)
    return {"selectionId": selection_id, "total": total}, 201


def _patch(
    control: Control, subject: Subject, wire: dict[str, str], record_id: int, body: dict[str, Any]
) -> dict[str, Any]:
    changes = {
        wire[name]: int(value) if wire[name] == "deleted" else value for name, value in body.items()
    }
    control.backend.patch_record(subject, record_id, changes)
    row = control.backend.record(subject, record_id)
    return {"id": record_id, "changed": list(body), "lastChangedDate": local(row["last_changed"])}


def patch_company(control: Control, id: int, body: dict[str, Any]) -> dict[str, Any]:
    """PATCH /companies/{id}."""
    return _patch(control, COMPANY, COMPANY_WIRE_FIELDS, id, body)


def patch_contact(control: Control, id: int, body: dict[str, Any]) -> dict[str, Any]:
    """PATCH /contacts/{id}."""
    return _patch(control, CONTACT, CONTACT_WIRE_FIELDS, id, body)


def set_feedback_status(control: Control, id: int, body: dict[str, Any]) -> dict[str, Any]:
    """PUT /feedback/{id}: the schema admits only known statuses, so a refusal is an unknown id."""
    try:
        control.backend.set_feedback_status(id, body["status"])
    except InvalidInput as exc:
        raise NotFound(exc.detail or f"Unknown feedback id {id}.") from None
    return {"id": id, "status": body["status"]}
