"""Handlers of the Selections tag."""

from __future__ import annotations

from typing import Any

from ..domain.accounts import Account
from ..domain.backend import Backend
from . import serializers

__all__ = ["url_company_selection", "company_selection"]


def url_company_selection(backend: Backend, account: Account, *, base_url: str) -> dict[str, Any]:
    """UrlCompanySelection: a tokened URL to the selection page."""
    return {"Url": f"{base_url}/selectie/{backend.selection_token(account)}"}


def company_selection(
    backend: Backend,
    account: Account,
    selectionId: int,
    pageNr: int,
) -> dict[str, Any]:
    """CompanySelection: 8 per page."""
    page = backend.selection_page(account, selectionId, pageNr)
    return {
        "SelectionId": page.selection_id,
        "PageNr": page.page_nr,
        "TotalCount": page.total,
        "Companies": [serializers.company_list_item(row) for row in page.rows],
    }
