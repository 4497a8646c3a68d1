"""uvicorn in one place: serving the app on a bound socket, one process or several.

uvicorn 0.54 (pinned to 0.54.x in pyproject.toml) is used through its internals here only:
the httptools protocol's `send_400_response`, the supervisor behind `Multiprocess.run` (re-run
step by step to print the banner once every worker answers) and the request-response cycle
that a dropped connection closes. `tests/unit/test_framework_internals.py` checks each.
"""

from __future__ import annotations

import asyncio
import socket
import sys
import typing as t
from collections.abc import Callable

import uvicorn
from uvicorn.config import STARTUP_FAILURE
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.supervisors import Multiprocess

from .protocol import (
    ForwardedReasonSocketTransport,
    ReasonPhraseSocketTransport,
    parse_error_answer,
)

__all__ = [
    "ForwardingHttpToolsProtocol",
    "ServiceHttpToolsProtocol",
    "close_connection",
    "serve",
    "serve_workers",
]

#: How many event-loop turns `close_connection` waits for uvicorn to see the connection go.
_CLOSE_TURNS = 50


class ServiceHttpToolsProtocol(HttpToolsProtocol):
    """HttpToolsProtocol with the service's reason phrases and parser-level 400 body."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        """Serve the connection through a transport that writes the service's reason phrases."""
        wrapped = ReasonPhraseSocketTransport(t.cast(asyncio.Transport, transport))
        super().connection_made(t.cast(asyncio.Transport, wrapped))

    def send_400_response(self, msg: str) -> None:
        """Answer 400 naming the parser's complaint, then close the connection."""
        self.transport.write(parse_error_answer(msg, self.server_state.default_headers))
        self.transport.close()


class ForwardingHttpToolsProtocol(HttpToolsProtocol):
    """HttpToolsProtocol that sends the reason phrase a proxying app names (see protocol.py)."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        """Serve the connection through a transport that writes forwarded reason phrases."""
        self._forwarding = ForwardedReasonSocketTransport(t.cast(asyncio.Transport, transport))
        super().connection_made(t.cast(asyncio.Transport, self._forwarding))

    def on_response_complete(self) -> None:
        """After every response, HEAD's included: the transport expects the next head."""
        self._forwarding.response_done()
        super().on_response_complete()


def serve(
    app: t.Any, sock: socket.socket, *, log_level: str, access_log: bool, forwarding: bool = False
) -> None:
    """Serve `app` on the listening `sock` in this process until a signal stops it.

    With `forwarding` (the proxy), the app's answers go out as it gives them: with the reason
    phrase it names, and without uvicorn's own Date and Server headers.
    """
    config = uvicorn.Config(
        app, log_level=log_level, access_log=access_log,
        http=ForwardingHttpToolsProtocol if forwarding else ServiceHttpToolsProtocol,
        date_header=not forwarding, server_header=not forwarding,
    )  # fmt: skip
    uvicorn.Server(config).run(sockets=[sock])


def serve_workers(
    factory: str,
    workers: int,
    sock: socket.socket,
    *,
    log_level: str,
    access_log: bool,
    on_ready: Callable[[], None],
) -> int:
    """Run `workers` processes serving the app `factory` ("module:function") on `sock`.

    `on_ready` runs once every worker answers. The exit status is 1 when a worker failed
    to start or the workers were not ready in time, else 0.
    """
    config = uvicorn.Config(
        factory, factory=True, workers=workers, log_level=log_level, access_log=access_log,
        http=ServiceHttpToolsProtocol,
    )  # fmt: skip
    return _supervise(Multiprocess(config, sockets=[sock]), on_ready)


def _supervise(supervisor: Multiprocess, on_ready: Callable[[], None]) -> int:
    """`Multiprocess.run`, calling `on_ready` only once every worker answers."""
    supervisor.init_processes()
    timeout = supervisor.config.timeout_worker_healthcheck * 12
    ready = all(
        process.wait_until_ready(timeout, supervisor.should_exit)
        for process in supervisor.processes
    )
    supervisor.handle_signals()  # a SIGINT/SIGTERM that came during the start stops it
    stopping = supervisor.should_exit.is_set()
    if ready and not stopping:
        on_ready()
    elif not stopping:
        print(f"the workers did not start within {timeout} s", file=sys.stderr)
        supervisor.should_exit.set()
    while not supervisor.should_exit.wait(0.5):
        supervisor.handle_signals()
        supervisor.keep_subprocess_alive()
    supervisor.terminate_all()
    supervisor.join_all()
    failed = any(process.exitcode == STARTUP_FAILURE for process in supervisor.processes)
    return 1 if failed or not ready else 0


async def close_connection(send: t.Any) -> bool:
    """Close the connection `send` answers on, under uvicorn; False when it is not uvicorn's.

    Returns once uvicorn has seen the connection go, so that it neither logs an error nor
    sends a 500.
    """
    cycle: t.Any = getattr(send, "__self__", None)
    transport: t.Any = getattr(cycle, "transport", None)
    # Duck-typed: uvloop's transports do not derive from asyncio's.
    if not (callable(getattr(transport, "close", None)) and hasattr(cycle, "disconnected")):
        return False
    transport.close()
    # uvicorn marks the cycle disconnected when the loop reports the connection lost.
    for _ in range(_CLOSE_TURNS):
        if cycle.disconnected:
            return True
        await asyncio.sleep(0)
    return True
