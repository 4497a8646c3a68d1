"""Handlers of the BaseTables and WebsiteLeads tags."""

from __future__ import annotations

from functools import partial
from typing import Any

from ..domain.accounts import Account
from ..domain.backend import Backend
from ..domain.clock import format_local
from . import shapes

__all__ = ["base_table", "websites", "website_leads"]


def _base_table(table: str, wrapper: str, backend: Backend, account: Account) -> dict[str, Any]:
    return {wrapper: backend.base_table(table)}


def base_table(table: str, wrapper: str) -> Any:
    """A handler answering one code table wrapped as {<TableName>: [...]}."""
    return partial(_base_table, table, wrapper)


def websites(backend: Backend, account: Account) -> dict[str, Any]:
    """WebsiteleadsWebsites."""
    return {
        "Websites": [
            {
                "Name": row["name"],
                "StartDate": format_local(row["start_date"]),
                "EndDate": format_local(row["end_date"]) if row["end_date"] is not None else None,
            }
            for row in backend.websites(account)
        ]
    }


def website_leads(
    backend: Backend,
    account: Account,
    Website: str,
    From: str,
    To: str,
) -> dict[str, Any]:
    """WebsiteleadsLeads: at most 250; `Truncated` tells that the period held more."""
    page = backend.leads(account, Website, From, To)
    return {
        "Website": page.website,
        "From": format_local(page.start),
        "To": format_local(page.end),
        "TotalCount": page.total,
        "Truncated": page.total > len(page.visits),
        "Visits": [shapes.visit(row) for row in page.visits],
    }
