"""Request limits: per account per hour (312) and day (311), bad requests per IP (313)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Protocol

from .clock import ClockStore
from .errors import DomainError, ErrorCode

__all__ = ["Limits", "SettingsStore", "count_request", "count_bad_request", "check_ip"]

HOUR, DAY = 3600, 86400


@dataclass
class Limits:
    """Configured limits; None means unlimited."""

    per_hour: int | None = None
    per_day: int | None = None
    bad_requests_per_ip: int | None = None
    ip_window: int = HOUR


class SettingsStore(ClockStore, Protocol):
    """Where worker processes on one database share the clock and the configured limits."""

    def load(
        self,
    ) -> tuple[float | None, float | None, bool, int | None, int | None, int | None, int] | None:
        """Clock anchor, its real time, frozen; per hour, per day, bad requests per IP, window."""

    def save_limits(
        self,
        per_hour: int | None,
        per_day: int | None,
        bad_requests_per_ip: int | None,
        ip_window: int,
    ) -> None:
        """Keep the configured limits."""


def _bump(conn: sqlite3.Connection, scope: str, window_start: int) -> int:
    row = conn.execute(
        "INSERT INTO request_counts (scope, window_start, count) VALUES (?, ?, 1)"
        " ON CONFLICT (scope, window_start) DO UPDATE SET count = count + 1 RETURNING count",
        (scope, window_start),
    ).fetchone()
    return int(row[0])


def count_request(conn: sqlite3.Connection, now: int, limits: Limits, account_id: int) -> None:
    """Count one request of the account; 312/311 past the hour/day limit."""
    for limit, window, code in (
        (limits.per_hour, HOUR, ErrorCode.EXCEEDED_LIMIT_HOUR),
        (limits.per_day, DAY, ErrorCode.EXCEEDED_LIMIT_DAY),
    ):
        if (
            limit is not None
            and _bump(conn, f"account:{account_id}:{window}", now - now % window) > limit
        ):
            raise DomainError(code)


def count_bad_request(conn: sqlite3.Connection, now: int, limits: Limits, ip: str) -> None:
    """Remember one bad request from `ip` (only while a limit is set)."""
    if limits.bad_requests_per_ip is not None:
        _bump(conn, f"ip:{ip}", now - now % limits.ip_window)


def check_ip(conn: sqlite3.Connection, now: int, limits: Limits, ip: str) -> None:
    """313 while `ip` made more bad requests than allowed in the current window."""
    if limits.bad_requests_per_ip is None:
        return
    row = conn.execute(
        "SELECT count FROM request_counts WHERE scope = ? AND window_start = ?",
        (f"ip:{ip}", now - now % limits.ip_window),
    ).fetchone()
    if row is not None and row[0] >= limits.bad_requests_per_ip:
        raise DomainError(ErrorCode.EXCEEDED_LIMIT_IP)
