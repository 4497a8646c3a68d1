"""connexion in one place: the names the mock uses, and every internal it relies on.

connexion 3.3.0 is pinned (pyproject.toml). Nothing else in `mockserver` imports connexion;
each private function, class or attribute used here sits behind a small function or class of
ours, and `tests/unit/test_framework_internals.py` checks that each still exists as used.

`FastAsyncApp` is connexion's AsyncApp with its per-operation work done once, at start.
Why: connexion 3.3.0 rebuilds an operation's decorator chain on every request
(`AsyncOperation.fn` makes a StarletteDecorator, which inspects the handler's signature, builds
the parameter and response decorators and a URI parser), rebuilds the query-parameter
definitions and defaults, re-parses the query string and reads the body and form even for
operations without one. `FastAsyncApp` swaps the app at the bottom of the middleware stack
for one whose operations keep all of that from start-up:

- an operation without request body or path parameters (every GET of the API) turns the
  query, already parsed and resolved for validation (`query.resolved_query`), into keyword
  arguments with connexion's own casting, defaults and context, and shapes the response
  with connexion's response decorator;
- any other operation runs connexion's own decorator chain, built once.

Request validation keeps connexion's middleware and our validators (`validation.py`); its
operations build the parameter validator once, and skip the content-type work for operations
without a request body. Everything else in the middleware stack is connexion's.
"""

from __future__ import annotations

import asyncio
import copy
import logging
import typing as t
import warnings
from collections.abc import Callable
from functools import cached_property, partial

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response as StarletteResponse
from starlette.types import Receive, Scope, Send

from .query import resolved_query

# connexion 3.3.0 imports starlette's TestClient (which warns that httpx is deprecated) and
# jsonschema's RefResolver (deprecated) when it is imported: warnings about connexion's own
# imports, not the user's code, so they stay out of a run with `-W error`. Only connexion's
# modules at import time are quieted; nothing of ours is hidden.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", module="connexion")
    import connexion.context as _context
    from connexion import AsyncApp, NoContent
    from connexion.apps.asynchronous import AsyncApi, AsyncASGIApp
    from connexion.context import context
    from connexion.datastructures import MediaTypeDict
    from connexion.decorators import StarletteDecorator
    from connexion.decorators.parameter import (
        CONTEXT_NAME,
        _get_query_defaults,
        _get_val_from_param,
        pythonic,
        sanitized,
    )
    from connexion.decorators.response import AsyncResponseDecorator
    from connexion.exceptions import ProblemException
    from connexion.frameworks.starlette import Starlette as StarletteFramework
    from connexion.json_schema import Draft4RequestValidator
    from connexion.jsonifier import Jsonifier
    from connexion.lifecycle import ConnexionRequest, ConnexionResponse
    from connexion.middleware import ConnexionMiddleware, MiddlewarePosition
    from connexion.middleware.request_validation import (
        RequestValidationAPI,
        RequestValidationMiddleware,
        RequestValidationOperation,
    )
    from connexion.operations import AbstractOperation
    from connexion.options import SwaggerUIOptions
    from connexion.resolver import Resolver
    from connexion.security import NO_VALUE, ApiKeySecurityHandler
    from connexion.uri_parsing import OpenAPIURIParser
    from connexion.utils import inspect_function_arguments, is_json_mimetype
    from connexion.validators import VALIDATOR_MAP, JSONRequestBodyValidator, ParameterValidator

__all__ = [
    "NO_VALUE",
    "ROUTING_EXTENSION",
    "AsyncApp",
    "ConnexionRequest",
    "ConnexionResponse",
    "Draft4RequestValidator",
    "FastAsyncApp",
    "JSONBodyValidator",
    "MiddlewarePosition",
    "NoContent",
    "ParameterValidator",
    "ProblemException",
    "QueryApiKeyHandler",
    "Resolver",
    "SwaggerUIOptions",
    "current_scope",
    "default_middlewares",
    "quiet_undefined_parameter_log",
    "request_base_url",
    "validator_map_with",
]

#: The key in the ASGI scope's "extensions" where connexion's routing leaves the operation.
ROUTING_EXTENSION = "connexion_routing"

