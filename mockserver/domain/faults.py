"""Injected faults: latency and forced error codes, per operation, with a seeded chance."""

from __future__ import annotations

import random
from dataclasses import dataclass

from .errors import ErrorCode, InvalidInput

__all__ = ["Fault", "Faults"]


@dataclass(frozen=True)
class Fault:
    """Delay and/or fail matching requests with the given probability."""

    id: int
    operation: str | None = None
    status: int | None = None
    latency_ms: int = 0
    probability: float = 1.0


class Faults:
    """The configured faults of one server."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._faults: list[Fault] = []
        self._next_id = 1

    def add(
        self,
        operation: str | None = None,
        status: int | None = None,
        latency_ms: int = 0,
        probability: float = 1.0,
    ) -> Fault:
        """Configure a fault; `status` must be one of the service's codes (300-319)."""
        if status is not None and status not in {code.value for code in ErrorCode if code < 400}:
            raise InvalidInput(f"Fault status {status} is not one of the service's codes 300-319.")
        if not 0.0 <= probability <= 1.0:
            raise InvalidInput("Fault probability must lie in [0, 1].")
        fault = Fault(self._next_id, operation, status, max(0, latency_ms), probability)
        self._next_id += 1
        self._faults.append(fault)
        return fault

    def clear(self) -> None:
        """Remove every fault."""
        self._faults.clear()

    def all(self) -> list[Fault]:
        """The configured faults."""
        return list(self._faults)

    def pick(self, operation: str) -> tuple[int, ErrorCode | None]:
        """Total latency (ms) and the forced error, if any, for one request."""
        latency, error = 0, None
        for fault in self._faults:
            if fault.operation not in (None, operation):
                continue
            if fault.probability < 1.0 and self._rng.random() >= fault.probability:
                continue
            latency += fault.latency_ms
            if fault.status is not None and error is None:
                error = ErrorCode(fault.status)
        return latency, error
