"""connexion's request validation, with our validators and credential check: the other
module of connexion's internals (beside `framework.py`, which re-exports these names), checked
by tests/unit/test_framework_internals.py."""

from __future__ import annotations

import typing as t
from collections.abc import Callable
from functools import cached_property

from starlette.types import Receive, Scope, Send

from .import_warnings import quiet_connexion_import

with quiet_connexion_import():
    from connexion.datastructures import MediaTypeDict
    from connexion.lifecycle import ConnexionRequest
    from connexion.middleware.request_validation import (
        RequestValidationAPI,
        RequestValidationMiddleware,
        RequestValidationOperation,
    )
    from connexion.operations import AbstractOperation
    from connexion.security import ApiKeySecurityHandler
    from connexion.validators import VALIDATOR_MAP, JSONRequestBodyValidator

__all__ = ["JSONBodyValidator", "QueryApiKeyHandler", "Validation", "validator_map_with"]


def validator_map_with(parameter: type, json_body: type) -> dict[str, t.Any]:
    """connexion's validator map with `parameter` and, for JSON bodies, `json_body`."""
    body = MediaTypeDict(dict(VALIDATOR_MAP["body"]) | {"*/*json": json_body})
    return {"parameter": parameter, "body": body}


class JSONBodyValidator(JSONRequestBodyValidator):
    """connexion's JSON request-body validator, with our hooks for its private steps.

    Subclasses give `make_validator` (the schema validator), `parse` (the raw body to a value,
    or None for an empty one) and `check` (raise for an invalid value).
    """

    @property
    def encoding(self) -> str:
        """The request's charset (utf-8 unless it names another)."""
        return t.cast(str, self._encoding)

    def make_validator(self, schema: t.Any) -> t.Any:
        """The schema validator of the request body."""
        raise NotImplementedError

    def parse(self, raw: bytes) -> t.Any:
        """The body's value; None when there is none."""
        raise NotImplementedError

    def check(self, body: t.Any) -> None:
        """Raise when `body` is not acceptable."""
        raise NotImplementedError

    @property
    def schema_validator(self) -> t.Any:
        """The body schema's validator (`make_validator`'s, made once)."""
        return self._validator

    @cached_property
    def _validator(self) -> t.Any:
        return self.make_validator(self._schema)

    async def _parse(self, stream: t.AsyncGenerator[bytes, None], scope: Scope) -> t.Any:
        return self.parse(b"".join([message async for message in stream]))

    def _validate(self, body: t.Any) -> dict | None:  # type: ignore[type-arg]
        self.check(body)
        return None


_Check = Callable[[ConnexionRequest], t.Any]


class QueryApiKeyHandler(ApiKeySecurityHandler):
    """connexion's apiKey handler for query credentials; `check_for(name)` checks one scheme.

    A check returns NO_VALUE for an absent credential, or the token info of a present one.
    """

    def check_for(self, name: str) -> _Check:
        """The check of the query apiKey scheme `name`."""
        raise NotImplementedError

    def get_fn(self, security_scheme: dict[str, t.Any], required_scopes: t.Any) -> _Check:
        """The check of one scheme; only query apiKeys are used by the API."""
        if security_scheme.get("in") != "query":
            raise ValueError(f"unsupported apiKey location in {security_scheme!r}")
        return self.check_for(security_scheme["name"])


# --- Request validation with validators built once ---------------------------------------


class ValidationOperation(RequestValidationOperation):
    """Request validation with the parameter validator and URI parser built once, at first use."""

    def __init__(self, *args: t.Any, **kwargs: t.Any) -> None:
        super().__init__(*args, **kwargs)
        operation = self._operation
        # Without a request body the content type is neither checked nor used.
        self._bodiless = not operation.consumes and not operation.is_request_body_defined

    @cached_property
    def _parameters(self) -> t.Any:
        """The parameter validator, built by the first request (not every operation gets one)."""
        operation = self._operation
        return self._validator_map["parameter"](
            operation.parameters,
            uri_parser=operation.uri_parser_class(
                operation.parameters, operation.body_definition()
            ),
            strict_validation=self.strict_validation,
            security_query_params=self.security_query_params,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._bodiless:
            await super().__call__(scope, receive, send)
            return
        self._parameters.validate(scope)
        await self.next_app(scope, receive, send)


class ValidationAPI(RequestValidationAPI):
    def make_operation(self, operation: AbstractOperation) -> RequestValidationOperation:
        """A validation operation prepared at start-up."""
        return ValidationOperation(
            self.next_app,
            operation=operation,
            strict_validation=self.strict_validation,
            validator_map=self.validator_map,
        )


class Validation(RequestValidationMiddleware):
    """connexion's request validation middleware with `ValidationOperation`s."""

    api_cls = ValidationAPI
