"""The server side of forwarding a reason phrase: the app names it in a header, the transport
moves it into the status line."""

from __future__ import annotations

import asyncio
import typing as t

from mockserver.http.protocol import ForwardedReasonSocketTransport


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


def test_after_a_bodiless_answer_to_head_the_next_head_is_rewritten_too() -> None:
    # Given the head of a HEAD request's answer, which names a length but sends no body
    wire = _Wire()
    transport = ForwardedReasonSocketTransport(t.cast(asyncio.Transport, wire))
    transport.write(b"HTTP/1.1 200 \r\nx-proxy-reason-phrase: OK\r\ncontent-length: 5\r\n\r\n")
    # When the response is complete and the next answer's head is written
    transport.response_done()
    transport.write(
        b"HTTP/1.1 308 \r\nx-proxy-reason-phrase: UNKNOWN_SELECTION_ID\r\ncontent-length: 0\r\n\r\n"
    )
    # Then that head carries its phrase and not the header
    assert wire.written[-1] == b"HTTP/1.1 308 UNKNOWN_SELECTION_ID\r\ncontent-length: 0\r\n\r\n"
