"""Handlers of the Updates tag (v1 comma strings and V2 JSON bodies)."""

from __future__ import annotations

from typing import Any

from ..domain.accounts import Account
from ..domain.backend import Backend
from ..domain.clock import format_local
from ..domain.records import COMPANY, CONTACT
from ..domain.updates import parse_id_list

__all__ = ["updated_companies", "updated_contacts", "updated_companies_v2", "updated_contacts_v2"]


def _companies(since: int, ids: list[int]) -> dict[str, Any]:
    return {"lastChangedDate": format_local(since), "updatedCompanies": [{"Id": i} for i in ids]}


def _contacts(since: int, ids: list[int]) -> dict[str, Any]:
    return {"LastChangedDate": format_local(since), "UpdatedContacts": [{"Id": i} for i in ids]}


def updated_companies(
    backend: Backend,
    account: Account,
    companyIds: str,
    lastChangedDate: str,
) -> dict[str, Any]:
    """UpdatedCompanies."""
    ids = parse_id_list(companyIds, "companyIds")
    return _companies(*backend.changed(COMPANY, ids, lastChangedDate, "companyIds"))


def updated_contacts(
    backend: Backend,
    account: Account,
    contactIds: str,
    lastChangedDate: str,
) -> dict[str, Any]:
    """UpdatedContacts."""
    ids = parse_id_list(contactIds, "contactIds")
    return _contacts(*backend.changed(CONTACT, ids, lastChangedDate, "contactIds"))


def updated_companies_v2(
    backend: Backend, account: Account, body: dict[str, Any]
) -> dict[str, Any]:
    """UpdatedCompaniesV2."""
    return _companies(
        *backend.changed(COMPANY, body["CompanyIds"], body["LastChangedDate"], "CompanyIds")
    )


def updated_contacts_v2(backend: Backend, account: Account, body: dict[str, Any]) -> dict[str, Any]:
    """UpdatedContactsV2."""
    return _contacts(
        *backend.changed(CONTACT, body["ContactIds"], body["LastChangedDate"], "ContactIds")
    )
