"""Handlers of the Account and Service tags."""

from __future__ import annotations

from typing import Any

from ..domain.accounts import Account
from ..domain.backend import Backend

__all__ = ["register_account", "download_statistics", "url_account_info", "version"]

API_VERSION = "2026.11.0"


def register_account(backend: Backend, account: Account, newUser: str, code: str) -> dict[str, Any]:
    """RegisterAccount."""
    user, password = backend.register_account(account, newUser, code)
    return {"User": user, "Password": password}


def download_statistics(backend: Backend, account: Account) -> dict[str, Any]:
    """DownloadStatistics."""
    stats = backend.download_statistics(account)
    return {
        "PaymentMethod": stats.payment_method,
        "CreditsAcquired": stats.acquired,
        "CreditsUsed": stats.used,
        "CreditsBalance": stats.balance,
        "CreditsFromWUS": stats.from_wus,
        "CreditsUsedForAlerts": stats.used_for_alerts,
    }


def url_account_info(backend: Backend, account: Account, *, base_url: str) -> dict[str, Any]:
    """UrlAccountInfo: the portal page of the account."""
    return {"Url": f"{base_url}/mijn/applicaties"}


def version(backend: Backend, account: Account) -> dict[str, Any]:
    """Version."""
    return {"Version": API_VERSION}
