"""Request validators for connexion's validator_map: compiled once, clear messages, our codes."""

from __future__ import annotations

import json
import re
import typing as t
from functools import cache, partial
from types import MappingProxyType

from jsonschema import Draft4Validator, FormatChecker, ValidationError, validators
from starlette.types import Scope

from ..domain.errors import DomainError, ErrorCode
from .framework import (
    ConnexionRequest,
    Draft4RequestValidator,
    JSONBodyValidator,
    ParameterValidator,
    validator_map_with,
)
from .query import resolved_query

__all__ = [
    "DATETIME_PATTERN",
    "Parameters",
    "body_validator",
    "ecma_regex",
    "quick_accept",
    "validator_map",
]

#: The service's date format; a value failing it answers 306, not 400.
DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"
_FORMATS = FormatChecker()


@_FORMATS.checks("date", raises=ValueError)
def _is_date(value: object) -> bool:
    import datetime

    return not isinstance(value, str) or bool(datetime.date.fromisoformat(value))


@_FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value: object) -> bool:
    import datetime

    if not isinstance(value, str):
        return True
    if "T" not in value.upper() or not (value.endswith(("Z", "z")) or value[-6] in "+-"):
        raise ValueError("not an RFC 3339 date-time")
    return bool(datetime.datetime.fromisoformat(value.upper().replace("Z", "+00:00")))


# JSON Schema patterns are ECMA-262 regexes. Python's `re` differs where it matters here: its
# `\d`/`\w`/`\s` are Unicode-wide (`\s` takes U+001C-U+001F and U+0085, which ECMA's does
# not) and its `$` also matches before a final newline. Translate those before compiling.
_ECMA_SPACE = "\t\n\x0b\x0c\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_ECMA_CLASSES = {"d": "0-9", "w": "A-Za-z0-9_", "s": _ECMA_SPACE}


@cache
def ecma_regex(pattern: str) -> re.Pattern[str]:
    """Compile a schema `pattern` with ECMA-262 meanings of \\d \\w \\s (and negations) and $."""
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            escape, body = pattern[i + 1], _ECMA_CLASSES.get(pattern[i + 1].lower())
            if body is None or (in_class and escape.isupper()):
                out.append(pattern[i : i + 2])  # other escapes (and [\S]) keep their meaning
            elif in_class:
                out.append(body)
            else:
                out.append(f"[{'^' if escape.isupper() else ''}{body}]")
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":  # keep `[^` together; `[^]...` is not used
                char, i = "[^", i + 1
        elif char == "$":
            char = r"\Z"
        out.append(char)
        i += 1
    return re.compile("".join(out))


