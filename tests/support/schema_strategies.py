"""Hypothesis strategies for the subset of OpenAPI 3.0 schemas the project's specs use."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from hypothesis import strategies as st

__all__ = ["SchemaStrategies", "UnsupportedSchemaError"]

# Keywords that describe a schema without constraining its values.
ANNOTATIONS = frozenset({"description", "example", "title", "default"})

# Every value keyword this builder understands, by the `type` it may appear with.
KEYWORDS_BY_TYPE: Mapping[str, frozenset[str]] = {
    "integer": frozenset({"minimum", "maximum", "format"}),
    "number": frozenset({"minimum", "maximum"}),
    "string": frozenset({"minLength", "maxLength", "pattern"}),
    "boolean": frozenset(),
    "array": frozenset({"items", "minItems", "maxItems"}),
    "object": frozenset({"properties", "required", "additionalProperties"}),
}

INTEGER_FORMATS: Mapping[str, tuple[int, int]] = {
    "int32": (-(2**31), 2**31 - 1),
    "int64": (-(2**63), 2**63 - 1),
}

JSON_TYPES: Mapping[str, tuple[type, ...]] = {
    "integer": (int,),
    "number": (int, float),
    "string": (str,),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
}

# Regex patterns are drawn over printable ASCII, where ECMA-262 (the dialect OpenAPI means)
# and Python's `re` agree on classes such as \d, \w and \s.
PATTERN_ALPHABET = st.characters(min_codepoint=0x20, max_codepoint=0x7E)


class UnsupportedSchemaError(ValueError):
    """A schema uses a keyword or combination this builder does not understand."""


class SchemaStrategies:
    """Builds strategies drawing JSON values valid against the schemas of one OpenAPI document."""

    # Supported: local `$ref`s, `allOf` of exactly one schema, `enum`, `nullable` (as OpenAPI
    # tools read it: null is also allowed, even next to `allOf`) and, per `type`, the keywords
    # in KEYWORDS_BY_TYPE. Anything else raises UnsupportedSchemaError when the strategy is
    # built, so no keyword is silently ignored. Objects get only their declared properties
    # (valid whatever `additionalProperties` says); arrays get at most `max_items` elements
    # beyond `minItems` (never more than `maxItems`), to keep examples small.

    def __init__(self, document: Mapping[str, Any], *, max_items: int = 3) -> None:
        self._document = document
        self._max_items = max_items
        self._by_ref: dict[str, st.SearchStrategy[Any]] = {}
        self._building: set[str] = set()

    def resolve(self, ref: str, where: str = "#") -> Any:
        """Return the part of the document a local `$ref` (`#/a/b`) points at."""
        if not ref.startswith("#/"):
            raise UnsupportedSchemaError(f"{where}: only local $refs are supported, got {ref!r}")
        node: Any = self._document
        for token in ref[2:].split("/"):
            token = token.replace("~1", "/").replace("~0", "~")
            try:
                node = node[int(token)] if isinstance(node, list) else node[token]
            except (KeyError, IndexError, ValueError, TypeError):
                raise UnsupportedSchemaError(f"{where}: $ref {ref!r} does not resolve") from None
        return node

    def from_ref(self, ref: str, where: str = "#") -> st.SearchStrategy[Any]:
        """Strategy for the schema a local `$ref` points at (built once, cycles allowed)."""
        if ref in self._by_ref:
            return self._by_ref[ref]
        if ref in self._building:
            return st.deferred(lambda: self._by_ref[ref])
        self._building.add(ref)
        try:
            strategy = self.from_schema(self.resolve(ref, where), where=ref)
        finally:
            self._building.discard(ref)
        self._by_ref[ref] = strategy
        return strategy

    def from_schema(self, schema: Mapping[str, Any], where: str = "#") -> st.SearchStrategy[Any]:
        """Strategy for one schema object; `where` names it in error messages."""
        if not isinstance(schema, Mapping):
            raise UnsupportedSchemaError(f"{where}: a schema must be an object, got {schema!r}")
        keywords = {k for k in schema if k not in ANNOTATIONS and not k.startswith("x-")}
        if "$ref" in schema:
            self._only(keywords, {"$ref"}, where, "next to $ref (OpenAPI 3.0 ignores them)")
            return self.from_ref(schema["$ref"], where)
        if "allOf" in schema:
            return self._all_of(schema, keywords, where)
        if "enum" in schema:
            return self._enum(schema, keywords, where)
        if "type" not in schema:
            raise UnsupportedSchemaError(
                f"{where}: a schema without `type` is not supported (keywords {sorted(keywords)})"
            )
        kind = schema["type"]
        if not isinstance(kind, str) or kind not in KEYWORDS_BY_TYPE:
            raise UnsupportedSchemaError(f"{where}: unsupported type {kind!r}")
        self._only(keywords, {"type", "nullable", *KEYWORDS_BY_TYPE[kind]}, where, f"for {kind}")
        strategy = getattr(self, f"_{kind}")(schema, where)
        return self._nullable(schema, strategy, where)

    def _only(self, keywords: set[str], allowed: set[str], where: str, context: str) -> None:
        """Raise if `keywords` holds anything outside `allowed`."""
        unknown = sorted(keywords - allowed)
        if unknown:
            raise UnsupportedSchemaError(f"{where}: unsupported keyword(s) {unknown} {context}")

    def _nullable(
        self, schema: Mapping[str, Any], strategy: st.SearchStrategy[Any], where: str
    ) -> st.SearchStrategy[Any]:
        """Add null to `strategy` when the schema says `nullable: true`."""
        nullable = schema.get("nullable", False)
        if not isinstance(nullable, bool):
            raise UnsupportedSchemaError(f"{where}: nullable must be a boolean")
        return st.none() | strategy if nullable else strategy

    def _all_of(
        self, schema: Mapping[str, Any], keywords: set[str], where: str
    ) -> st.SearchStrategy[Any]:
        """`allOf` of exactly one schema (the usual way to annotate a `$ref`)."""
        self._only(keywords, {"allOf", "nullable"}, where, "next to allOf")
        parts = schema["allOf"]
        if not isinstance(parts, list) or len(parts) != 1:
            raise UnsupportedSchemaError(f"{where}: only allOf of exactly one schema is supported")
        return self._nullable(schema, self.from_schema(parts[0], f"{where}/allOf/0"), where)

    def _enum(
        self, schema: Mapping[str, Any], keywords: set[str], where: str
    ) -> st.SearchStrategy[Any]:
        """One of the listed values, each checked against the declared `type`."""
        self._only(keywords, {"enum", "type", "nullable"}, where, "next to enum")
        values = schema["enum"]
        if not isinstance(values, list) or not values:
            raise UnsupportedSchemaError(f"{where}: enum must be a non-empty list")
        if schema.get("nullable") and None not in values:
            raise UnsupportedSchemaError(
                f"{where}: nullable enum without null in its values is ambiguous in OpenAPI 3.0"
            )
        kind = schema.get("type")
        if kind is not None:
            types = JSON_TYPES.get(kind) if isinstance(kind, str) else None
            if types is None:
                raise UnsupportedSchemaError(f"{where}: unsupported type {kind!r}")
            for value in values:
                if value is None:
                    continue
                if isinstance(value, bool) and bool not in types or not isinstance(value, types):
                    raise UnsupportedSchemaError(f"{where}: enum value {value!r} is not {kind}")
        return st.sampled_from(values)

    def _integer(self, schema: Mapping[str, Any], where: str) -> st.SearchStrategy[int]:
        """Integers within `minimum`/`maximum` and the range of `format`."""
        low, high = schema.get("minimum"), schema.get("maximum")
        self._check_range(low, high, where, "minimum", "maximum")
        low = None if low is None else math.ceil(low)
        high = None if high is None else math.floor(high)
        if "format" in schema:
            if schema["format"] not in INTEGER_FORMATS:
                raise UnsupportedSchemaError(f"{where}: unsupported format {schema['format']!r}")
            format_low, format_high = INTEGER_FORMATS[schema["format"]]
            low = format_low if low is None else max(low, format_low)
            high = format_high if high is None else min(high, format_high)
        self._check_range(low, high, where, "minimum", "maximum")
        return st.integers(min_value=low, max_value=high)

    def _number(self, schema: Mapping[str, Any], where: str) -> st.SearchStrategy[float]:
        """Finite floats within `minimum`/`maximum`."""
        low, high = schema.get("minimum"), schema.get("maximum")
        self._check_range(low, high, where, "minimum", "maximum")
        return st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False)

    def _string(self, schema: Mapping[str, Any], where: str) -> st.SearchStrategy[str]:
        """Text within `minLength`/`maxLength`, matching `pattern` in full."""
        low, high = schema.get("minLength", 0), schema.get("maxLength")
        self._check_range(low, high, where, "minLength", "maxLength", counts=True)
        if "pattern" not in schema:
            return st.text(min_size=low, max_size=high)
        try:
            regex = re.compile(schema["pattern"])
        except re.error as error:
            raise UnsupportedSchemaError(f"{where}: pattern does not compile: {error}") from None
        strategy = st.from_regex(regex, fullmatch=True, alphabet=PATTERN_ALPHABET)
        longest = math.inf if high is None else high
        if low or high is not None:
            strategy = strategy.filter(lambda text: low <= len(text) <= longest)
        return strategy

    def _boolean(self, schema: Mapping[str, Any], where: str) -> st.SearchStrategy[bool]:
        """Either boolean."""
        return st.booleans()

    def _array(self, schema: Mapping[str, Any], where: str) -> st.SearchStrategy[list[Any]]:
        """Lists of `items` with a length within `minItems`/`maxItems` (and `max_items` extra)."""
        if "items" not in schema:
            raise UnsupportedSchemaError(f"{where}: an array needs `items`")
        low, high = schema.get("minItems", 0), schema.get("maxItems")
        self._check_range(low, high, where, "minItems", "maxItems", counts=True)
        cap = low + self._max_items
        items = self.from_schema(schema["items"], f"{where}/items")
        return st.lists(items, min_size=low, max_size=cap if high is None else min(high, cap))

    def _object(self, schema: Mapping[str, Any], where: str) -> st.SearchStrategy[dict[str, Any]]:
        """Dicts of the declared `properties`: every `required` one, any subset of the others."""
        properties = schema.get("properties", {})
        required = schema.get("required", [])
        additional = schema.get("additionalProperties", True)
        if isinstance(additional, Mapping):
            if properties or required:
                raise UnsupportedSchemaError(
                    f"{where}: additionalProperties as a schema only without properties"
                )
            values = self.from_schema(additional, f"{where}/additionalProperties")
            return st.dictionaries(st.text(min_size=1, max_size=20), values, max_size=3)
        if not isinstance(additional, bool):
            raise UnsupportedSchemaError(f"{where}: additionalProperties must be a boolean here")
        missing = sorted(set(required) - set(properties))
        if missing:
            raise UnsupportedSchemaError(f"{where}: required names undeclared properties {missing}")
        strategies = {
            name: self.from_schema(sub, f"{where}/properties/{name}")
            for name, sub in properties.items()
        }
        return st.fixed_dictionaries(
            {name: strategies[name] for name in properties if name in required},
            optional={name: strategies[name] for name in properties if name not in required},
        )

    def _check_range(
        self, low: Any, high: Any, where: str, low_name: str, high_name: str, counts: bool = False
    ) -> None:
        """Raise unless the bounds are numbers (counts: non-negative integers) and `low <= high`."""
        kinds, what = ((int,), "a non-negative integer") if counts else ((int, float), "a number")
        for name, bound in ((low_name, low), (high_name, high)):
            if bound is None:
                continue
            if isinstance(bound, bool) or not isinstance(bound, kinds) or counts and bound < 0:
                raise UnsupportedSchemaError(f"{where}: {name} must be {what}, got {bound!r}")
        if low is not None and high is not None and low > high:
            raise UnsupportedSchemaError(f"{where}: {low_name} {low} exceeds {high_name} {high}")
