"""Bind requests as ASP.NET Web API does, before connexion's strict routing and validation.

The service runs on ASP.NET Web API (judging by its error shape), and code that works against
it relies on that framework's leniency. This pure ASGI middleware rewrites a request into the
contract's canonical form, so that routing and validation (strict, as the spec is written)
then see what the service would have bound:

- request names route case-insensitively (`/api/downloadstatistics`);
- query parameter names bind case-insensitively (`PageNr=2`), credentials included;
- unknown query parameters are ignored, and so is an empty value of an optional parameter;
- an enumeration in the query binds by name too, case-insensitively (`gender=Female`,
  `sortOrder=namedesc`);
- a body sent to an operation that takes none (a GET, or a v1 POST whose data is in the query,
  such as the `[]` the public PHP client sends on every call) is ignored;
- in a JSON body, member names bind case-insensitively, unknown members are ignored and enum
  members accept their names (`"Gender": "Male"`), as Json.NET reads them; `text/json` is JSON.

What is ignored is listed in the request's journal entry (`ignored`). `serve --strict-params`
leaves this middleware out: then every request must match the contract as written.
"""

from __future__ import annotations

import json
import typing as t
from dataclasses import dataclass, field
from urllib.parse import quote, unquote_plus

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..provenance import operations, resolve
from .asgi import header, may_have_body

__all__ = ["IGNORED", "LenientBindingMiddleware"]

#: Scope extension listing what binding ignored (read by the journal).
IGNORED = "datacollectief.ignored"
_API_PREFIX = "/api/"
_BODY_HEADERS = frozenset({b"content-length", b"content-type", b"transfer-encoding"})
_JSON_TYPES = ("application/json", "text/json")


@dataclass(frozen=True)
class _Parameter:
    """A query parameter: its canonical name, whether it is required, enum names it accepts."""

    name: str
    required: bool
    values: t.Mapping[str, str] = field(default_factory=dict)  # lower-case name -> wire value


@dataclass(frozen=True)
class _Operation:
    """What binding needs to know of one operation."""

    query: t.Mapping[str, _Parameter]  # lower-case name -> parameter
    body: t.Mapping[str, t.Any] | None  # the JSON body's schema, resolved; None: no body


def _enum_values(spec: t.Mapping[str, t.Any], schema: t.Any) -> dict[str, str]:
    """Lower-case spellings an enum accepts -> the wire value (numbers as text)."""
    target = resolve(spec, schema)
    if not isinstance(target, dict) or "enum" not in target:
        return {}
    values = {str(value).lower(): str(value) for value in target["enum"]}
    for value, name in zip(target["enum"], target.get("x-enum-names", ()), strict=False):
        values[str(name).lower()] = str(value)
    return values


def _operation(spec: t.Mapping[str, t.Any], operation: t.Mapping[str, t.Any]) -> _Operation:
    query: dict[str, _Parameter] = {}
    for credential in spec["components"]["securitySchemes"].values():
        name = credential["name"]
        query[name.lower()] = _Parameter(name, required=True)
    for reference in operation.get("parameters", []):
        parameter = resolve(spec, reference)
        if parameter["in"] == "query":
            name = parameter["name"]
            query[name.lower()] = _Parameter(
                name, bool(parameter.get("required")), _enum_values(spec, parameter["schema"])
            )
    content = resolve(spec, operation.get("requestBody", {})).get("content", {})
    schema = content.get("application/json", {}).get("schema")
    return _Operation(query, resolve(spec, schema) if schema is not None else None)


def _routes(spec: t.Mapping[str, t.Any]) -> dict[str, tuple[str, dict[str, _Operation]]]:
    """Lower-case path -> (canonical path, method -> operation)."""
    routes: dict[str, tuple[str, dict[str, _Operation]]] = {}
    for path, method, operation in operations(spec):
        _, methods = routes.setdefault(path.lower(), (path, {}))
        methods[method.upper()] = _operation(spec, operation)
    return routes