def _pattern(
    validator: t.Any, pattern: str, instance: t.Any, schema: t.Any
) -> t.Iterator[ValidationError]:
    """The `pattern` keyword with ECMA-262 semantics (see ecma_regex)."""
    if validator.is_type(instance, "string") and not ecma_regex(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_ParameterSchemaValidator = validators.extend(Draft4Validator, {"pattern": _pattern})
_BodySchemaValidator = validators.extend(Draft4RequestValidator, {"pattern": _pattern})


def body_validator(schema: t.Any) -> t.Any:
    """The validator a request body is held to (ECMA-262 patterns, our format checks)."""
    return _BodySchemaValidator(schema, format_checker=_FORMATS)


#: Schema keywords that never reject a value.
_ANNOTATIONS = frozenset({"default", "deprecated", "description", "example", "nullable", "title"})
_Accept = t.Callable[[t.Any], bool]


def _is_type(python_type: type, value: t.Any) -> bool:
    return type(value) is python_type  # no bool for integer, no float: as Draft 4


def _at_least(bound: t.Any, value: t.Any) -> bool:
    return bool(value >= bound)


def _at_most(bound: t.Any, value: t.Any) -> bool:
    return bool(value <= bound)


def _length_at_least(bound: int, value: str) -> bool:
    return len(value) >= bound


def _length_at_most(bound: int, value: str) -> bool:
    return len(value) <= bound


def _matches(regex: re.Pattern[str], value: str) -> bool:
    return regex.search(value) is not None


def _member(allowed: frozenset[t.Any], value: t.Any) -> bool:
    return value in allowed


def _all(checks: list[_Accept], value: t.Any) -> bool:
    return all(check(value) for check in checks)


def quick_accept(schema: dict[str, t.Any]) -> _Accept | None:
    """A cheap check that accepts only values the schema accepts; None for other schemas.

    Parameter schemas are small (a type, bounds, lengths, a pattern, an enum); a value
    passing this check needs no jsonschema run. A value failing it goes to jsonschema,
    which accepts it or words the error. So validation stays exactly as strict.
    """
    kind = schema.get("type")
    if kind not in ("integer", "string"):
        return None
    python_type = int if kind == "integer" else str
    checks: list[_Accept] = [partial(_is_type, python_type)]
    for key, bound in schema.items():
        if key == "type" or key in _ANNOTATIONS or key.startswith("x-"):
            continue
        if key == "format" and bound not in _FORMATS.checkers:
            continue  # formats without a checker (int32, ...) never reject
        if key in ("exclusiveMinimum", "exclusiveMaximum") and bound is False:
            continue
        if kind == "integer" and key == "minimum" and not schema.get("exclusiveMinimum"):
            checks.append(partial(_at_least, bound))
        elif kind == "integer" and key == "maximum" and not schema.get("exclusiveMaximum"):
            checks.append(partial(_at_most, bound))
        elif kind == "string" and key == "minLength":
            checks.append(partial(_length_at_least, bound))
        elif kind == "string" and key == "maxLength":
            checks.append(partial(_length_at_most, bound))
        elif kind == "string" and key == "pattern":
            checks.append(partial(_matches, ecma_regex(bound)))
        elif key == "enum" and isinstance(bound, list):
            checks.append(partial(_member, frozenset(e for e in bound if type(e) is python_type)))
        else:
            return None
    return partial(_all, checks)


def _code_for(error: ValidationError) -> ErrorCode:
    if error.validator == "pattern" and error.validator_value == DATETIME_PATTERN:
        return ErrorCode.INVALID_DATETIME_VALUE
    return ErrorCode.BAD_REQUEST


def _explain(error: ValidationError) -> str:
    custom = error.schema.get("x-invalid-message") if isinstance(error.schema, dict) else None
    if custom and error.validator == "pattern":
        return str(custom)
    message = str(error.message)
    return message if len(message) <= 200 else message[:197] + "..."


class Parameters(ParameterValidator):
    """Query/path/header validation with cached validators and messages naming the parameter.

    connexion builds this class for every request (`framework.py` builds it once for an
    operation without a request body), so the compiled schema validators are kept per
    parameter definition, in a cache of the app's own subclass (`validator_map`): it lives
    and dies with the app, like the spec's dicts it holds. This class itself caches nothing.
    The query string is parsed once per request (`query.resolved_query`).
    """

    #: id(definition) -> (definition, validator, quick check); holding the definition keeps
    #: its id from being reused. Read-only and empty here; a dict in each app's subclass.
    _compiled: t.ClassVar[t.Mapping[int, tuple[dict[str, t.Any], t.Any, _Accept | None]]] = (
        MappingProxyType({})
    )

    def __init__(self, *args: t.Any, **kwargs: t.Any) -> None:
        super().__init__(*args, **kwargs)
        self._validators = {
            (p["in"], p["name"]): self._compile(p)
            for group in self.parameters.values()
            for p in group
        }
        known: set[str] = {p["name"] for p in self.parameters.get("query", [])}
        self._known_query = known | set(self.security_query_params)

    @classmethod
    def _compile(cls, param: dict[str, t.Any]) -> tuple[t.Any, _Accept | None]:
        """The validator and quick check of one parameter definition, made on first use."""
        cached = cls._compiled.get(id(param))
        if cached is not None and cached[0] is param:
            return cached[1:]
        schema = param.get("schema", param)
        validator = _ParameterSchemaValidator(schema, format_checker=_FORMATS)
        accept = quick_accept(schema)
        if isinstance(cls._compiled, dict):
            cls._compiled[id(param)] = (param, validator, accept)
        return validator, accept

    def validate_parameter(
        self,
        parameter_type: str,
        value: t.Any,
        param: dict[str, t.Any],
        param_name: str | None = None,
    ) -> None:
        """Validate one value; raise a DomainError naming the parameter."""
        name = param["name"]
        if value is None:
            if param.get("required"):
                raise DomainError(
                    ErrorCode.BAD_REQUEST,
                    f"{parameter_type.capitalize()} parameter '{name}' is required.",
                    name,
                )
            return None
        validator, accept = self._validators[(param["in"], name)]
        if accept is not None and accept(value):
            return None
        error = next(iter(validator.iter_errors(value)), None)
        if error is not None:
            raise DomainError(
                _code_for(error),
                f"{parameter_type.capitalize()} parameter '{name}' is invalid: {_explain(error)}.",
                name,
            )
        return None

    def validate(self, scope: Scope) -> None:
        """Validate the request's parameters, reading the query string parsed once."""
        self.validate_request(ConnexionRequest(scope, uri_parser=self.uri_parser))

    def validate_request(self, request: ConnexionRequest) -> None:
        """Reject unknown query parameters with a clear message, then validate each."""
        query = resolved_query(request.scope, self.uri_parser)
        if self.strict_validation:
            extra = set(query).difference(self._known_query)
            if extra:
                raise DomainError(
                    ErrorCode.BAD_REQUEST,
                    f"Unknown query parameter(s): {', '.join(sorted(extra))}.",
                    sorted(extra)[0],
                )
        for param in self.parameters.get("query", []):
            self.validate_parameter("query", query.get(param["name"]), param)
        for location in ("path", "header", "cookie"):
            for param in self.parameters.get(location, []):
                getattr(self, f"validate_{location}_parameter")(param, request)


class JSONBody(JSONBodyValidator):
    """JSON body validation: non-UTF-8 and malformed JSON are 400s naming the problem."""

    def make_validator(self, schema: t.Any) -> t.Any:
        """The body schema's validator, with ECMA patterns and our format checks."""
        return body_validator(schema)

    def parse(self, raw: bytes) -> t.Any:
        """The body's JSON value; None for an empty body."""
        try:
            text = raw.decode(self.encoding)
        except (UnicodeDecodeError, LookupError):
            raise DomainError(
                ErrorCode.BAD_REQUEST, "The request body is not valid UTF-8.", "request"
            ) from None
        if not text:
            return None
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise DomainError(
                ErrorCode.BAD_REQUEST, f"The request body is not valid JSON: {exc}.", "request"
            ) from None

    def check(self, body: t.Any) -> None:
        """Raise a DomainError naming the first problem of `body`."""
        if body is None:
            raise DomainError(
                ErrorCode.BAD_REQUEST, "The request body must not be empty.", "request"
            )
        error = next(iter(self.schema_validator.iter_errors(body)), None)
        if error is None:
            return
        where = "/".join(str(part) for part in error.absolute_path)
        location = f" at '{where}'" if where else ""
        raise DomainError(
            _code_for(error),
            f"The request body is invalid{location}: {_explain(error)}.",
            _model_key(error.absolute_path),
        )


def _model_key(path: t.Iterable[t.Any]) -> str:
    """ASP.NET's ModelState key of a body member: `request`, `request.CompanyIds[2]`."""
    key = "request"
    for part in path:
        key += f"[{part}]" if isinstance(part, int) else f".{part}"
    return key


def validator_map() -> dict[str, t.Any]:
    """connexion's validator map with our parameter and JSON body validators."""
    # A subclass per call (per app) with its own validator cache, freed with the app.
    parameters = type("Parameters", (Parameters,), {"_compiled": {}, "__module__": __name__})
    return validator_map_with(parameters, JSONBody)
