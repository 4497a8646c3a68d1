"""Content negotiation as ASP.NET Web API does it: `/api` answers in XML when Accept prefers it.

The service offers JSON (`application/json`, `text/json`) and XML (`application/xml`,
`text/xml`), its JSON formatter first. ASP.NET's `DefaultContentNegotiator` sorts the Accept
values by quality (then specificity, then as sent), gives each formatter the first value one of
its media types matches (quality 0 never matches), and picks the best quality among literal
matches, then `type/*` ranges, then `*/*`; a tie goes to the formatter registered first, JSON.
So `application/xml, application/json` answers JSON, `text/html,application/xml;q=0.9,*/*;q=0.8`
(a browser) answers XML, and `*/*`, `text/*`, no Accept or nothing that matches answer JSON.
(ASP.NET would next match the request's Content-Type; the mock takes no XML bodies, so it
answers JSON there.) An invalid `q` counts as 1, as .NET reads it.

XML answers every `/api` request, errors included, with `Content-Type: application/xml;
charset=utf-8` (or `text/xml` when that matched); bodiless answers (304) stay bodiless. The
type of a 2xx answer is the response schema of its operation (connexion's routing names the
operation) and status in the spec; a status of 300 and above is an `HttpError`.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Mapping
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..provenance import operations
from .framework import ROUTING_EXTENSION
from .xml_serializer import DataContractWriter, error_document, resolve_ref

__all__ = ["XmlNegotiationMiddleware", "negotiate", "response_schemas"]

_log = logging.getLogger(__name__)
_ROUTING = ROUTING_EXTENSION
#: The formatters in ASP.NET's order, each with its media types.
_FORMATTERS: tuple[tuple[bool, tuple[str, ...]], ...] = (
    (False, ("application/json", "text/json")),
    (True, ("application/xml", "text/xml")),
)
_ELEMENT = re.compile(r'(?:[^,"]|"(?:[^"\\]|\\.)*")+')
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_QUALITY = re.compile(r"[0-9]*\.?[0-9]*")
_LITERAL, _SUBTYPE_RANGE, _ALL_RANGE = 2, 1, 0


def _accept_values(accept: str) -> list[tuple[str, str, float]]:
    """(type, subtype, quality) of each valid Accept value, in the order sent."""
    values = []
    for element in _ELEMENT.findall(accept):
        media, *parameters = element.split(";")
        kind, slash, subtype = media.strip().lower().partition("/")
        valid = bool(slash and _TOKEN.fullmatch(kind) and _TOKEN.fullmatch(subtype))
        if not valid or (kind == "*" and subtype != "*"):
            continue
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            value = value.strip()
            if name.strip().lower() == "q" and value not in ("", ".") and _QUALITY.fullmatch(value):
                quality = float(value)
        values.append((kind, subtype, quality))
    return values


def _specificity(kind: str, subtype: str) -> int:
    return _ALL_RANGE if kind == "*" else _SUBTYPE_RANGE if subtype == "*" else _LITERAL


def negotiate(accept: str | None) -> str | None:
    """The XML media type the Accept header selects, or None for JSON."""
    if not accept:
        return None
    values = sorted(  # stable: equal ones stay in the order sent
        _accept_values(accept), key=lambda v: (-v[2], -_specificity(v[0], v[1]))
    )
    best: dict[int, tuple[float, bool, str]] = {}  # ranking -> (quality, is XML, media type)
    for is_xml, supported in _FORMATTERS:
        match = _first_match(values, supported)
        if match is not None:
            ranking, quality, media = match
            if ranking not in best or quality > best[ranking][0]:
                best[ranking] = (quality, is_xml, media)
    chosen = None
    for ranking in (_LITERAL, _SUBTYPE_RANGE, _ALL_RANGE):
        if ranking in best and (chosen is None or best[ranking][0] > chosen[0]):
            chosen = best[ranking]
    return chosen[2] if chosen is not None and chosen[1] else None


def _first_match(
    values: list[tuple[str, str, float]], supported: tuple[str, ...]
) -> tuple[int, float, str] | None:
    """(ranking, quality, media type) of the first Accept value a formatter can serve."""
    for kind, subtype, quality in values:
        if quality == 0:
            continue
        for media in supported:
            media_kind, _, media_subtype = media.partition("/")
            if kind in ("*", media_kind) and subtype in ("*", media_subtype):
                return _specificity(kind, subtype), quality, media
    return None


def response_schemas(spec: Mapping[str, Any]) -> dict[tuple[str, str], Any]:
    """(operationId, status key as in the spec, upper case) -> the JSON schema of that answer."""
    table: dict[tuple[str, str], Any] = {}
    for _, _, operation in operations(spec):
        for status, response in (operation.get("responses") or {}).items():
            content = resolve_ref(spec, response)[1].get("content") or {}
            if any(_is_json(str(media)) for media in content):
                table[(str(operation["operationId"]), str(status).upper())] = _json_schema(content)
    return table


def _json_schema(content: Mapping[str, Any]) -> Any:
    """The schema of a response's JSON content (`application/json` first)."""
    media = "application/json" if "application/json" in content else None
    media = media or next(str(m) for m in content if _is_json(str(m)))
    return (content[media] or {}).get("schema")


