"""The status line and parser errors as the service sends them (for `server.py`'s protocol).

- **Reason phrases.** The service sends each error code's status name as the HTTP reason
  phrase (`HTTP/1.1 310 INSUFFICIENT_CREDITS`), and clients read it from there. ASGI has no
  field for a reason phrase and uvicorn writes its own table's (empty for 309-319), so the
  protocol hands uvicorn a transport that rewrites the status line of such a response.
- **Parser errors.** The HTTP parser refuses some requests before any ASGI code runs: a
  request target over 65535 bytes, a malformed request line or header, a bad Content-Length.
  uvicorn answers those with a plain-text 400 and closes the connection; the protocol sends
  the service's error body with the `X-Error-Status` header, as every other bad request gets.
  They do not count towards the per-IP limit (313): no application code sees them.
"""

from __future__ import annotations

import asyncio
import json
import typing as t

from .errors import REASON_PHRASES, STATUS_HEADER, error_body

__all__ = ["ReasonPhraseSocketTransport", "parse_error_answer", "status_line"]

_PREFIX = b"HTTP/1.1 "


def status_line(code: int) -> bytes:
    """The status line the service sends for `code`."""
    return f"HTTP/1.1 {code} {REASON_PHRASES[code]}\r\n".encode("ascii")


_LINES = {str(code).encode("ascii"): status_line(code) for code in REASON_PHRASES}


class ReasonPhraseSocketTransport:
    """A transport whose status lines of the service's codes carry the status name.

    uvicorn writes a response's status line and headers in one `write`, starting with
    `HTTP/1.1 NNN `; a body write never comes first. Everything else passes through.
    """

    def __init__(self, transport: asyncio.Transport) -> None:
        self._transport = transport

    def write(self, data: bytes | bytearray | memoryview) -> None:
        """Write `data`, replacing a service code's status line."""
        chunk = bytes(data)
        if chunk.startswith(_PREFIX):
            line = _LINES.get(chunk[9:12])
            if line is not None:
                end = chunk.index(b"\r\n") + 2
                chunk = line + chunk[end:]
        self._transport.write(chunk)

    def __getattr__(self, name: str) -> t.Any:
        return getattr(self._transport, name)


def parse_error_answer(msg: str, default_headers: t.Iterable[tuple[bytes, bytes]]) -> bytes:
    """The whole 400 answer to a request the HTTP parser refused with `msg`."""
    body = json.dumps(error_body(400, f"The request could not be parsed: {msg}")).encode()
    head = [b"HTTP/1.1 400 Bad Request\r\n"]
    for name, value in default_headers:
        head.append(name + b": " + value + b"\r\n")
    head += [
        b"content-type: application/json\r\n",
        STATUS_HEADER.lower().encode() + b": BAD_REQUEST\r\n",
        b"content-length: " + str(len(body)).encode("ascii") + b"\r\n",
        b"connection: close\r\n\r\n",
    ]
    return b"".join(head) + body
