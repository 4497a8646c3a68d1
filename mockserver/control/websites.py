"""Control handler for Website-Leads: seed a website with visits."""

from __future__ import annotations

from typing import Any

from .context import Control

__all__ = ["seed_website"]


def seed_website(control: Control, user: str, name: str, body: dict[str, Any]) -> dict[str, Any]:
    """PUT /accounts/{user}/websites/{name}."""
    stored = control.backend.seed_website(user, name, body["visits"])
    return {"name": name, "visits": stored}
