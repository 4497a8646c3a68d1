"""Draw an operation's arguments from the spec, and hand them to its generated endpoint."""

from __future__ import annotations

import enum
import functools
import inspect
import types
import typing
from collections.abc import Mapping
from typing import Any
from unittest.mock import MagicMock

from hypothesis import strategies as st

from tests.support.schema_strategies import SchemaStrategies

__all__ = ["argument_value", "endpoint_arguments", "request_arguments"]

JSON = "application/json"


def request_arguments(
    strategies: SchemaStrategies, path_item: Mapping[str, Any], operation: Mapping[str, Any]
) -> st.SearchStrategy[tuple[dict[str, Any], Any]]:
    """Draw (query parameters by wire name, JSON request body or None) valid per the spec."""
    name = operation["operationId"]
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for node in [*path_item.get("parameters", []), *operation.get("parameters", [])]:
        parameter = strategies.resolve(node["$ref"]) if "$ref" in node else node
        assert parameter["in"] == "query", f"{name}: only query parameters known"
        strategy = strategies.from_schema(
            parameter["schema"], where=f"{name} parameter {parameter['name']}"
        )
        (required if parameter.get("required") else optional)[parameter["name"]] = strategy
    query = st.fixed_dictionaries(required, optional=optional)
    if "requestBody" not in operation:
        return st.tuples(query, st.none())
    node = operation["requestBody"]
    content = (strategies.resolve(node["$ref"]) if "$ref" in node else node)["content"]
    assert set(content) == {JSON}, f"{name}: only JSON request bodies known"
    return st.tuples(query, strategies.from_schema(content[JSON]["schema"], where=f"{name} body"))


def endpoint_arguments(
    module: types.ModuleType, query: Mapping[str, Any], body: Any
) -> dict[str, Any]:
    """The keyword arguments of the module's `sync_detailed` for a drawn query and body."""
    hints, names = _signature(module)
    arguments = {names[wire]: argument_value(hints[names[wire]], v) for wire, v in query.items()}
    if body is not None:
        arguments["body"] = argument_value(hints["body"], body)
    return arguments


@functools.cache
def _signature(module: types.ModuleType) -> tuple[dict[str, Any], dict[str, str]]:
    """The endpoint's argument annotations, and each query parameter's argument name."""
    build = module._get_kwargs
    mocks = {name: MagicMock() for name in inspect.signature(build).parameters}
    params = build(**mocks).get("params", {})
    # An argument lands in the query as itself, or as its `.value` (enums).
    names = {
        wire: next(name for name, mock in mocks.items() if value is mock or value is mock.value)
        for wire, value in params.items()
    }
    return typing.get_type_hints(module.sync_detailed), names


def argument_value(hint: Any, value: Any) -> Any:
    """Turn a JSON value into the Python type an endpoint argument is annotated with."""
    options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    for option in options:
        if isinstance(option, type) and issubclass(option, enum.Enum):
            return option(value)
        if hasattr(option, "from_dict"):
            return option.from_dict(value)
    return value
