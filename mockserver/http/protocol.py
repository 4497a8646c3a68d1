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

__all__ = [
    "FORWARDED_REASON_HEADER",
    "ForwardedReasonSocketTransport",
    "ReasonPhraseSocketTransport",
    "parse_error_answer",
    "status_line",
]

_PREFIX = b"HTTP/1.1 "
#: The header an app (the proxy) names a response's reason phrase in; sent as the phrase instead.
FORWARDED_REASON_HEADER = b"x-proxy-reason-phrase"


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


class ForwardedReasonSocketTransport:
    """A transport that sends the reason phrase the app gave in `FORWARDED_REASON_HEADER`.

    The proxy forwards an upstream's reason phrase unchanged, whatever it is; the header
    line is taken out of the head. A response without it keeps uvicorn's status line. The
    proxy's answers carry a Content-Length, so the body bytes are counted and a body that
    looks like a head is never taken for one.
    """

    _MARK = b"\r\n" + FORWARDED_REASON_HEADER + b": "
    _LENGTH = b"\r\ncontent-length: "

    def __init__(self, transport: asyncio.Transport) -> None:
        self._transport = transport
        self._body_left = 0

    def write(self, data: bytes | bytearray | memoryview) -> None:
        """Write `data`, moving a forwarded reason phrase into the status line."""
        chunk = bytes(data)
        if self._body_left > 0:
            self._body_left -= len(chunk)
        elif chunk.startswith(_PREFIX) and b"\r\n\r\n" in chunk:
            chunk = self._rewrite(chunk, chunk.find(b"\r\n\r\n"))
            head_end = chunk.find(b"\r\n\r\n")
            self._body_left = _header_int(chunk, self._LENGTH, head_end) - (
                len(chunk) - head_end - 4
            )
        self._transport.write(chunk)

    def response_done(self) -> None:
        """The response is complete: what comes next is a head (a HEAD answer has no body)."""
        self._body_left = 0

    def _rewrite(self, chunk: bytes, head_end: int) -> bytes:
        start = chunk.find(self._MARK, 0, head_end)
        if start < 0:
            return chunk
        end = chunk.index(b"\r\n", start + 2)
        reason = chunk[start + len(self._MARK) : end]
        line_end = chunk.index(b"\r\n")
        return chunk[:12] + b" " + reason + chunk[line_end:start] + chunk[end:]

    def __getattr__(self, name: str) -> t.Any:
        return getattr(self._transport, name)


def _header_int(head: bytes, mark: bytes, head_end: int) -> int:
    """The integer value of the header line starting with `mark` (lower case), or 0."""
    start = head.lower().find(mark, 0, head_end)
    if start < 0:
        return 0
    end = head.index(b"\r\n", start + 2)
    value = head[start + len(mark) : end].strip()
    return int(value) if value.isdigit() else 0


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