_Kwargs = dict[str, t.Any]


# --- Small helpers over connexion's request context, middleware list and logging -------------


def default_middlewares() -> list[t.Any]:
    """connexion's default middleware stack, as a new list."""
    return list(ConnexionMiddleware.default_middlewares)


def current_scope() -> Scope:
    """The ASGI scope of the request being handled (connexion's request context)."""
    return t.cast(Scope, _context.scope)


def request_base_url() -> str:
    """The base URL of the request being handled, as connexion's request gives it."""
    return str(_context.request.base_url)


def quiet_undefined_parameter_log() -> None:
    """Silence connexion's "not defined in specification" log of the credential parameters."""
    logging.getLogger("connexion.decorators.parameter").setLevel(logging.CRITICAL)


# --- Validators and security handlers for connexion's validator_map and security_map ----------


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


# --- FastAsyncApp: operations prepared at start-up (see the module docstring) ----------------


class _URIParser(OpenAPIURIParser):
    """connexion's OpenAPI URI parser with the parameter schemas computed once.

    connexion rebuilds the `param_schemas` dict on every access, several times for each
    query parameter of each request.
    """

    @cached_property
    def param_schemas(self) -> dict[str, t.Any]:
        """Parameter name -> schema."""
        return {k: v.get("schema", {}) for k, v in self.param_defns.items()}


class _QueryOperation:
    """An operation whose arguments all come from the query string (and the security context)."""

    def __init__(
        self, operation: AbstractOperation, jsonifier: Jsonifier, pythonic_params: bool
    ) -> None:
        self._function = operation.function
        self._is_async = asyncio.iscoroutinefunction(self._function)
        self._uri_parser = operation.uri_parser_class(
            operation.parameters, operation.body_definition()
        )
        arguments, self._has_kwargs = inspect_function_arguments(self._function)
        self._arguments = set(arguments)
        sanitize = pythonic if pythonic_params else sanitized
        definitions = {p["name"]: p for p in operation.parameters if p["in"] == "query"}
        wanted = {
            name: key
            for name in definitions
            if (key := sanitize(name)) in self._arguments or self._has_kwargs
        }
        self._query = {name: (wanted[name], definitions[name]) for name in wanted}
        self._defaults = {
            wanted[name]: _get_val_from_param(value, definitions[name])
            for name, value in _get_query_defaults(definitions).items()
            if name in wanted
        }
        self._copy_defaults = any(isinstance(v, dict | list) for v in self._defaults.values())
        self._response = AsyncResponseDecorator(framework=StarletteFramework, jsonifier=jsonifier)
        self._jsonifier = jsonifier
        produces = {media for media in operation.produces if is_json_mimetype(media)}
        self._json_type = produces.pop() if len(produces) == 1 else None

    def _kwargs(self, scope: Scope) -> _Kwargs:
        """The handler's arguments, as connexion's parameter decorator would pass them."""
        kwargs = copy.deepcopy(self._defaults) if self._copy_defaults else dict(self._defaults)
        query = self._query
        for name, value in resolved_query(scope, self._uri_parser).items():
            target = query.get(name)
            if target is not None:
                kwargs[target[0]] = _get_val_from_param(value, target[1])
        for key, value in context.items():
            if self._has_kwargs or key in self._arguments:
                kwargs[key] = value
        if CONTEXT_NAME in self._arguments:
            kwargs[CONTEXT_NAME] = context
        return kwargs

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kwargs = self._kwargs(scope)
        if self._is_async:
            result = await self._function(**kwargs)
        else:  # as connexion does: a sync handler runs in the thread pool
            result = await run_in_threadpool(self._function, **kwargs)
        if (
            isinstance(result, tuple)
            and len(result) == 3
            and isinstance(result[0], dict | list)
            and result[2] == {"Content-Type": self._json_type}
        ):
            # What connexion's response decorator makes of (JSON value, status, its JSON
            # content type), without its per-request content-type work.
            response = StarletteResponse(
                content=self._jsonifier.dumps(result[0]), status_code=result[1],
                media_type=self._json_type, headers=result[2],
            )  # fmt: skip
        elif StarletteFramework.is_framework_response(result):
            response = result
        elif isinstance(result, ConnexionResponse):
            response = StarletteFramework.connexion_to_framework_response(result)
        else:
            response = self._response.build_framework_response(result)
        await response(scope, receive, send)


