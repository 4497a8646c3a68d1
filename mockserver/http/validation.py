"""Request validators for connexion's validator_map: compiled once, clear messages, our codes."""

from __future__ import annotations

import json
import typing as t
from functools import cached_property

from connexion.datastructures import MediaTypeDict
from connexion.json_schema import Draft4RequestValidator
from connexion.validators import VALIDATOR_MAP, JSONRequestBodyValidator, ParameterValidator
from jsonschema import Draft4Validator, FormatChecker, ValidationError
from starlette.types import Scope

from ..domain.errors import DomainError, ErrorCode

__all__ = ["DATETIME_PATTERN", "validator_map"]

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
    """Query/path/header validation with cached validators and messages naming the parameter."""

    def __init__(self, *args: t.Any, **kwargs: t.Any) -> None:
        super().__init__(*args, **kwargs)
        self._validators = {
            (p["in"], p["name"]): Draft4Validator(p.get("schema", p), format_checker=_FORMATS)
            for group in self.parameters.values()
            for p in group
        }

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
                )
            return None
        validator = self._validators[(param["in"], name)]
        error = next(iter(validator.iter_errors(value)), None)
        if error is not None:
            raise DomainError(
                _code_for(error),
                f"{parameter_type.capitalize()} parameter '{name}' is invalid: {_explain(error)}.",
            )
        return None

    def validate_request(self, request):  # type: ignore[no-untyped-def]
        """Reject unknown query parameters with a clear message, then validate each."""
        if self.strict_validation:
            extra = self.validate_query_parameter_list(request, self.security_query_params)
            if extra:
                raise DomainError(
                    ErrorCode.BAD_REQUEST,
                    f"Unknown query parameter(s): {', '.join(sorted(extra))}.",
                )
        for location in ("query", "path", "header", "cookie"):
            for param in self.parameters.get(location, []):
                getattr(self, f"validate_{location}_parameter")(param, request)


class JSONBody(JSONRequestBodyValidator):
    """JSON body validation: non-UTF-8 and malformed JSON are 400s naming the problem."""

    @cached_property
    def _validator(self) -> t.Any:
        return Draft4RequestValidator(self._schema, format_checker=_FORMATS)

    async def _parse(self, stream: t.AsyncGenerator[bytes, None], scope: Scope) -> t.Any:
        raw = b"".join([message async for message in stream])
        try:
            text = raw.decode(self._encoding)
        except (UnicodeDecodeError, LookupError):
            raise DomainError(
                ErrorCode.BAD_REQUEST, "The request body is not valid UTF-8."
            ) from None
        if not text:
            return None
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise DomainError(
                ErrorCode.BAD_REQUEST, f"The request body is not valid JSON: {exc}."
            ) from None

    def _validate(self, body: t.Any) -> dict | None:  # type: ignore[type-arg]
        if body is None:
            raise DomainError(ErrorCode.BAD_REQUEST, "The request body must not be empty.")
        error = next(iter(self._validator.iter_errors(body)), None)
        if error is None:
            return None
        where = "/".join(str(part) for part in error.absolute_path)
        location = f" at '{where}'" if where else ""
        raise DomainError(
            _code_for(error), f"The request body is invalid{location}: {_explain(error)}."
        )


def validator_map() -> dict[str, t.Any]:
    """connexion's validator map with our parameter and JSON body validators."""
    body = MediaTypeDict(dict(VALIDATOR_MAP["body"]) | {"*/*json": JSONBody})
    return {"parameter": Parameters, "body": body}
