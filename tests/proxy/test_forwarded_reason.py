"""The server side of forwarding a reason phrase: the app names it in a header, the transport
moves it into the status line."""

from __future__ import annotations

import asyncio
import typing as t

from mockserver.http.protocol import FORWARDED_REASON_HEADER, ForwardedReasonSocketTransport
from mockserver.proxy.app import REASON_HEADER


class _Wire:
    """A transport that keeps what is written."""

    def __init__(self) -> None:
        self.written: list[bytes] = []

    def write(self, data: bytes) -> None:
        self.written.append(data)


def _through(*chunks: bytes) -> list[bytes]:
    wire = _Wire()
    transport = ForwardedReasonSocketTransport(t.cast(asyncio.Transport, wire))
    for chunk in chunks:
        transport.write(chunk)
    return wire.written


def test_the_app_and_the_server_agree_on_the_header() -> None:
    # Given the proxy app's header and the one the server's transport reads
    # Then they are the same
    assert REASON_HEADER == FORWARDED_REASON_HEADER


def test_a_named_reason_phrase_replaces_the_status_lines_and_its_header_goes() -> None:
    # Given a head with the forwarded phrase of a 308 (uvicorn writes none for it)
    head = (
        b"HTTP/1.1 308 \r\ncontent-type: application/json\r\n"
        b"x-proxy-reason-phrase: UNKNOWN_CONTACT_ID\r\ncontent-length: 2\r\n\r\n"
    )
    # When it and the body are written
    written = _through(head, b"{}")
    # Then the status line carries the phrase, the header is gone and the body is untouched
    assert written == [
        b"HTTP/1.1 308 UNKNOWN_CONTACT_ID\r\ncontent-type: application/json\r\n"
        b"content-length: 2\r\n\r\n",
        b"{}",
    ]


def test_a_head_without_the_header_and_a_body_naming_it_pass_unchanged() -> None:
    # Given a head without the header, and a body that merely contains its text
    head = b"HTTP/1.1 200 OK\r\ncontent-length: 40\r\n\r\n"
    body = b"HTTP/1.1 \r\nx-proxy-reason-phrase: X\r\n\r\n"
    # When both are written
    # Then both pass unchanged
    assert _through(head, body) == [head, body]
