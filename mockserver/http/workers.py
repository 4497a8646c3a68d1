"""Serving with several worker processes: take the shared state per request, name the worker."""

from __future__ import annotations

from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["WORKER_HEADER", "WorkerMiddleware"]

#: Response header naming the process id of the worker that answered (only with workers > 1).
WORKER_HEADER = "X-Mock-Worker"


class WorkerMiddleware:
    """Before each request read what other workers changed; stamp the answer with this worker."""

    def __init__(self, app: ASGIApp, *, refresh: Callable[[], None], worker: int) -> None:
        self.app = app
        self.refresh = refresh
        self.header = (WORKER_HEADER.lower().encode("latin-1"), str(worker).encode("latin-1"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refresh, pass the request on, add the worker header to the response."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.refresh()

        async def send_named(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", ()), self.header]}
            await send(message)

        await self.app(scope, receive, send_named)
