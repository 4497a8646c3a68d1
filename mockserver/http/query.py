"""The request's query string, parsed once per request and shared by security, validation, app.

connexion parses the query string again in each layer (security, parameter validation,
parameter decorator; several times within some). These helpers parse it once and keep the
results in the ASGI scope's `extensions`, which every layer of one request shares.
"""

from __future__ import annotations

import typing as t
from urllib.parse import unquote

from starlette.datastructures import QueryParams
from starlette.types import Scope

__all__ = ["raw_query", "resolved_query"]

_RAW = "datacollectief.query"
_RESOLVED = "datacollectief.resolved_query"


def _extensions(scope: Scope) -> dict[str, t.Any]:
    extensions: dict[str, t.Any] = scope.setdefault("extensions", {})
    return extensions


def _pairs(query_string: bytes) -> list[tuple[str, str]]:
    """`urllib.parse.parse_qsl(text, keep_blank_values=True)` of the latin-1 text, as Starlette.

    The same steps, minus the calls that change nothing: unquote only where a `%` is.
    """
    pairs = []
    for field in query_string.decode("latin-1").split("&"):
        if not field:
            continue
        name, _, value = field.partition("=")
        if "+" in field:
            name, value = name.replace("+", " "), value.replace("+", " ")
        if "%" in field:
            name, value = unquote(name), unquote(value)
        pairs.append((name, value))
    return pairs


def raw_query(scope: Scope) -> QueryParams:
    """The query parameters as Starlette parses them (last value of a repeated name wins)."""
    extensions = _extensions(scope)
    query: QueryParams | None = extensions.get(_RAW)
    if query is None:
        query = extensions[_RAW] = QueryParams(_pairs(scope.get("query_string", b"")))
    return query


def resolved_query(scope: Scope, uri_parser: t.Any) -> dict[str, t.Any]:
    """The query parameters as connexion's URI parser resolves them for the routed operation."""
    extensions = _extensions(scope)
    resolved: dict[str, t.Any] | None = extensions.get(_RESOLVED)
    if resolved is None:
        query = raw_query(scope)
        lists = {name: query.getlist(name) for name in query}
        resolved = extensions[_RESOLVED] = uri_parser.resolve_query(lists)
    return resolved
