"""uvicorn's httptools protocol, answering requests its parser refuses in the service's format.

The HTTP parser refuses some requests before any ASGI code runs: a request target over
65535 bytes, a malformed request line or header, a bad Content-Length. uvicorn answers those
with a plain-text 400 and closes the connection; this protocol sends the same 400 as
`{Message, Code, Status}` JSON with the `X-Error-Status` header, as every other bad request
gets. They do not count towards the per-IP limit (313): no application code sees them.
"""

from __future__ import annotations

import json

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from .errors import STATUS_HEADER

__all__ = ["ServiceHttpToolsProtocol"]


class ServiceHttpToolsProtocol(HttpToolsProtocol):
    """HttpToolsProtocol whose parser-level 400 is the service's error body."""

    def send_400_response(self, msg: str) -> None:
        """Answer 400 BAD_REQUEST naming the parser's complaint, then close the connection."""
        body = json.dumps(
            {
                "Message": f"The request could not be parsed: {msg}",
                "Code": 400,
                "Status": "BAD_REQUEST",
            }
        ).encode()
        head = [b"HTTP/1.1 400 Bad Request\r\n"]
        for name, value in self.server_state.default_headers:
            head.append(name + b": " + value + b"\r\n")
        head += [
            b"content-type: application/json\r\n",
            STATUS_HEADER.lower().encode() + b": BAD_REQUEST\r\n",
            b"content-length: " + str(len(body)).encode("ascii") + b"\r\n",
            b"connection: close\r\n\r\n",
        ]
        self.transport.write(b"".join(head) + body)
        self.transport.close()
