"""Handlers of the WebsiteLeads tag."""

from __future__ import annotations

from typing import Any

from ..domain.accounts import Account
from ..domain.backend import Backend
from ..domain.clock import format_local
from . import serializers

__all__ = ["websites", "website_leads"]


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
        "Visits": [serializers.visit(row) for row in page.visits],
    }
