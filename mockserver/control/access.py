"""Who may use the control plane: loopback clients, or anyone with the control token."""

from __future__ import annotations

import hmac
import ipaddress

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from .context import error

__all__ = ["PREFIX", "TOKEN_HEADER", "ControlAccess", "is_journal_request", "is_loopback"]

PREFIX = "/_mock"
TOKEN_HEADER = "X-Mock-Token"
#: The client host starlette's TestClient reports (in-process, so local).
_TEST_CLIENT = "testclient"


def is_loopback(host: str | None) -> bool:
    """True for 127.0.0.0/8, ::1 (also IPv4-mapped) and the in-process test client."""
    if host == _TEST_CLIENT:
        return True
    try:
        address = ipaddress.ip_address(host or "")
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


def is_journal_request(method: str, path: str) -> bool:
    """True for requests to the journal itself, which it does not record."""
    return path == f"{PREFIX}/journal"


class ControlAccess:
    """ASGI middleware: 403 for requests under /_mock that may not use the control plane."""

    def __init__(self, app: ASGIApp, *, token: str | None = None) -> None:
        self.app = app
        self.token = token.encode() if token else None

    def _refusal(self, scope: Scope) -> str | None:
        if self.token is not None:
            sent = Headers(scope=scope).get(TOKEN_HEADER, "").encode("latin-1")
            if hmac.compare_digest(sent, self.token):
                return None
            return f"The control plane needs a valid {TOKEN_HEADER} header."
        client = scope.get("client")
        if is_loopback(client[0] if client else None):
            return None
        return "The control plane answers loopback clients only."

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse or pass on."""
        path = scope.get("path", "")
        if scope["type"] == "http" and (path == PREFIX or path.startswith(PREFIX + "/")):
            refusal = self._refusal(scope)
            if refusal is not None:
                await error(403, refusal)(scope, receive, send)
                return
        await self.app(scope, receive, send)