class _DecoratedOperation:
    """Any other operation: connexion's decorator chain, built once instead of per request."""

    def __init__(
        self, operation: AbstractOperation, jsonifier: Jsonifier, pythonic_params: bool
    ) -> None:
        decorator = StarletteDecorator(pythonic_params=pythonic_params, jsonifier=jsonifier)
        self._decorated = decorator.decorate(operation.function)
        self._uri_parser = operation.uri_parser_class(
            operation.parameters, operation.body_definition()
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = StarletteFramework.get_request(
            scope=scope, receive=receive, uri_parser=self._uri_parser
        )
        response = await self._decorated(request)
        await response(scope, receive, send)


class _Api(AsyncApi):
    """AsyncApi whose operations are prepared at start-up."""

    def make_operation(self, operation: AbstractOperation) -> t.Any:
        """A query-only operation takes the lean path; others connexion's cached chain."""
        path_params = any(p["in"] == "path" for p in operation.parameters)
        cls = (
            _DecoratedOperation
            if path_params or operation.is_request_body_defined
            else _QueryOperation
        )
        return cls(operation, self.jsonifier, self.pythonic_params)


class _ASGIApp(AsyncASGIApp):
    api_cls = _Api


class _ValidationOperation(RequestValidationOperation):
    """Request validation with the parameter validator and URI parser built once."""

    def __init__(self, *args: t.Any, **kwargs: t.Any) -> None:
        super().__init__(*args, **kwargs)
        operation = self._operation
        self._parameters = self._validator_map["parameter"](
            operation.parameters,
            uri_parser=operation.uri_parser_class(
                operation.parameters, operation.body_definition()
            ),
            strict_validation=self.strict_validation,
            security_query_params=self.security_query_params,
        )
        # Without a request body the content type is neither checked nor used.
        self._bodiless = not operation.consumes and not operation.is_request_body_defined

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._bodiless:
            await super().__call__(scope, receive, send)
            return
        self._parameters.validate(scope)
        await self.next_app(scope, receive, send)


class _ValidationAPI(RequestValidationAPI):
    def make_operation(self, operation: AbstractOperation) -> RequestValidationOperation:
        """A validation operation prepared at start-up."""
        return _ValidationOperation(
            self.next_app,
            operation=operation,
            strict_validation=self.strict_validation,
            validator_map=self.validator_map,
        )


class _Validation(RequestValidationMiddleware):
    """connexion's request validation middleware with `_ValidationOperation`s."""

    api_cls = _ValidationAPI


class FastAsyncApp(AsyncApp):
    """AsyncApp serving its operations through `_Api` and `_Validation` (see the docstring)."""

    def __init__(self, import_name: str, **kwargs: t.Any) -> None:
        stack = kwargs.get("middlewares") or ConnexionMiddleware.default_middlewares
        kwargs["middlewares"] = [
            _Validation if m is RequestValidationMiddleware else m for m in stack
        ]
        kwargs.setdefault("uri_parser_class", _URIParser)
        super().__init__(import_name, **kwargs)
        # AsyncApp creates its AsyncASGIApp inline; swap it before any API is added.
        self._middleware_app = self.middleware.app = _ASGIApp()

    def add_middleware(
        self,
        middleware_class: t.Any,
        position: MiddlewarePosition = MiddlewarePosition.BEFORE_CONTEXT,
        **options: t.Any,
    ) -> None:
        """connexion's add_middleware; BEFORE_VALIDATION also finds `_Validation`."""
        if position is not MiddlewarePosition.BEFORE_VALIDATION:
            super().add_middleware(middleware_class, position, **options)
            return
        if self.middleware.middleware_stack is not None:
            raise RuntimeError("Cannot add middleware after an application has started")
        stack = self.middleware.middlewares
        stack.insert(stack.index(_Validation), partial(middleware_class, **options))
