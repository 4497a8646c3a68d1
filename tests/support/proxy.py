"""The validating proxy as a process, and a scripted upstream that answers as a test says."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

__all__ = ["Answer", "ProxyProcess", "ScriptedUpstream", "proxy_process", "scripted_upstream"]


@dataclass
class ProxyProcess:
    """A running `python -m mockserver proxy` and everything it printed so far."""

    url: str
    output: list[str] = field(default_factory=list)

    def departure_lines(self) -> list[str]:
        """The JSON lines it logged for departures."""
        return [line for line in self.output if line.startswith('{"departure"')]


@contextmanager
def proxy_process(upstream: str, *extra: str) -> Iterator[ProxyProcess]:
    """`python -m mockserver proxy --upstream upstream` on a free loopback port."""
    from mockserver.server_process import stop_server

    process = subprocess.Popen(
        [sys.executable, "-m", "mockserver", "proxy", "--upstream", upstream, "--port", "0",
         *extra],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    try:
        for line in process.stdout:
            if "listening on " in line:
                url = line.split("listening on ", 1)[1].split(",", 1)[0]
                break
        else:
            raise RuntimeError("the proxy exited before it was listening")
        running = ProxyProcess(url)
        stream = process.stdout

        def drain() -> None:
            for line in stream:
                running.output.append(line.rstrip("\n"))

        threading.Thread(target=drain, daemon=True).start()
        yield running
    finally:
        stop_server(process)


@dataclass(frozen=True)
class Answer:
    """What the scripted upstream sends: a status line, headers and a body (or a misdeed)."""

    status: int
    body: bytes = b""
    content_type: str | None = "application/json"
    reason: str | None = None
    headers: tuple[tuple[str, str], ...] = ()
    #: Wait this long before answering.
    delay: float = 0.0
    #: Send only this many bytes of the body, then close the connection.
    cut_at: int | None = None


Script = Callable[[str], Answer]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: ScriptedUpstream

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        answer = self.server.script(self.path)
        if answer.delay:
            time.sleep(answer.delay)
        self.send_response_only(answer.status, answer.reason)
        if answer.content_type:
            self.send_header("Content-Type", answer.content_type)
        for name, value in answer.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        if answer.cut_at is not None:
            self.wfile.write(answer.body[: answer.cut_at])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(answer.body)

    do_GET = do_POST = _answer

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


class ScriptedUpstream(ThreadingHTTPServer):
    """A loopback HTTP server answering each request as `script(path with query)` says."""

    daemon_threads = True

    def __init__(self, script: Script) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.script = script

    @property
    def url(self) -> str:
        """Its base URL."""
        return f"http://127.0.0.1:{self.server_address[1]}"


@contextmanager
def scripted_upstream(script: Script) -> Iterator[ScriptedUpstream]:
    """A `ScriptedUpstream` serving in a thread until the block ends."""
    server = ScriptedUpstream(script)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
