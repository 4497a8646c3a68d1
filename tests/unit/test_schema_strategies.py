"""The schema strategy builder draws only spec-valid values and refuses what it does not know."""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample
from referencing import Registry
from referencing.jsonschema import DRAFT4

from tests.support.schema_strategies import SchemaStrategies, UnsupportedSchemaError

__all__: list[str] = []

SPEC = Path(__file__).resolve().parents[2] / "spec" / "datacollectief.yaml"
DOCUMENT: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
INT32 = (-(2**31), 2**31 - 1)


def pointer(*tokens: str | int) -> str:
    """A JSON pointer fragment (`#/a/b`) from raw tokens."""
    return "#/" + "/".join(str(t).replace("~", "~0").replace("/", "~1") for t in tokens)


def schema_locations(document: dict[str, Any]) -> list[str]:
    """Every place the document holds a schema: components, parameters, headers, bodies."""
    components = document.get("components", {})
    found = [pointer("components", "schemas", name) for name in components.get("schemas", {})]
    for kind in ("parameters", "headers"):
        for name, item in components.get(kind, {}).items():
            if "schema" in item:
                found.append(pointer("components", kind, name, "schema"))
    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            for index, parameter in enumerate(operation.get("parameters", [])):
                if "schema" in parameter:
                    found.append(pointer("paths", path, method, "parameters", index, "schema"))
            for media, content in operation.get("requestBody", {}).get("content", {}).items():
                if "schema" in content:
                    where = ("paths", path, method, "requestBody", "content", media, "schema")
                    found.append(pointer(*where))
            for status, response in operation.get("responses", {}).items():
                for media, content in response.get("content", {}).items():
                    if "schema" in content:
                        where = ("paths", path, method, "responses", status, "content", media)
                        found.append(pointer(*where, "schema"))
    return found


def to_json_schema(schema: Any) -> Any:
    """Translate an OpenAPI 3.0 schema to JSON Schema draft 4 (`nullable` becomes null)."""
    if not isinstance(schema, dict):
        return schema
    translated: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "properties":
            translated[key] = {name: to_json_schema(sub) for name, sub in value.items()}
        elif key in ("items", "additionalProperties", "not"):
            translated[key] = to_json_schema(value)
        elif key in ("allOf", "anyOf", "oneOf"):
            translated[key] = [to_json_schema(sub) for sub in value]
        elif key != "nullable":
            translated[key] = value
    if schema.get("nullable") is True:
        return {"anyOf": [translated, {"type": "null"}]}
    return translated


def set_at(document: dict[str, Any], location: str, value: Any) -> None:
    """Replace the node a JSON pointer fragment names."""
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in location[2:].split("/")]
    node: Any = document
    for token in tokens[:-1]:
        node = node[int(token)] if isinstance(node, list) else node[token]
    node[int(tokens[-1]) if isinstance(node, list) else tokens[-1]] = value


def translated_registry(document: dict[str, Any]) -> Registry[Any]:
    """A registry holding the document as `urn:spec`, each of its schemas translated."""
    translated = copy.deepcopy(document)
    builder = SchemaStrategies(document)
    for where in schema_locations(document):
        set_at(translated, where, to_json_schema(builder.resolve(where)))
    return Registry().with_resource("urn:spec", DRAFT4.create_resource(translated))


SPEC_REGISTRY = translated_registry(DOCUMENT)


@functools.cache
def json_schema_validator(location: str) -> jsonschema.Validator:
    """A draft 4 validator for the spec's schema at `location`, with int32 checked."""
    registry = SPEC_REGISTRY
    checker = jsonschema.FormatChecker(formats=())
    checker.checks("int32")(lambda v: not isinstance(v, int) or INT32[0] <= v <= INT32[1])
    return jsonschema.Draft4Validator(
        {"$ref": "urn:spec" + location}, registry=registry, format_checker=checker
    )


def never(strategy: st.SearchStrategy[Any], condition: Callable[[Any], bool]) -> None:
    """Assert that a bounded search finds no value meeting `condition`."""
    with pytest.raises(NoSuchExample):
        find(strategy, condition, settings=settings(max_examples=200, database=None))


SPEC_STRATEGIES = SchemaStrategies(DOCUMENT)
# A schema that is only a `$ref` draws what its target draws; test each target once.
LOCATIONS = [
    where for where in schema_locations(DOCUMENT) if set(SPEC_STRATEGIES.resolve(where)) != {"$ref"}
]


