"""The proxy as a raw ASGI app: forwards /api/... to the upstream, checks and records each
exchange, and shows what it found under /_proxy."""

from __future__ import annotations

import asyncio
import hmac
import json
import typing as t
import zlib

import httpx

from ..http.protocol import FORWARDED_REASON_HEADER
from .checks import Exchange
from .ledger import Ledger
from .recording import Recorder, fixture_of

__all__ = ["TOKEN_HEADER", "ProxyApp"]

#: The header the app hands the upstream's reason phrase to the server in (never sent on).
TOKEN_HEADER = "X-Proxy-Token"
PREFIX = "/_proxy"
_HOP_BY_HOP = frozenset({
    b"connection", b"keep-alive", b"proxy-authenticate", b"proxy-authorization", b"te",
    b"trailer", b"trailers", b"transfer-encoding", b"upgrade", b"host",
})  # fmt: skip
#: Statuses whose answers have no body, so no Content-Length is added to them.
_NO_BODY = frozenset({204, 304})

Scope = t.MutableMapping[str, t.Any]
Receive = t.Callable[[], t.Awaitable[t.MutableMapping[str, t.Any]]]
Send = t.Callable[[t.MutableMapping[str, t.Any]], t.Awaitable[None]]


class ProxyApp:
    """Forwards `/api/...` unchanged to `upstream` and answers with the upstream's answer.

    An unreachable upstream, or one that closes mid-answer, gives 502; one slower than
    `timeout` seconds (for the whole answer) gives 504; both in the service's error shape.
    With `token`, `/_proxy/*` needs it in `X-Proxy-Token`.
    """

    def __init__(
        self,
        upstream: str,
        ledger: Ledger,
        *,
        timeout: float = 30.0,
        recorder: Recorder | None = None,
        token: str | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.upstream = httpx.URL(upstream.rstrip("/"))
        self.ledger = ledger
        self.timeout = timeout
        self.recorder = recorder
        self.token = token.encode() if token else None
        self._transport = transport
        self._client: httpx.AsyncClient | None = None

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(
                transport=self._transport, timeout=self.timeout, trust_env=False,
                follow_redirects=False,
            )  # fmt: skip
        return self._client

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one ASGI connection scope."""
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        path: str = scope["path"]
        if path == PREFIX or path.startswith(PREFIX + "/"):
            await self._control(scope, send)
        elif path.lower().startswith("/api/"):
            await self._forward(scope, receive, send)
        else:
            await _answer(send, 404, {"Message": "The proxy forwards /api/... only."})

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if self._client is not None:
                    await self._client.aclose()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _control(self, scope: Scope, send: Send) -> None:
        if self.token is not None:
            sent = dict(scope["headers"]).get(TOKEN_HEADER.lower().encode(), b"")
            if not hmac.compare_digest(sent, self.token):
                message = f"/_proxy needs a valid {TOKEN_HEADER} header."
                await _answer(send, 403, {"Message": message})
                return
        if scope["method"] != "GET":
            await _answer(send, 405, {"Message": "The proxy's own pages answer GET only."})
        elif scope["path"] == f"{PREFIX}/departures":
            await _answer(send, 200, self.ledger.departures())
        elif scope["path"] == f"{PREFIX}/report":
            await _answer(send, 200, self.ledger.report())
        else:
            await _answer(send, 404, {"Message": "Try /_proxy/departures or /_proxy/report."})

    async def _forward(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = await _read_body(receive)
        headers = [
            (k, v)
            for k, v in scope["headers"]
            if k.lower() not in _HOP_BY_HOP | {b"content-length"}
        ]
        target: bytes = scope.get("raw_path") or scope["path"].encode()
        if scope["query_string"]:
            target += b"?" + scope["query_string"]
        url = self.upstream.copy_with(raw_path=self.upstream.raw_path.rstrip(b"/") + target)
        request = httpx.Request(scope["method"], url, headers=headers, content=body)
        try:
            status, reason, answer_headers, raw = await asyncio.wait_for(
                self._fetch(request), self.timeout
            )
        except (TimeoutError, httpx.TimeoutException):
            await _answer(
                send, 504, _error(f"The upstream did not answer within {self.timeout} s.")
            )
            return
        except httpx.HTTPError as exc:
            # The exception's text may hold the URL, credentials included: name its kind only.
            await _answer(send, 502, _error(f"The upstream failed: {type(exc).__name__}."))
            return
        await send({
            "type": "http.response.start", "status": status,
            "headers": [*answer_headers, (FORWARDED_REASON_HEADER, reason)],
        })  # fmt: skip
        await send({"type": "http.response.body", "body": raw})
        try:
            self._observe(scope, body, status, reason, answer_headers, raw)
        except Exception as exc:  # a check must never stop the proxy; name no value
            failure = {"path": scope["path"], "exception": type(exc).__name__}
            self.ledger.log(json.dumps({"check failed": failure}))

    async def _fetch(
        self, request: httpx.Request
    ) -> tuple[int, bytes, list[tuple[bytes, bytes]], bytes]:
        """The upstream's whole answer: status, reason phrase, headers to send on, raw body."""
        response = await self._http().send(request, stream=True)
        try:
            if response.is_stream_consumed:  # an in-memory answer (httpx.MockTransport)
                raw = response.content
            else:
                raw = b"".join([chunk async for chunk in response.aiter_raw()])
        finally:
            await response.aclose()
        reason: bytes = response.extensions.get("reason_phrase", b"")
        headers = [(k.lower(), v) for k, v in response.headers.raw if k.lower() not in _HOP_BY_HOP]
        if b"content-length" not in dict(headers) and response.status_code not in _NO_BODY:
            headers.append((b"content-length", str(len(raw)).encode()))  # it was chunked
        return response.status_code, reason, headers, raw

    def _observe(
        self,
        scope: Scope,
        request_body: bytes,
        status: int,
        reason: bytes,
        headers: list[tuple[bytes, bytes]],
        raw: bytes,
    ) -> None:
        """Check the exchange and, when recording, write its fixture."""
        request_headers = {
            k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]
        }
        answer = {k.decode("latin-1"): v.decode("latin-1") for k, v in headers}
        exchange = Exchange(
            scope["method"], scope["path"], request_headers.get("accept"), status,
            reason.decode("latin-1"), answer, _decoded(raw, answer.get("content-encoding")),
            request_headers.get("content-type"),
        )  # fmt: skip
        self.ledger.record(exchange)
        if self.recorder is not None:
            operation = self.ledger.contract.match(exchange.method, exchange.path)
            self.recorder.write(fixture_of(
                exchange, scope["query_string"], request_body,
                operation.operation_id if operation else None,
            ))  # fmt: skip


def _decoded(raw: bytes, encoding: str | None) -> bytes:
    """The body as the client reads it (gzip and deflate undone)."""
    if encoding in ("gzip", "deflate"):
        try:
            return zlib.decompress(raw, zlib.MAX_WBITS | 32)
        except zlib.error:
            return raw
    return raw


def _error(message: str) -> dict[str, str]:
    """The service's error shape (ASP.NET's HttpError)."""
    return {"Message": message}


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(chunks)


async def _answer(send: Send, status: int, value: t.Any) -> None:
    body = json.dumps(value).encode()
    await send({
        "type": "http.response.start", "status": status,
        "headers": [(b"content-type", b"application/json; charset=utf-8"),
                    (b"content-length", str(len(body)).encode())],
    })  # fmt: skip
    await send({"type": "http.response.body", "body": body})
