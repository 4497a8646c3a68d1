"""Requests drawn from the spec's own facts: one example call per operation, operations by shape."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from mockserver.provenance import Labelled, load_spec, operations, resolve

__all__ = ["example_requests", "get_operations_taking", "id_subject"]


def _parameters(spec: Labelled, operation: dict[str, Any]) -> list[dict[str, Any]]:
    return [resolve(spec, parameter) for parameter in operation.get("parameters", [])]


def _example(spec: Labelled, node: dict[str, Any]) -> Any:
    """The example of a parameter or media type, else of its schema."""
    if "example" in node:
        return node["example"]
    examples = node.get("examples")
    if examples:
        return resolve(spec, next(iter(examples.values())))["value"]
    schema = resolve(spec, node.get("schema", {}))
    if "example" not in schema:
        raise LookupError(f"no example for {node.get('name', node)}")
    return schema["example"]


def example_requests(spec: Labelled | None = None) -> Iterator[tuple[str, str, Any]]:
    """(METHOD, path?query, JSON body or None) per operation: its required parameters and its
    body, each from the spec's examples."""
    spec = spec if spec is not None else load_spec()
    for path, method, operation in operations(spec):
        query = {
            p["name"]: _example(spec, p) for p in _parameters(spec, operation) if p.get("required")
        }
        body = None
        if "requestBody" in operation:
            content = resolve(spec, operation["requestBody"])["content"]
            body = _example(spec, content["application/json"])
        url = f"{path}?{urlencode(query)}" if query else path
        yield method.upper(), url, body


def get_operations_taking(names: set[str], spec: Labelled | None = None) -> list[str]:
    """The operationIds of the GET operations whose parameters are exactly `names`."""
    spec = spec if spec is not None else load_spec()
    return [
        operation["operationId"]
        for _, method, operation in operations(spec)
        if method == "get" and {p["name"] for p in _parameters(spec, operation)} == names
    ]


def id_subject(operation_id: str, spec: Labelled | None = None) -> str:
    """`company` or `contact`: what the `id` parameter of an operation numbers (its text says)."""
    spec = spec if spec is not None else load_spec()
    for _, _, operation in operations(spec):
        if operation["operationId"] == operation_id:
            (parameter,) = [p for p in _parameters(spec, operation) if p["name"] == "id"]
            text = str(parameter.get("description", "")).lower()
            subjects = [subject for subject in ("company", "contact") if subject in text]
            if len(subjects) != 1:
                raise LookupError(f"{operation_id}: the id's description names no one subject")
            return subjects[0]
    raise LookupError(operation_id)
