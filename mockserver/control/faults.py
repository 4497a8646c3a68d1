"""Control handlers for injected faults."""

from __future__ import annotations

from typing import Any

from ..domain.errors import InvalidInput
from ..domain.faults import Fault
from ..handlers import OPERATIONS as API_OPERATIONS
from ..http.framework import NoContent
from .context import Control

__all__ = ["add_fault", "clear_faults", "list_faults"]


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
