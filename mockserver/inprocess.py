"""The app in-process, as httpx transports: no socket, no server, the service's reason phrases.

`InProcessApp` keeps an ASGI app on one event loop of its own (its lifespan started once).
`transport()` serves sync httpx clients: a request runs that loop in the caller's thread, no
hand-off at all; only a caller already inside a running event loop (sync code called from an
async test) is handed to one helper thread and back. `async_transport()` serves async
clients with no hand-off: the app runs on the caller's own loop. Answers are read whole
before they are returned (nothing streams by surprise), carry the service's reason phrase
(`HTTP/1.1 310 INSUFFICIENT_CREDITS` over a socket), and an exception the app raises
reaches the caller as itself, with a note naming the request.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from types import TracebackType
from typing import Any, Self, TypeVar
from urllib.parse import unquote

import anyio
import httpx
from starlette.types import ASGIApp, Message

from .http.errors import REASON_PHRASES

__all__ = ["CLIENT", "AsyncInProcessTransport", "InProcessApp", "InProcessTransport", "call_app"]

#: The peer address the app sees: loopback, so the control plane answers.
CLIENT = ("127.0.0.1", 50000)
_T = TypeVar("_T")
_REASONS = {status: name.encode("ascii") for status, name in REASON_PHRASES.items()}


def _in_event_loop() -> bool:
    """Whether this thread is running an event loop (then it cannot run another)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


class _Exchange:
    """One request's ASGI receive and send: the body in, the answer collected."""

    def __init__(self, body: bytes) -> None:
        self.body: bytes | None = body
        self.status = 0
        self.headers: list[tuple[bytes, bytes]] = []
        self.chunks: list[bytes] = []
        self.complete = False
        self._done: anyio.Event | None = None

    async def receive(self) -> Message:
        """The body once; then wait until the answer is complete and report a disconnect."""
        if self.body is not None:
            body, self.body = self.body, None
            return {"type": "http.request", "body": body, "more_body": False}
        if not self.complete:
            self._done = self._done or anyio.Event()
            await self._done.wait()
        return {"type": "http.disconnect"}

    async def send(self, message: Message) -> None:
        """Collect the status, headers and body of the answer."""
        if message["type"] == "http.response.start":
            self.status = int(message["status"])
            self.headers = list(message.get("headers", ()))
        elif message["type"] == "http.response.body":
            self.chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                self.complete = True
                if self._done is not None:
                    self._done.set()


def _scope(request: httpx.Request, state: dict[str, Any]) -> dict[str, Any]:
    """The ASGI scope of an httpx request."""
    url = request.url
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": request.method,
        "scheme": url.scheme,
        "path": unquote(url.path),
        "raw_path": url.raw_path.split(b"?", 1)[0],
        "query_string": url.query,
        "root_path": "",
        "headers": [(name.lower(), value) for name, value in request.headers.raw],
        "client": CLIENT,
        "server": (url.host, url.port or (443 if url.scheme == "https" else 80)),
        "extensions": {},
        "state": dict(state),
    }


async def call_app(
    app: ASGIApp, request: httpx.Request, body: bytes, state: dict[str, Any] | None = None
) -> httpx.Response:
    """Run one request through `app` on the running loop; the whole answer, or its exception."""
    exchange = _Exchange(body)
    try:
        await app(_scope(request, state or {}), exchange.receive, exchange.send)
    except Exception as exc:
        exc.add_note(f"(raised by the in-process mock app on {request.method} {request.url.path})")
        raise
    if not exchange.status:
        raise RuntimeError(f"The app sent no answer to {request.method} {request.url.path}.")
    extensions: dict[str, Any] = {"http_version": b"HTTP/1.1"}
    reason = _REASONS.get(exchange.status)
    if reason is not None:
        extensions["reason_phrase"] = reason
    return httpx.Response(
        exchange.status,
        headers=exchange.headers,
        content=b"".join(exchange.chunks),
        request=request,
        extensions=extensions,
    )


