"""The request journal: a pure ASGI middleware keeping the last requests (of every worker)."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any, Protocol
from urllib.parse import unquote_plus

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .binding import IGNORED
from .faults import MARK as FAULT_MARK
from .framework import ROUTING_EXTENSION

__all__ = [
    "DEFAULT_CAPACITY",
    "SECRET_PARAMETERS",
    "Journal",
    "JournalMiddleware",
    "RequestJournal",
    "SharedJournal",
    "mask_query",
]

#: How many requests a journal keeps unless told otherwise.
DEFAULT_CAPACITY = 1000
#: Query parameters whose values never reach the journal.
SECRET_PARAMETERS = frozenset({"password", "portalpassword"})
_MASK = "***"
#: The stamp of a request whose time could not be formatted (never expected: the clock is capped).
_NO_TIME = "0000-00-00 00:00:00"
_log = logging.getLogger(__name__)
_ROUTING = ROUTING_EXTENSION


def mask_query(query: str) -> str:
    """The query string with the values of secret parameters replaced by `***`."""
    if not query:
        return ""
    parts = []
    for part in query.split("&"):
        name, sep, _value = part.partition("=")
        if unquote_plus(name).lower() in SECRET_PARAMETERS:
            part = f"{name}={_MASK}"
        parts.append(part)
    return "&".join(parts)


class RequestJournal(Protocol):
    """Where the middleware records requests and the control plane reads them."""

    def record(self, entry: dict[str, Any]) -> None:
        """Remember one request."""

    def recent(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Up to `limit` entries, newest first."""

    def clear(self) -> None:
        """Forget every entry."""


class Journal:
    """The last `capacity` requests, oldest first; in memory, so one per worker process."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        self._entries: deque[dict[str, Any]] = deque(maxlen=capacity)
        self._lock = threading.Lock()

    def record(self, entry: dict[str, Any]) -> None:
        """Remember one request."""
        with self._lock:
            self._entries.append(entry)

    def recent(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Up to `limit` entries, newest first."""
        with self._lock:
            entries = list(self._entries)
        entries.reverse()
        return entries if limit is None else entries[:limit]

    def clear(self) -> None:
        """Forget every entry."""
        with self._lock:
            self._entries.clear()


_INSERT = (
    "INSERT INTO journal"
    " (worker, method, path, query, status, operation, duration_ms, at, dropped, ignored)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_RECENT = (
    "SELECT worker, method, path, query, status, operation, duration_ms, at, dropped, ignored"
    " FROM journal"
    " WHERE id > (SELECT COALESCE(MAX(id), 0) FROM journal) - ? ORDER BY id DESC LIMIT ?"
)
#: Old rows are deleted every this many inserts, so the table holds at most capacity + this.
_TRIM_EVERY = 100


class SharedJournal:
    """The last `capacity` requests of every worker process on one SQLite database."""

    def __init__(
        self, conn: sqlite3.Connection, worker: int, capacity: int = DEFAULT_CAPACITY
    ) -> None:
        self._conn = conn
        self._worker = worker
        self._capacity = capacity

    def record(self, entry: dict[str, Any]) -> None:
        """Remember one request, naming this worker."""
        row = (
            self._worker, entry["method"], entry["path"], entry["query"], entry["status"],
            entry["operation"], entry["durationMs"], entry["at"], entry.get("dropped", False),
            "\n".join(entry.get("ignored", ())) or None,
        )  # fmt: skip
        last = self._conn.execute(_INSERT, row).lastrowid or 0
        if last % _TRIM_EVERY == 0:
            self._conn.execute("DELETE FROM journal WHERE id <= ?", (last - self._capacity,))

    def recent(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Up to `limit` entries of all workers, newest first."""
        count = self._capacity if limit is None else min(limit, self._capacity)
        rows = self._conn.execute(_RECENT, (self._capacity, count)).fetchall()
        entries = []
        for worker, method, path, query, status, operation, duration, at, dropped, ignored in rows:
            entry = {
                "method": method, "path": path, "query": query, "status": status,
                "operation": operation, "durationMs": duration, "at": at, "worker": worker,
            }  # fmt: skip
            if dropped:
                entry["dropped"] = True
            if ignored:
                entry["ignored"] = ignored.split("\n")
            entries.append(entry)
        return entries

    def clear(self) -> None:
        """Forget every entry of every worker."""
        self._conn.execute("DELETE FROM journal")


class JournalMiddleware:
    """Record method, path, masked query, status, operationId, duration and time of requests."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        journal: RequestJournal,
        now: Callable[[], str],
        skip: Callable[[str, str], bool] = lambda method, path: False,
    ) -> None:
        self.app = app
        self.journal = journal
        self.now = now
        self.skip = skip

    def _now(self) -> str:
        """The time to stamp; a clock that cannot be shown never takes a request down."""
        try:
            return self.now()
        except Exception:
            _log.warning("journal: the clock could not be formatted", exc_info=True)
            return _NO_TIME

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on and record how it went."""
        if scope["type"] != "http" or self.skip(scope["method"], scope["path"]):
            await self.app(scope, receive, send)
            return
        # Routing writes the operationId into this shared dict (its scope copies are shallow).
        extensions = scope.setdefault("extensions", {})
        at = self._now()
        status = 500
        started = time.perf_counter()

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            routing = extensions.get(_ROUTING) or {}
            entry = {
                "method": scope["method"],
                "path": scope["path"],
                "query": mask_query(scope.get("query_string", b"").decode("latin-1")),
                "status": status,
                "operation": routing.get("operation_id"),
                "durationMs": round((time.perf_counter() - started) * 1000, 3),
                "at": at,
            }
            ignored = extensions.get(IGNORED)
            if ignored:
                entry["ignored"] = list(ignored)  # what lenient binding left out
            strike = extensions.get(FAULT_MARK)
            if strike is not None and strike.drop is not None:
                entry["dropped"] = True  # the client never received `status`
            self.journal.record(entry)
