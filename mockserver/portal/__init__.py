"""The Mijn DATA-collectief pages (/mijn) and the selection page (/selectie/{token})."""

from __future__ import annotations

from ..domain.backend import Backend
from ..http.framework import AsyncApp
from .account import account_routes
from .security import Signer
from .selection import selection_routes

__all__ = ["Signer", "add_portal"]


def add_portal(app: AsyncApp, backend: Backend, signer: Signer | None = None) -> None:
    """Mount the portal pages on a connexion AsyncApp (beside /api and /_mock)."""
    signer = signer or Signer()
    for path, endpoint, methods in [
        *account_routes(backend, signer),
        *selection_routes(backend, signer),
    ]:
        app.add_url_rule(path, f"portal:{path}", endpoint, methods=methods)