class AsyncInProcessTransport(httpx.AsyncBaseTransport):
    """An async httpx transport that calls the app on the caller's event loop (no hand-off)."""

    def __init__(self, app: ASGIApp, state: dict[str, Any] | None = None) -> None:
        self._app = app
        self._state = state if state is not None else {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send one request through the app."""
        return await call_app(self._app, request, await request.aread(), self._state)

    async def aclose(self) -> None:
        """Nothing to close: the app belongs to whoever made it."""


class InProcessTransport(httpx.BaseTransport):
    """A sync httpx transport: each request runs the app's loop until it is answered."""

    def __init__(self, runner: InProcessApp) -> None:
        self._runner = runner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send one request through the app on its loop; wait for the whole answer."""
        body = request.read()
        return self._runner.run(call_app(self._runner.app, request, body, self._runner.state))

    def close(self) -> None:
        """Nothing to close: the loop belongs to the `InProcessApp` (clients come and go)."""


class InProcessApp:
    """An ASGI app on an event loop of its own, its lifespan started once.

    Use it as a context manager (or call `close`): leaving shuts the lifespan down and
    closes the loop. Transports it hands out outlive no `close`; closing them does nothing.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        #: The lifespan state the app set up, copied into every request's scope.
        self.state: dict[str, Any] = {}
        self._loop = asyncio.new_event_loop()
        # One request at a time runs the loop, whichever thread asks.
        self._lock = threading.Lock()
        self._helper: ThreadPoolExecutor | None = None
        self._shutdown: asyncio.Event | None = None
        self._lifespan: asyncio.Future[None] | None = None
        try:
            self.run(self._start_lifespan())
        except BaseException:
            self._loop.close()
            raise

    def run(self, coroutine: Coroutine[Any, Any, _T]) -> _T:
        """Run `coroutine` on the app's loop and return its result: in this thread, or, when
        this thread is already running another event loop, in the helper thread."""
        with self._lock:
            if self._loop.is_closed():
                coroutine.close()
                raise RuntimeError("The in-process mock app is closed.")
            if not _in_event_loop():
                return self._loop.run_until_complete(coroutine)
            if self._helper is None:
                self._helper = ThreadPoolExecutor(1, thread_name_prefix="datacollectief-mock")
            return self._helper.submit(self._loop.run_until_complete, coroutine).result()

    def transport(self) -> InProcessTransport:
        """A transport for `httpx.Client(transport=...)`."""
        return InProcessTransport(self)

    def async_transport(self) -> AsyncInProcessTransport:
        """A transport for `httpx.AsyncClient(transport=...)`: the app on the caller's loop."""
        return AsyncInProcessTransport(self.app, self.state)

    async def _start_lifespan(self) -> None:
        """Send `lifespan.startup` and wait for the app's answer; an app without one is fine."""
        started: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        self._shutdown = asyncio.Event()
        shutdown = self._shutdown
        messages = iter(({"type": "lifespan.startup"},))

        async def receive() -> Message:
            message = next(messages, None)
            if message is not None:
                return message
            await shutdown.wait()
            return {"type": "lifespan.shutdown"}

        async def send(message: Message) -> None:
            if message["type"].startswith("lifespan.startup.") and not started.done():
                started.set_result(message["type"])

        async def lifespan() -> None:
            scope = {"type": "lifespan", "asgi": {"version": "3.0"}, "state": self.state}
            try:
                await self.app(scope, receive, send)
            except Exception:
                if not started.done():  # the app has no lifespan: nothing to start
                    started.set_result("lifespan.unsupported")

        self._lifespan = asyncio.ensure_future(lifespan())
        outcome = await started
        if outcome == "lifespan.startup.failed":
            raise RuntimeError("The app's lifespan start-up failed.")

    async def _stop_lifespan(self) -> None:
        if self._shutdown is not None and self._lifespan is not None:
            self._shutdown.set()
            await asyncio.wait_for(self._lifespan, timeout=10)

    def close(self) -> None:
        """Shut the lifespan down, close the loop and its helper thread (once)."""
        if self._loop.is_closed():
            return
        try:
            self.run(self._stop_lifespan())
        finally:
            with self._lock:
                if self._helper is not None:
                    self._helper.shutdown()
                self._loop.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
