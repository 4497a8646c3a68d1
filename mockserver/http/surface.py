"""The verified surface: only what the public sources show to exist (`serve --surface verified`).

An operation the sources do not name answers 300 UNKNOWN_REQUEST_TYPE, as the service would if
it did not have it; every answer leaves out the members the contract only infers
(`x-inferred`), and the inferred `X-Error-Status` header. Code that passes against this surface
depends on nothing the contract guessed.
"""

from __future__ import annotations

import json
import typing as t

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..provenance import inferred_operations, operations, response_schema, strip_inferred
from .errors import STATUS_HEADER, error_body
from .framework import ROUTING_EXTENSION

__all__ = ["VerifiedSurfaceMiddleware"]

_ROUTING = ROUTING_EXTENSION
_ERROR = {"$ref": "#/components/schemas/Error"}
_DROPPED_HEADERS = frozenset({b"content-length", STATUS_HEADER.lower().encode("ascii")})


class VerifiedSurfaceMiddleware:
    """Answer only the verified surface of the contract (see the module docstring)."""

    def __init__(self, app: ASGIApp, *, spec: t.Mapping[str, t.Any]) -> None:
        self.app = app
        self.spec = spec
        inferred = inferred_operations(spec)
        self._hidden = {
            (method.upper(), path) for path, method, op in operations(spec)
            if op["operationId"] in inferred
        }  # fmt: skip
        self._schemas = {
            op["operationId"]: response_schema(spec, op, 200) for _, _, op in operations(spec)
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse inferred operations; strip inferred members from /api answers."""
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        if (scope["method"], scope["path"]) in self._hidden:
            body = strip_inferred(self.spec, _ERROR, error_body(300))
            await _send_json(send, 300, json.dumps(body).encode())
            return
        extensions = scope.setdefault("extensions", {})
        start: Message = {}
        chunks: list[bytes] = []

        async def hold(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            operation = (extensions.get(_ROUTING) or {}).get("operation_id")
            await self._release(send, start, b"".join(chunks), operation)

        await self.app(scope, receive, hold)

    async def _release(
        self, send: Send, start: Message, body: bytes, operation: str | None
    ) -> None:
        """Send the held answer, stripped of what the contract infers."""
        status = int(start["status"])
        schema = self._schemas.get(operation or "") if status == 200 else _ERROR
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in _DROPPED_HEADERS]
        if schema is not None and body:
            try:
                value = json.loads(body)
            except (UnicodeDecodeError, json.JSONDecodeError):
                pass
            else:
                body = json.dumps(strip_inferred(self.spec, schema, value)).encode()
        headers.append((b"content-length", str(len(body)).encode("ascii")))
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body, "more_body": False})


async def _send_json(send: Send, status: int, body: bytes) -> None:
    """Send a whole JSON answer."""
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode("ascii")),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})