def _bind_query(raw: bytes, operation: _Operation, ignored: list[str]) -> bytes:
    """The query string with canonical names and enum values; unknown and empty optionals out."""
    fields = []
    for part in raw.decode("latin-1").split("&"):
        if not part:
            continue
        raw_name, sep, raw_value = part.partition("=")
        name = unquote_plus(raw_name)
        parameter = operation.query.get(name.lower())
        if parameter is None:
            ignored.append(name)
            continue
        if not raw_value and not parameter.required:
            ignored.append(f"{name}=")
            continue
        if parameter.values:
            value = parameter.values.get(unquote_plus(raw_value).lower())
            if value is not None:
                raw_value = quote(value, safe="")
        if name != parameter.name:
            raw_name = quote(parameter.name, safe="")
        fields.append(f"{raw_name}{sep}{raw_value}")
    return "&".join(fields).encode("latin-1")


def _bind_json(
    spec: t.Mapping[str, t.Any], schema: t.Any, value: t.Any, ignored: list[str], where: str
) -> t.Any:
    """A JSON value bound as Json.NET binds it to `schema`."""
    target = resolve(spec, schema)
    if not isinstance(target, dict):
        return value
    if isinstance(value, list) and "items" in target:
        return [_bind_json(spec, target["items"], item, ignored, where) for item in value]
    if isinstance(value, str):
        names = _enum_values(spec, target)
        if names and target.get("type") == "integer" and value.lower() in names:
            return int(names[value.lower()])
        return value
    properties = target.get("properties")
    if not isinstance(value, dict) or not isinstance(properties, dict):
        return value
    canonical = {name.lower(): name for name in properties}
    bound: dict[str, t.Any] = {}
    for name, member in value.items():
        known = canonical.get(name.lower())
        if known is None:
            ignored.append(f"{where}.{name}")
        elif known not in bound:  # Json.NET: the first of two spellings wins
            bound[known] = _bind_json(spec, properties[known], member, ignored, where)
    return bound


def _without_body_headers(scope: Scope) -> list[tuple[bytes, bytes]]:
    return [(k, v) for k, v in scope["headers"] if k.lower() not in _BODY_HEADERS]


def _replay(body: bytes, receive: Receive) -> Receive:
    """Receive `body` as the whole request body; then what `receive` brings but body parts."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        while True:  # the original body, unread or already read, is not the request's any more
            message = await receive()
            if message["type"] != "http.request":
                return message

    return replay


async def _read(receive: Receive) -> bytes:
    """The whole request body (what came before a disconnect)."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks)
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


class LenientBindingMiddleware:
    """Rewrite /api requests into the contract's canonical form (see the module docstring)."""

    def __init__(self, app: ASGIApp, *, spec: t.Mapping[str, t.Any]) -> None:
        self.app = app
        self.spec = spec
        self._routes = _routes(spec)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Bind the request, then pass it on."""
        if scope["type"] != "http" or not scope["path"].lower().startswith(_API_PREFIX):
            await self.app(scope, receive, send)
            return
        route = self._routes.get(scope["path"].lower())
        if route is None:
            await self.app(scope, receive, send)  # an unknown request name: 300
            return
        path, methods = route
        scope = dict(scope)
        scope["path"] = path
        scope["raw_path"] = path.encode("ascii")
        operation = methods.get(scope["method"])
        if operation is None:
            await self.app(scope, receive, send)  # 405, with the right Allow
            return
        ignored: list[str] = []
        scope["query_string"] = _bind_query(scope.get("query_string", b""), operation, ignored)
        if operation.body is None:
            if may_have_body(scope):
                ignored.append("body")
            scope["headers"] = _without_body_headers(scope)
            receive = _replay(b"", receive)
        elif (header(scope, b"content-type") or "").split(";")[0].strip().lower() in _JSON_TYPES:
            receive = await self._bind_body(scope, receive, operation.body, ignored)
        if ignored:
            scope.setdefault("extensions", {})[IGNORED] = ignored
        await self.app(scope, receive, send)

    async def _bind_body(
        self, scope: Scope, receive: Receive, schema: t.Any, ignored: list[str]
    ) -> Receive:
        """Read the JSON body and bind it; a body that is not JSON passes unchanged."""
        raw = await _read(receive)
        try:
            value = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return _replay(raw, receive)
        body = json.dumps(_bind_json(self.spec, schema, value, ignored, "body")).encode()
        scope["headers"] = [
            *_without_body_headers(scope),
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode("ascii")),
        ]
        return _replay(body, receive)