@pytest.mark.parametrize("location", LOCATIONS)
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_value_drawn_for_a_spec_schema_validates_against_it(location, data) -> None:
    # Given a schema of the spec and an independent JSON Schema validator for it
    validator = json_schema_validator(location)

    # When the builder draws a value for it
    value = data.draw(SPEC_STRATEGIES.from_ref(location), label=location)

    # Then the validator finds nothing wrong
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(value)]
    assert errors == []


def test_every_schema_of_the_spec_is_covered() -> None:
    # Given the spec / When its schema locations are listed
    # Then every named schema is among them, and every other one is or refers to one of them
    names = DOCUMENT["components"]["schemas"]
    assert names
    assert {pointer("components", "schemas", name) for name in names} <= set(LOCATIONS)
    for where in schema_locations(DOCUMENT):
        schema = SPEC_STRATEGIES.resolve(where)
        assert where in LOCATIONS or schema["$ref"] in LOCATIONS, where


@pytest.mark.parametrize(
    ("location", "value"),
    [
        ("#/components/schemas/RecordId", 2**31),
        ("#/components/schemas/DateTime", "2026-11-30T14:05:00"),
        ("#/components/schemas/Gender", True),
        ("#/components/schemas/IdItem", {"Id": None}),
        ("#/components/schemas/UpdatedCompaniesRequest", {"LastChangedDate": "x"}),
    ],
)
def test_the_validator_used_as_oracle_rejects_invalid_values(location, value) -> None:
    # Given the oracle validator of a spec schema / When it checks an invalid value
    # Then it reports an error (so the property above cannot pass vacuously)
    assert list(json_schema_validator(location).iter_errors(value))


@pytest.mark.parametrize(
    ("schema", "complaint"),
    [
        ({"type": "string", "format": "date-time"}, "format"),
        ({"type": "integer", "format": "int16"}, "format"),
        ({"type": "integer", "multipleOf": 2}, "multipleOf"),
        ({"type": "integer", "exclusiveMinimum": True}, "exclusiveMinimum"),
        ({"type": "string", "minimum": 1}, "minimum"),
        ({"type": "array", "items": {"type": "string"}, "uniqueItems": True}, "uniqueItems"),
        ({"type": "array"}, "items"),
        (
            {
                "type": "object",
                "properties": {"a": {"type": "string"}},
                "additionalProperties": {"type": "string"},
            },
            "additionalProperties",
        ),
        ({"type": "object", "required": ["a"]}, "['a']"),
        ({"type": "object", "readOnly": True}, "readOnly"),
        ({"type": "null"}, "'null'"),
        ({"type": ["string", "null"]}, "type"),
        ({"properties": {"a": {"type": "string"}}}, "without `type` is not supported"),
        ({"oneOf": [{"type": "string"}]}, "'oneOf'"),
        ({"allOf": [{"type": "string"}, {"type": "integer"}]}, "exactly one"),
        ({"allOf": [{"type": "string"}], "minLength": 2}, "minLength"),
        ({"$ref": "#/components/schemas/Gender", "nullable": True}, "nullable"),
        ({"$ref": "#/components/schemas/Missing"}, "does not resolve"),
        ({"$ref": "other.yaml#/Gender"}, "only local"),
        ({"type": "integer", "minimum": 5, "maximum": 1}, "exceeds"),
        ({"type": "string", "maxLength": -1}, "non-negative"),
        ({"type": "string", "enum": ["a", 1]}, "is not string"),
        ({"type": "integer", "enum": [True]}, "is not integer"),
        ({"type": "string", "enum": ["a"], "nullable": True}, "ambiguous"),
        ({"type": "string", "enum": ["a"], "minLength": 2}, "minLength"),
        ({"type": "string", "nullable": "yes"}, "nullable"),
        ({"type": "string", "pattern": "("}, "does not compile"),
    ],
)
def test_a_schema_it_does_not_understand_is_refused_when_built(schema, complaint) -> None:
    # Given a schema with a keyword or combination outside the supported subset
    # When a strategy is built for it
    # Then it raises at once, naming the problem and where it is
    with pytest.raises(UnsupportedSchemaError, match=r"^#/under/test: .*") as raised:
        SPEC_STRATEGIES.from_schema(schema, where="#/under/test")
    assert complaint in str(raised.value)


