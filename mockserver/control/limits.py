"""Control handlers for the request limits."""

from __future__ import annotations

from typing import Any

from ..domain.limits import HOUR, Limits
from .context import Control

__all__ = ["get_limits", "set_limits"]


def get_limits(control: Control) -> dict[str, Any]:
    """GET /limits."""
    limits = control.backend.limits
    return {
        "perHour": limits.per_hour,
        "perDay": limits.per_day,
        "badRequestsPerIp": limits.bad_requests_per_ip,
        "ipWindowSeconds": limits.ip_window,
    }


def set_limits(control: Control, body: dict[str, Any]) -> dict[str, Any]:
    """PUT /limits: replaces every limit; a missing one is unlimited."""
    control.backend.limits = Limits(
        per_hour=body.get("perHour"),
        per_day=body.get("perDay"),
        bad_requests_per_ip=body.get("badRequestsPerIp"),
        ip_window=body.get("ipWindowSeconds") or HOUR,
    )
    return get_limits(control)
