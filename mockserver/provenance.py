"""What the contract knows and what it guesses: the `x-source` / `x-inferred` labels of the spec.

Every operation carries its own label. A parameter takes its own label, else its operation's.
A schema property takes its own label; else, when it is a pure `$ref` to an object schema,
that schema's label; else the label of the schema that holds it. `x-source` names the public
sources (D: the service's help pages, C: the public 2018 client, S: the business cases), as
comma-separated letters; `x-inferred: true` marks a guess.
"""

from __future__ import annotations

import typing as t
from functools import cache

from .settings import spec_dir
from .spec_files import read_spec

__all__ = [
    "SOURCES",
    "Labelled",
    "inferred_operations",
    "label_of",
    "load_spec",
    "missing_labels",
    "operations",
    "property_label",
    "required_inferred",
    "resolve",
    "response_schema",
    "strip_inferred",
]

#: The public sources an `x-source` may name.
SOURCES = frozenset({"D", "C", "S"})
_METHODS = ("get", "post", "put", "patch", "delete")
Labelled = t.Mapping[str, t.Any]


@cache
def load_spec() -> dict[str, t.Any]:
    """spec/datacollectief.yaml, parsed once (treat it as read-only)."""
    return read_spec(spec_dir() / "datacollectief.yaml")


def resolve(spec: Labelled, node: t.Any) -> t.Any:
    """Follow a local `$ref` (also a chain of them)."""
    while isinstance(node, dict) and "$ref" in node:
        target: t.Any = spec
        for part in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def operations(spec: Labelled) -> t.Iterator[tuple[str, str, dict[str, t.Any]]]:
    """(path, method, operation) for every operation of the spec."""
    for path, item in spec["paths"].items():
        for method in _METHODS:
            if method in item:
                yield path, method, item[method]


def label_of(node: Labelled, inherited: str | None = None) -> str | None:
    """`inferred`, the `x-source` text, or (without a label of its own) `inherited`."""
    if node.get("x-inferred") is True:
        return "inferred"
    source = node.get("x-source")
    if source is not None:
        return str(source)
    return inherited


def inferred_operations(spec: Labelled) -> frozenset[str]:
    """The operationIds the public sources do not name."""
    return frozenset(
        op["operationId"] for _, _, op in operations(spec) if label_of(op) == "inferred"
    )


def response_schema(spec: Labelled, operation: Labelled, status: int) -> dict[str, t.Any] | None:
    """The JSON schema of an operation's answer with `status` (unresolved), or None."""
    response = resolve(spec, operation.get("responses", {}).get(str(status)))
    if not isinstance(response, dict):
        return None
    schema = response.get("content", {}).get("application/json", {}).get("schema")
    return schema if isinstance(schema, dict) else None


def strip_inferred(
    spec: Labelled, schema: Labelled, value: t.Any, label: str | None = None
) -> t.Any:
    """`value` without the properties whose label is `inferred`, at any depth."""
    target = resolve(spec, schema)
    if not isinstance(target, dict):
        return value
    if "$ref" in schema:
        label = label_of(target, label)
    if isinstance(value, list):
        items = target.get("items")
        return [strip_inferred(spec, items, v, label) for v in value] if items else value
    if not isinstance(value, dict):
        return value
    properties = target.get("properties")
    if not isinstance(properties, dict):
        return value
    container = label_of(target, label)
    kept = {}
    for name, item in value.items():
        definition = properties.get(name)
        if definition is None:
            kept[name] = item  # not in the contract: no label to judge it by
            continue
        own = property_label(spec, definition, container)
        if own != "inferred":
            kept[name] = strip_inferred(spec, definition, item, own)
    return kept


def property_label(spec: Labelled, definition: Labelled, container: str | None) -> str | None:
    """The label of one property definition inside a schema labelled `container`."""
    own = label_of(definition)
    if own is not None:
        return own
    if "$ref" in definition:
        target = resolve(spec, definition)
        if isinstance(target, dict) and target.get("type") == "object":
            return label_of(target, container)
    return container


def _check_label(node: Labelled, where: str, problems: list[str]) -> None:
    """A label, when present, must be `x-inferred: true` or known source letters."""
    if "x-inferred" in node and node["x-inferred"] is not True:
        problems.append(f"{where}: x-inferred must be true")
    source = node.get("x-source")
    if source is not None:
        letters = {part.strip() for part in str(source).split(",")}
        if not letters or not letters <= SOURCES:
            problems.append(f"{where}: x-source {source!r} names no known source (D, C, S)")
        if node.get("x-inferred") is True:
            problems.append(f"{where}: both x-source and x-inferred")


def missing_labels(spec: Labelled) -> list[str]:
    """Every place the labelling rules (see the module docstring) leave without a label."""
    problems: list[str] = []
    for path, method, operation in operations(spec):
        where = f"{method.upper()} {path}"
        _check_label(operation, where, problems)
        if label_of(operation) is None:
            problems.append(f"{where}: no x-source or x-inferred")
        for reference in operation.get("parameters", []):
            parameter = resolve(spec, reference)
            _check_label(parameter, f"{where} parameter {parameter['name']}", problems)
    for name, scheme in spec["components"].get("securitySchemes", {}).items():
        _check_label(scheme, f"securityScheme {name}", problems)
        if label_of(scheme) is None:
            problems.append(f"securityScheme {name}: no x-source or x-inferred")
    for name, schema in spec["components"]["schemas"].items():
        _check_schema(spec, schema, f"schema {name}", problems, top=True)
    return problems


def _check_schema(
    spec: Labelled, schema: Labelled, where: str, problems: list[str], top: bool = False
) -> None:
    """Object schemas of the components carry a label; every inline label is well-formed."""
    _check_label(schema, where, problems)
    if top and schema.get("type") == "object" and label_of(schema) is None:
        problems.append(f"{where}: an object schema without x-source or x-inferred")
    for name, definition in (schema.get("properties") or {}).items():
        if "$ref" not in definition:
            _check_schema(spec, definition, f"{where}.{name}", problems)
    items = schema.get("items")
    if isinstance(items, dict) and "$ref" not in items:
        _check_schema(spec, items, f"{where}[]", problems)


def required_inferred(spec: Labelled) -> list[str]:
    """Required members of answers that the contract only infers (no client may require them)."""
    found: list[str] = []
    seen: set[int] = set()

    def visit(schema: t.Any, label: str | None, where: str) -> None:
        target = resolve(spec, schema)
        if not isinstance(target, dict) or id(target) in seen:
            return
        if "$ref" in schema:
            seen.add(id(target))
            label = label_of(target, label)
        container = label_of(target, label)
        properties = target.get("properties") or {}
        for name in target.get("required", ()):
            if (
                name in properties
                and property_label(spec, properties[name], container) == "inferred"
            ):
                found.append(f"{where}.{name}")
        for name, definition in properties.items():
            visit(definition, property_label(spec, definition, container), f"{where}.{name}")
        if isinstance(target.get("items"), dict):
            visit(target["items"], container, f"{where}[]")

    for path, method, operation in operations(spec):
        for status in operation.get("responses", {}):
            schema = response_schema(spec, operation, int(status))
            if schema is not None:
                visit(schema, label_of(operation), f"{method.upper()} {path} {status}")
    return found
