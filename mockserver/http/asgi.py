"""Small readers of an ASGI request scope, shared by the HTTP middlewares."""

from __future__ import annotations

from starlette.types import Scope

__all__ = ["header", "may_have_body"]


def header(scope: Scope, name: bytes) -> str | None:
    """The first value of the request header `name` (lower case), stripped; None when absent."""
    for key, value in scope["headers"]:
        if key.lower() == name:
            return bytes(value).decode("latin-1").strip()
    return None


def may_have_body(scope: Scope) -> bool:
    """Whether the request declares a body (a length above 0, or chunks)."""
    length = header(scope, b"content-length")
    return (length is not None and length != "0") or header(scope, b"transfer-encoding") is not None