def test_an_unsupported_keyword_deep_inside_names_its_location() -> None:
    # Given an object whose property uses an unsupported format
    schema = {"type": "object", "properties": {"a": {"type": "string", "format": "email"}}}

    # When a strategy is built / Then the error points at the property
    with pytest.raises(UnsupportedSchemaError, match=r"#/x/properties/a: .*'format'"):
        SPEC_STRATEGIES.from_schema(schema, where="#/x")


def test_annotations_and_extensions_are_accepted() -> None:
    # Given a schema with descriptions, an example, a default and x- extensions
    schema = {
        "type": "string",
        "enum": ["a"],
        "description": "d",
        "title": "t",
        "example": "a",
        "default": "a",
        "x-inferred": True,
    }

    # When a strategy is built / Then it draws the only allowed value
    assert find(SPEC_STRATEGIES.from_schema(schema), lambda value: True) == "a"


def test_nullable_draws_null_as_well_as_values() -> None:
    # Given a nullable integer and a nullable allOf of a $ref
    plain = SPEC_STRATEGIES.from_schema({"type": "integer", "nullable": True})
    wrapped = SPEC_STRATEGIES.from_schema(
        {"allOf": [{"$ref": "#/components/schemas/Gender"}], "nullable": True}
    )

    # When values are searched for / Then both null and non-null ones are found
    for strategy in (plain, wrapped):
        assert find(strategy, lambda value: value is None) is None
        assert find(strategy, lambda value: value is not None) is not None
    assert find(wrapped, lambda value: value is not None and value > 0) in (1, 2)


def test_patterns_match_in_full_with_ascii_digits() -> None:
    # Given a pattern with \d and no anchors
    strategy = SPEC_STRATEGIES.from_schema({"type": "string", "pattern": r"\d{2}"})

    # When values are searched for / Then none has anything around or other than two ASCII digits
    never(strategy, lambda value: len(value) != 2 or not value.isascii())


def test_lengths_and_bounds_are_kept() -> None:
    # Given bounded strings, int32 integers and a pattern with length limits
    text = SPEC_STRATEGIES.from_schema({"type": "string", "minLength": 2, "maxLength": 3})
    number = SPEC_STRATEGIES.from_schema({"type": "integer", "format": "int32", "minimum": -5})
    pattern = {"type": "string", "pattern": "^[a-z]+$", "minLength": 2, "maxLength": 4}
    short = SPEC_STRATEGIES.from_schema(pattern)

    # When values are searched for outside the bounds / Then there are none
    never(text, lambda v: not 2 <= len(v) <= 3)
    never(number, lambda v: not -5 <= v <= INT32[1])
    never(short, lambda v: not 2 <= len(v) <= 4)


def test_objects_have_every_required_and_only_declared_properties() -> None:
    # Given an object with one required and one optional property
    strategy = SPEC_STRATEGIES.from_schema(
        {
            "type": "object",
            "required": ["a"],
            "properties": {"a": {"type": "boolean"}, "b": {"type": "boolean"}},
        }
    )

    # When values are searched for / Then the optional one is sometimes absent, nothing else is
    assert find(strategy, lambda value: "b" not in value).keys() == {"a"}
    assert find(strategy, lambda value: "b" in value).keys() == {"a", "b"}
    never(strategy, lambda value: "a" not in value or not value.keys() <= {"a", "b"})


def test_arrays_stay_within_min_items_plus_the_cap() -> None:
    # Given an array without maxItems and a builder capped at 2 extra items
    builder = SchemaStrategies(DOCUMENT, max_items=2)
    strategy = builder.from_schema({"type": "array", "minItems": 1, "items": {"type": "boolean"}})

    # When values are searched for / Then their length stays within 1..3, and 3 occurs
    never(strategy, lambda value: not 1 <= len(value) <= 3)
    assert len(find(strategy, lambda value: len(value) == 3)) == 3


def test_recursive_references_are_drawn() -> None:
    # Given a document with a self-referencing schema
    document = {
        "components": {
            "schemas": {
                "Node": {
                    "type": "object",
                    "required": ["value"],
                    "properties": {
                        "value": {"type": "integer"},
                        "next": {"$ref": "#/components/schemas/Node"},
                    },
                }
            }
        }
    }
    strategy = SchemaStrategies(document).from_ref("#/components/schemas/Node")

    # When a nested value is searched for / Then one is found
    assert "next" in find(strategy, lambda value: "next" in value)
