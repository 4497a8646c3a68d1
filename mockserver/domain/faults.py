"""Injected faults per operation: latency, forced codes, dropped connections, slow bodies."""

from __future__ import annotations

import random
import sqlite3
from dataclasses import dataclass

from .errors import ErrorCode, InvalidInput

__all__ = ["DROP_AFTER", "DROP_BEFORE", "DROPS", "Fault", "Faults", "Strike"]

#: The connection is dropped before the operation runs: nothing happened.
DROP_BEFORE = "before"
#: The operation runs (and changes state), then the connection is dropped: the answer is lost.
DROP_AFTER = "after"
DROPS = (DROP_BEFORE, DROP_AFTER)

_SERVICE_CODES = frozenset(code.value for code in ErrorCode if code < 400)
_COLUMNS = "id, operation, status, latency_ms, probability, drop_at, bytes_per_second"
_ALL = f"SELECT {_COLUMNS}, times, remaining FROM faults ORDER BY id"
# Spent faults (remaining 0) stay listed but never match.
_MATCHING = (
    f"SELECT {_COLUMNS}, remaining FROM faults WHERE (operation IS NULL OR operation = ?)"
    " AND (remaining IS NULL OR remaining > 0) ORDER BY id"
)
# One statement, so two workers can never both take the last hit of a counted fault.
_TAKE = "UPDATE faults SET remaining = remaining - 1 WHERE id = ? AND remaining > 0"


@dataclass(frozen=True)
class Fault:
    """Delay, fail, drop or slow down matching requests with the given probability."""

    id: int
    operation: str | None = None
    status: int | None = None
    latency_ms: int = 0
    probability: float = 1.0
    drop: str | None = None
    bytes_per_second: int | None = None
    times: int | None = None
    remaining: int | None = None


@dataclass(frozen=True)
class Strike:
    """What the matching faults do to one request."""

    latency_ms: int = 0
    error: ErrorCode | None = None
    drop: str | None = None
    bytes_per_second: int | None = None


class Faults:
    """The configured faults, in the database so that every worker process applies them."""

    def __init__(self, conn: sqlite3.Connection, rng: random.Random) -> None:
        self._conn = conn
        #: Draws whether a fault with a probability below 1 hits.
        self.rng = rng

    def add(
        self,
        operation: str | None = None,
        status: int | None = None,
        latency_ms: int = 0,
        probability: float = 1.0,
        drop: str | None = None,
        bytes_per_second: int | None = None,
        times: int | None = None,
    ) -> Fault:
        """Configure a fault; `status` must be one of the service's codes (300-319)."""
        if status is not None and status not in _SERVICE_CODES:
            raise InvalidInput(f"Fault status {status} is not one of the service's codes 300-319.")
        if not 0.0 <= probability <= 1.0:
            raise InvalidInput("Fault probability must lie in [0, 1].")
        if drop is not None and drop not in DROPS:
            raise InvalidInput(f"Fault drop must be one of {', '.join(DROPS)}.")
        if drop is not None and (status is not None or bytes_per_second is not None):
            raise InvalidInput("A dropped connection answers nothing: no 'status' or slow body.")
        if bytes_per_second is not None and bytes_per_second < 1:
            raise InvalidInput("Fault bytesPerSecond must be at least 1.")
        if times is not None and times < 1:
            raise InvalidInput("Fault times must be at least 1.")
        latency_ms = max(0, latency_ms)
        if status is None and not latency_ms and drop is None and bytes_per_second is None:
            raise InvalidInput("A fault needs a 'status', 'latencyMs', 'drop' or 'bytesPerSecond'.")
        cursor = self._conn.execute(
            "INSERT INTO faults (operation, status, latency_ms, probability, drop_at,"
            " bytes_per_second, times, remaining) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (operation, status, latency_ms, probability, drop, bytes_per_second, times, times),
        )
        assert cursor.lastrowid is not None
        return Fault(
            cursor.lastrowid, operation, status, latency_ms, probability, drop,
            bytes_per_second, times, times,
        )  # fmt: skip

    def clear(self) -> None:
        """Remove every fault."""
        self._conn.execute("DELETE FROM faults")

    def all(self) -> list[Fault]:
        """The configured faults, oldest first (spent ones too)."""
        return [Fault(*row) for row in self._conn.execute(_ALL)]

    def pick(self, operation: str) -> Strike | None:
        """What the faults do to one request of `operation` (None: nothing, the usual case).

        Latencies add up; the oldest status, drop and slowest rate win. A fault with
        `times` counts down only when it hits."""
        rows = self._conn.execute(_MATCHING, (operation,)).fetchall()
        if not rows:
            return None
        latency, error, drop, rate, hit = 0, None, None, None, False
        for fault_id, _, status, latency_ms, probability, drop_at, bps, remaining in rows:
            if probability < 1.0 and self.rng.random() >= probability:
                continue
            if remaining is not None and self._conn.execute(_TAKE, (fault_id,)).rowcount != 1:
                continue
            hit = True
            latency += latency_ms
            if status is not None and error is None:
                error = ErrorCode(status)
            drop = drop or drop_at
            if bps is not None:
                rate = bps if rate is None else min(rate, bps)
        if not hit:
            return None
        return Strike(latency, error, drop, rate)
