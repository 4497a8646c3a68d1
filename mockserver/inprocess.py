"""What the in-process app needs to answer like a server: the service's reason phrases."""

from __future__ import annotations

import httpx

from .http.errors import REASON_PHRASES

__all__ = ["ReasonPhraseTransport"]


class ReasonPhraseTransport(httpx.BaseTransport):
    """Wrap an in-process transport so answers carry the service's reason phrase.

    Over a socket the server sends `HTTP/1.1 310 INSUFFICIENT_CREDITS`; httpx shows it as
    `Response.reason_phrase` from the `reason_phrase` extension, which this sets likewise.
    """

    def __init__(self, transport: httpx.BaseTransport) -> None:
        self._transport = transport

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send through the wrapped transport; name the status of a service code."""
        response = self._transport.handle_request(request)
        name = REASON_PHRASES.get(response.status_code)
        if name is not None:
            response.extensions["reason_phrase"] = name.encode("ascii")
        return response

    def close(self) -> None:
        """Close the wrapped transport."""
        self._transport.close()
