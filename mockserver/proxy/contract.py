"""What the spec promises per operation and status: schemas, content types and inferred members."""

from __future__ import annotations

import json
import typing as t
from dataclasses import dataclass
from functools import cache

import jsonschema

from ..provenance import Labelled, label_of, load_spec, operations, property_label, resolve

__all__ = ["Contract", "InferredMember", "Operation", "contract", "walk"]

#: Where a JSON pointer pattern matches every item of an array.
ANY_ITEM = "*"
#: How deep the inferred members of a (recursive) schema are listed.
_MAX_DEPTH = 8


@dataclass(frozen=True)
class InferredMember:
    """One inferred member of an answer: the pattern of its pointer (`*` for array items)."""

    parent: str
    name: str
    #: Only some answers carry it (`x-situational`): its absence refutes nothing.
    situational: bool = False

    @property
    def pattern(self) -> str:
        """`parent/name` as a JSON pointer pattern."""
        return f"{self.parent}/{_escape(self.name)}"


@dataclass(frozen=True)
class Operation:
    """One operation of the spec, as the proxy needs it."""

    operation_id: str
    path: str
    method: str
    inferred: bool
    definition: Labelled
    #: The documented answers by status, their `$ref`s followed.
    responses: t.Mapping[int, Labelled]

    def statuses(self) -> frozenset[int]:
        """The documented statuses of its answers."""
        return frozenset(self.responses)

    def media_types(self, status: int) -> frozenset[str]:
        """The documented content types of its answer with `status` (empty: no body)."""
        return frozenset(self.responses.get(status, {}).get("content", {}))


def _escape(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")


def _openapi_to_jsonschema(node: t.Any) -> t.Any:
    """An OpenAPI 3.0 schema as JSON Schema (draft 4): `nullable` becomes a null type."""
    if isinstance(node, list):
        return [_openapi_to_jsonschema(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {
        key: _openapi_to_jsonschema(value)
        for key, value in node.items()
        if key not in ("nullable", "properties", "example", "examples") and not key.startswith("x-")
    }
    if isinstance(node.get("properties"), dict):  # member names are kept whatever they are
        properties = node["properties"].items()
        converted["properties"] = {name: _openapi_to_jsonschema(item) for name, item in properties}
    if node.get("nullable") is True:
        if "type" in converted:
            converted["type"] = [converted["type"], "null"]
        if "enum" in converted and None not in converted["enum"]:
            converted["enum"] = [*converted["enum"], None]
        if "$ref" in converted:
            converted = {"anyOf": [{"$ref": converted.pop("$ref")}, {"type": "null"}]}
    return converted


def walk(
    spec: Labelled, schema: t.Any, value: t.Any, pointer: str = "", label: str | None = None
) -> t.Iterator[tuple[str, str, str | None]]:
    """(instance pointer, pointer pattern, label) of every member of `value` with its schema
    label; a member the schema does not declare has the label `undeclared`."""
    yield from _walk(spec, schema, value, pointer, "", label)


def _walk(
    spec: Labelled, schema: t.Any, value: t.Any, pointer: str, pattern: str, label: str | None
) -> t.Iterator[tuple[str, str, str | None]]:
    target = resolve(spec, schema)
    if not isinstance(target, dict):
        return
    if "$ref" in schema:
        label = label_of(target, label)
    if isinstance(value, list) and isinstance(target.get("items"), dict):
        for index, item in enumerate(value):
            yield from _walk(
                spec, target["items"], item, f"{pointer}/{index}", f"{pattern}/{ANY_ITEM}", label
            )
        return
    properties = target.get("properties")
    if not isinstance(value, dict) or not isinstance(properties, dict):
        return
    container = label_of(target, label)
    for name, item in value.items():
        where, like = f"{pointer}/{_escape(name)}", f"{pattern}/{_escape(name)}"
        definition = properties.get(name)
        if definition is None:
            if "additionalProperties" not in target:
                yield where, like, "undeclared"
            continue
        own = property_label(spec, definition, container)
        yield where, like, own
        yield from _walk(spec, definition, item, where, like, own)


class Contract:
    """The spec's operations, matched as ASP.NET routes them (path and method, any case)."""

    def __init__(self, spec: Labelled) -> None:
        self.spec = spec
        self._routes: dict[tuple[str, str], Operation] = {}
        for path, method, definition in operations(spec):
            responses = {
                int(status): resolve(spec, response)
                for status, response in definition.get("responses", {}).items()
            }
            operation = Operation(
                definition["operationId"], path, method.upper(),
                label_of(definition) == "inferred", definition, responses,
            )  # fmt: skip
            self._routes[(path.lower(), method.upper())] = operation
        schemas = _openapi_to_jsonschema(spec["components"]["schemas"])
        self._root = {"components": {"schemas": schemas}}
        self._validators: dict[str, jsonschema.Draft4Validator] = {}
        self._members: dict[tuple[str, str | None], list[InferredMember]] = {}

    def match(self, method: str, path: str) -> Operation | None:
        """The operation a request reaches, or None."""
        return self._routes.get((path.rstrip("/").lower(), method.upper()))

    def all(self) -> list[Operation]:
        """Every operation, in the spec's order."""
        return list(self._routes.values())

    def schema(self, operation: Operation, status: int, media_type: str) -> t.Any | None:
        """The (unresolved) schema of the answer with `status` in `media_type`, or None."""
        response = operation.responses.get(status, {})
        schema = response.get("content", {}).get(media_type, {}).get("schema")
        return schema if isinstance(schema, dict) else None

    def errors(self, schema: t.Any, value: t.Any) -> list[tuple[str, str]]:
        """(instance pointer, complaint) of each way `value` breaks `schema` (no values quoted)."""
        key = json.dumps(schema, sort_keys=True)
        validator = self._validators.get(key)
        if validator is None:
            validator = jsonschema.Draft4Validator({**self._root, **_openapi_to_jsonschema(schema)})
            self._validators[key] = validator
        found = []
        for error in validator.iter_errors(value):
            pointer = "".join(f"/{_escape(str(part))}" for part in error.absolute_path)
            found.append((pointer, f"{error.validator}: {_short(error.validator_value)}"))
        return sorted(found)

    def inferred_members(self, schema: t.Any, label: str | None) -> list[InferredMember]:
        """Every inferred member `schema` declares, at any depth (a recursive schema down to
        `_MAX_DEPTH` levels)."""
        key = (json.dumps(schema, sort_keys=True), label)
        if key not in self._members:
            self._members[key] = self._inferred_members(schema, label)
        return self._members[key]

    def _inferred_members(self, schema: t.Any, label: str | None) -> list[InferredMember]:
        found: list[InferredMember] = []

        def visit(node: t.Any, label: str | None, pattern: str) -> None:
            target = resolve(self.spec, node)
            if not isinstance(target, dict) or pattern.count("/") > _MAX_DEPTH:
                return
            if "$ref" in node:
                label = label_of(target, label)
            if isinstance(target.get("items"), dict):
                visit(target["items"], label, f"{pattern}/{ANY_ITEM}")
            container = label_of(target, label)
            for name, definition in (target.get("properties") or {}).items():
                own = property_label(self.spec, definition, container)
                if own == "inferred":
                    situational = resolve(self.spec, definition).get("x-situational") is True
                    found.append(InferredMember(pattern, name, situational))
                visit(definition, own, f"{pattern}/{_escape(name)}")

        visit(schema, label, "")
        return found


def _short(value: t.Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


@cache
def contract() -> Contract:
    """The contract of spec/datacollectief.yaml, built once."""
    return Contract(load_spec())
