"""Faults on the wire: the operation applies a strike; an outermost ASGI middleware
drops the connection or sends the body slowly.

The operation (after authentication and validation) asks the backend for a strike, waits its
latency, and answers its forced code. A dropped connection or a slow body cannot be answered
from inside connexion, so the operation marks the request's scope and `FaultMiddleware`, the
outermost layer, acts on the mark:

- ``drop: before``: the operation does not run; nothing is sent; the connection is closed.
- ``drop: after``: the operation runs (its state change stands), its answer is discarded and
  the connection is closed: the client cannot tell whether the request was processed.
- ``bytesPerSecond``: the answer is sent in chunks of about a tenth of a second each.

Under uvicorn the middleware closes the connection's transport and returns once uvicorn has
seen the connection go, so the server logs nothing. In-process (Starlette's TestClient or
httpx's ASGITransport) there is no socket: the middleware raises `httpx.RemoteProtocolError`,
the error httpx raises when a real server closes the connection without an answer, so a
client sees the same exception in both modes.
"""

from __future__ import annotations

import asyncio
import math
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..domain.errors import DomainError, ErrorCode
from ..domain.faults import DROP_BEFORE, Strike
from .framework import current_scope

__all__ = ["FaultMiddleware", "strike"]

#: The key in the ASGI scope's "extensions" under which an operation leaves its strike.
MARK = "datacollectief_fault"
#: How many slow-body chunks go out per second.
_CHUNKS_PER_SECOND = 10


async def strike(hit: Strike) -> None:
    """Apply a strike inside the operation: wait, mark the request, or fail it."""
    if hit.latency_ms:
        await asyncio.sleep(hit.latency_ms / 1000)
    if hit.drop is not None or hit.bytes_per_second is not None:
        current_scope().setdefault("extensions", {})[MARK] = hit
    if hit.drop == DROP_BEFORE:
        # The handler must not run; this answer is never sent.
        raise DomainError(ErrorCode.DATABASE_TIMEOUT, "The connection was dropped.")
    if hit.error is not None:
        raise DomainError(hit.error)


class FaultMiddleware:
    """Drop the connection of, or slow the body of, requests an operation marked."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; act on the operation's mark, if any."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # Inner layers copy the scope shallowly: they all share this dict.
        extensions: dict[str, Any] = scope.setdefault("extensions", {})
        if extensions is None:  # a server may set it to None
            extensions = scope["extensions"] = {}
        slow: _SlowBody | None = None

        async def send_or_hold(message: Message) -> None:
            nonlocal slow
            hit: Strike | None = extensions.get(MARK)
            if hit is None:
                await send(message)
            elif hit.drop is not None:
                return  # the answer is lost
            elif message["type"] == "http.response.body":
                slow = slow or _SlowBody(send, hit.bytes_per_second or 1)
                await slow.send(message)
            else:
                await send(message)

        await self.app(scope, receive, send_or_hold)
        hit: Strike | None = extensions.get(MARK)
        if hit is not None and hit.drop is not None:
            await _drop(send)


class _SlowBody:
    """Send body messages in small chunks at `rate` bytes per second."""

    def __init__(self, send: Send, rate: int) -> None:
        self._send = send
        self._rate = rate
        self._chunk = max(1, math.ceil(rate / _CHUNKS_PER_SECOND))
        self._loop = asyncio.get_running_loop()
        self._started = self._loop.time()
        self._sent = 0

    async def send(self, message: Message) -> None:
        """Send one body message as paced chunks; the last keeps its `more_body`."""
        body: bytes = message.get("body", b"")
        more_body = bool(message.get("more_body", False))
        for start in range(0, len(body), self._chunk):
            if self._sent:
                due = self._started + self._sent / self._rate
                await asyncio.sleep(max(0.0, due - self._loop.time()))
            part = body[start : start + self._chunk]
            self._sent += len(part)
            last = start + self._chunk >= len(body)
            await self._send(
                {"type": "http.response.body", "body": part, "more_body": more_body or not last}
            )
        if not body:
            await self._send(message)


async def _drop(send: Send) -> None:
    """Close the connection without an answer (uvicorn), or raise what httpx would."""
    from .server import close_connection  # imports uvicorn, which in-process use never needs

    if await close_connection(send):
        return
    import httpx

    raise httpx.RemoteProtocolError("Server disconnected without sending a response.")
