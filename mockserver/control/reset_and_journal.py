"""Control handlers for the whole mock: reset and the request journal."""

from __future__ import annotations

from typing import Any

from ..http.framework import NoContent
from .context import Control

__all__ = ["clear_journal", "get_journal", "reset_state"]


def reset_state(control: Control) -> tuple[Any, int]:
    """POST /reset."""
    control.backend.reset()
    if control.on_reset is not None:
        control.on_reset(control.backend)
    return NoContent, 204


def get_journal(control: Control, limit: int = 100) -> list[dict[str, Any]]:
    """GET /journal."""
    return control.journal.recent(limit)


def clear_journal(control: Control) -> tuple[Any, int]:
    """DELETE /journal."""
    control.journal.clear()
    return NoContent, 204