def _is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media in ("application/json", "text/json") or media.endswith("+json")


def _header(headers: Iterable[tuple[bytes, bytes]], name: bytes) -> str | None:
    """All values of a header, joined with commas (None when absent)."""
    values = [bytes(v).decode("latin-1") for k, v in headers if bytes(k).lower() == name]
    return ", ".join(values) if values else None


class XmlNegotiationMiddleware:
    """Rewrite the JSON answers of /api requests as XML when their Accept header prefers it."""

    def __init__(self, app: ASGIApp, *, spec: Mapping[str, Any]) -> None:
        self.app = app
        self.writer = DataContractWriter(spec)
        self.schemas = response_schemas(spec)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; buffer and convert a JSON answer when XML was asked."""
        if scope["type"] != "http" or scope["path"][:5].lower() != "/api/":
            await self.app(scope, receive, send)
            return
        media = negotiate(_header(scope["headers"], b"accept"))
        if media is None:
            await self.app(scope, receive, send)
            return
        # Routing writes the operationId into this shared dict (its scope copies are shallow).
        extensions = scope.setdefault("extensions", {})
        start: Message | None = None
        chunks: list[bytes] = []

        async def send_xml(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                content_type = _header(message.get("headers", ()), b"content-type") or ""
                encoded = _header(message.get("headers", ()), b"content-encoding")
                if _is_json(content_type) and encoded is None:
                    start = message  # held until the body is complete
                    return
            elif message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                operation = (extensions.get(_ROUTING) or {}).get("operation_id")
                held, start = start, None
                for part in self._converted(held, b"".join(chunks), operation, media):
                    await send(part)
                return
            await send(message)

        await self.app(scope, receive, send_xml)

    def _converted(
        self, start: Message, body: bytes, operation: str | None, media: str
    ) -> tuple[Message, Message]:
        """The start and body messages of the answer in XML (unchanged when it has no body)."""
        status = int(start["status"])
        xml = self._xml(status, body, operation) if body else None
        if xml is None:
            return start, {"type": "http.response.body", "body": body}
        payload = xml.encode("utf-8")
        headers = [
            (name, value)
            for name, value in start.get("headers", ())
            if bytes(name).lower() not in (b"content-type", b"content-length")
        ]
        headers.append((b"content-type", f"{media}; charset=utf-8".encode("latin-1")))
        headers.append((b"content-length", str(len(payload)).encode("latin-1")))
        return {**start, "headers": headers}, {"type": "http.response.body", "body": payload}

    def _xml(self, status: int, body: bytes, operation: str | None) -> str | None:
        """The XML of a JSON answer; None (the JSON goes out) when it cannot be read."""
        try:
            value = json.loads(body)
            if status >= 300:
                return error_document(value)
            schema = None
            if operation is not None:
                for key in (str(status), f"{status // 100}XX", "DEFAULT"):
                    if (operation, key) in self.schemas:
                        schema = self.schemas[(operation, key)]
                        break
            fallback = f"{operation[:1].upper()}{operation[1:]}Result" if operation else "Result"
            return self.writer.document(value, schema, fallback)
        except Exception:
            _log.warning("xml: answer of %s (%s) kept as JSON", operation, status, exc_info=True)
            return None
