"""Control handlers for injected faults and request limits."""

from __future__ import annotations

from typing import Any

from ..domain.errors import InvalidInput
from ..domain.faults import Fault
from ..domain.limits import HOUR, Limits
from ..handlers import OPERATIONS as API_OPERATIONS
from ..http.framework import NoContent
from .context import Control

__all__ = ["add_fault", "clear_faults", "get_limits", "list_faults", "set_limits"]


def _fault(fault: Fault) -> dict[str, Any]:
    return {
        "id": fault.id,
        "operation": fault.operation,
        "status": fault.status,
        "latencyMs": fault.latency_ms,
        "probability": fault.probability,
        "drop": fault.drop,
        "bytesPerSecond": fault.bytes_per_second,
        "times": fault.times,
        "remaining": fault.remaining,
    }


def list_faults(control: Control) -> list[dict[str, Any]]:
    """GET /faults."""
    return [_fault(fault) for fault in control.backend.faults.all()]


def add_fault(control: Control, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """POST /faults."""
    operation = body.get("operation")
    if operation is not None and operation not in API_OPERATIONS:
        raise InvalidInput(f"Unknown operation {operation!r}; use an operationId of the API.")
    fault = control.backend.faults.add(
        operation=operation,
        status=body.get("status"),
        latency_ms=body.get("latencyMs", 0),
        probability=float(body.get("probability", 1.0)),
        drop=body.get("drop"),
        bytes_per_second=body.get("bytesPerSecond"),
        times=body.get("times"),
    )
    return _fault(fault), 201


def clear_faults(control: Control) -> tuple[Any, int]:
    """DELETE /faults."""
    control.backend.faults.clear()
    return NoContent, 204


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
