"""Handlers of the Companies and Contacts tags."""

from __future__ import annotations

from typing import Any

from ..domain.accounts import Account
from ..domain.backend import Backend
from ..domain.company_query import FILTER_PARAMETERS
from ..domain.records import COMPANY, CONTACT
from . import serializers

__all__ = [
    "list_companies", "download_company", "company_limited",
    "list_contacts", "download_contact", "contact_limited",
]  # fmt: skip


def list_companies(
    backend: Backend,
    account: Account,
    pageNr: int,
    recordsPerPage: int,
    sortOrder: str = "Id",
    selectionId: int | None = None,
    **filters: Any,
) -> dict[str, Any]:
    """CompanyList; with `selectionId`, a page of that selection (as the public client asks)."""
    if selectionId is not None:
        selected = backend.selection_page(account, selectionId, pageNr, recordsPerPage)
        total, rows = selected.total, selected.rows
    else:
        named = {FILTER_PARAMETERS[k]: v for k, v in filters.items() if k in FILTER_PARAMETERS}
        page = backend.list_companies(named, pageNr, recordsPerPage, sortOrder)
        total, rows = page.total, page.rows
    return {
        "PageNr": pageNr,
        "RecordsPerPage": recordsPerPage,
        "TotalCount": total,
        "Companies": [serializers.company_list_item(row) for row in rows],
    }


def download_company(backend: Backend, account: Account, id: int) -> dict[str, Any]:
    """Company."""
    result = backend.download(account, COMPANY, id)
    return serializers.company_full(result.row, result.owned_until)


def company_limited(backend: Backend, account: Account, id: int) -> dict[str, Any]:
    """CompanyLimited."""
    return serializers.company_limited(backend.record(COMPANY, id))


def list_contacts(backend: Backend, account: Account, id: int) -> dict[str, Any]:
    """ContactList."""
    return {"Contacts": [serializers.contact_list_item(r) for r in backend.contacts_of_company(id)]}


def download_contact(backend: Backend, account: Account, id: int) -> dict[str, Any]:
    """Contact."""
    result = backend.download(account, CONTACT, id)
    return serializers.contact_full(result.row, result.owned_until)


def contact_limited(backend: Backend, account: Account, id: int) -> dict[str, Any]:
    """ContactLimited."""
    return serializers.contact_limited(backend.record(CONTACT, id))
