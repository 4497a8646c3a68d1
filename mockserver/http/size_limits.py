"""A pure ASGI middleware that refuses oversized query strings, headers and bodies with a 400.

The limits leave room for every request the contract allows. The longest schema-valid query is
UserFeedbackCompany's: a 2000-character `memo` and a 500-character `otherReason`, each character
a 4-byte UTF-8 one that percent-encodes to 12 bytes, plus its other fields and the longest
credentials: about 55 KB. A list of 100 ten-digit record numbers (`IdListText`) takes 1.3 KB.
The longest schema-valid JSON body, UserFeedbackCompanyV2's, is about 49 KB with every
character escaped as a `\\uXXXX` surrogate pair. The HTTP parser refuses request targets over
65535 bytes on its own (httptools), so the query limit stays below that: a query between the
two limits still gets the service's error format.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .asgi import header, may_have_body
from .errors import error_response

__all__ = ["MAX_BODY_BYTES", "MAX_HEADER_BYTES", "MAX_QUERY_BYTES", "SizeLimitMiddleware"]

#: Query string (after `?`, as sent, percent-encoded).
MAX_QUERY_BYTES = 60 * 1024
#: All header names and values together; browsers' cookies stay far below.
MAX_HEADER_BYTES = 32 * 1024
#: The request body, whether its length is declared or it is sent in chunks.
MAX_BODY_BYTES = 64 * 1024
_CONTROL_PREFIX = "/_mock/"


class SizeLimitMiddleware:
    """Answer a request over a size limit with 400 BAD_REQUEST naming the limit and the size."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        on_bad_input: Callable[[str], None],
        max_query: int = MAX_QUERY_BYTES,
        max_headers: int = MAX_HEADER_BYTES,
        max_body: int = MAX_BODY_BYTES,
    ) -> None:
        self.app = app
        self.on_bad_input = on_bad_input
        self.max_query = max_query
        self.max_headers = max_headers
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the sizes, read a body up to its limit, then pass the request on."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = self._head_problem(scope)
        if problem is None and may_have_body(scope):
            first, problem = await self._read_body(receive)
            if problem is None:
                receive = _replay(first, receive)
                if first["type"] == "http.request":
                    scope = _with_length(scope, len(first["body"]))
        if problem is not None:
            await self._refuse(scope, send, problem)
            return
        await self.app(scope, receive, send)

    def _head_problem(self, scope: Scope) -> str | None:
        """What is too large in the request line and headers, if anything."""
        query = len(scope.get("query_string", b""))
        if query > self.max_query:
            return _too_large("The query string is", query, self.max_query)
        headers = sum(len(name) + len(value) for name, value in scope["headers"])
        if headers > self.max_headers:
            return _too_large("The request headers are", headers, self.max_headers)
        declared = header(scope, b"content-length")
        if declared is not None:
            if not (declared.isascii() and declared.isdigit()):
                return f"The Content-Length header {declared[:40]!r} is not a number of bytes."
            if int(declared) > self.max_body:
                return _too_large("The request body is", int(declared), self.max_body)
        return None

    async def _read_body(self, receive: Receive) -> tuple[Message, str | None]:
        """The whole body as one message, or a problem once more than the limit has arrived."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                # The client went away: the app sees the disconnect as usual.
                return message, None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                return message, (
                    f"The request body is too large: {size} bytes arrived before its end;"
                    f" at most {self.max_body} bytes are accepted."
                )
            chunks.append(chunk)
            if not message.get("more_body", False):
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}, None

    async def _refuse(self, scope: Scope, send: Send, problem: str) -> None:
        """Send the 400 in the service's format and count it as bad input of the client's IP."""
        if not scope["path"].startswith(_CONTROL_PREFIX):
            client = scope.get("client")
            self.on_bad_input(client[0] if client else "unknown")
        answer = error_response(400, problem)
        body = answer.body if isinstance(answer.body, bytes) else str(answer.body).encode()
        headers = [
            (name.lower().encode("latin-1"), value.encode("latin-1"))
            for name, value in (answer.headers or {}).items()
        ]
        if not any(name == b"content-type" for name, _ in headers):
            headers.append((b"content-type", b"application/json"))
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": 400, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _too_large(subject: str, size: int, limit: int) -> str:
    return f"{subject} {size} bytes long; at most {limit} bytes are accepted."


def _with_length(scope: Scope, length: int) -> Scope:
    """The scope with the body's Content-Length in place of chunked transfer encoding.

    connexion takes a request without Content-Length for one without a body.
    """
    headers = [
        (name, value)
        for name, value in scope["headers"]
        if name.lower() not in (b"content-length", b"transfer-encoding")
    ]
    return {**scope, "headers": [*headers, (b"content-length", str(length).encode())]}


def _replay(first: Message, receive: Receive) -> Receive:
    """A receive that hands over the message read already, then the client's own messages."""
    pending = True

    async def replay() -> Message:
        nonlocal pending
        if pending:
            pending = False
            return first
        return await receive()

    return replay
