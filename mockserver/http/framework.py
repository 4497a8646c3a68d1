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
import dataclasses
import logging
import os
import pathlib
import typing as t
from functools import cache, cached_property, partial

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response as StarletteResponse
from starlette.types import Receive, Scope, Send

from ..cache_dir import fingerprint
from ..spec_files import checked_spec, spec_text
from .framework_validation import (
    JSONBodyValidator,
    QueryApiKeyHandler,
    Validation,
    validator_map_with,
)
from .import_warnings import quiet_connexion_import
from .query import resolved_query

with quiet_connexion_import():
    import connexion.context as _context
    from connexion import AsyncApp, NoContent
    from connexion.apps.asynchronous import AsyncApi, AsyncASGIApp
    from connexion.context import context
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
    from connexion.middleware.main import API as _RegisteredApi
    from connexion.middleware.request_validation import RequestValidationMiddleware
    from connexion.operations import AbstractOperation
    from connexion.options import SwaggerUIOptions
    from connexion.resolver import Resolver
    from connexion.security import NO_VALUE
    from connexion.spec import OpenAPISpecification, Specification
    from connexion.uri_parsing import OpenAPIURIParser
    from connexion.utils import inspect_function_arguments, is_json_mimetype
    from connexion.validators import ParameterValidator

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


# --- Specifications checked once (see FastAsyncApp.add_api) ---------------------------------


class _CheckedSpecification(OpenAPISpecification):
    """An OpenAPI 3 specification whose content connexion has validated before."""

    @classmethod
    def _validate_spec(cls, spec: t.Any) -> None:
        """Validated by `Specification.from_dict` when it was first loaded (`checked_spec`)."""


@cache
def _checker() -> str:
    """A digest of connexion's specification loading, part of the mark of a validated spec."""
    import connexion.json_schema
    import connexion.spec

    sources = (connexion.spec.__file__, connexion.json_schema.__file__)
    return fingerprint([pathlib.Path(source).read_bytes() for source in sources if source])[:12]


def _loaded(path: pathlib.Path) -> Specification | None:
    """The specification at `path` as connexion loads it, without validating it again.

    None when connexion's own loading must run: the file uses Jinja, is no OpenAPI 3 document
    or does not convert to plain JSON."""
    text = spec_text(path)
    if any(marker in text for marker in ("{{", "{%", "{#")):
        return None  # connexion renders the file with Jinja first
    raw = checked_spec(path, Specification.from_dict, _checker(), final_newline=False)
    if raw is None or not str(raw.get("openapi", "")).startswith("3."):
        return None
    # connexion copies what it keeps; it changes the dict it is given only to add "components".
    given = raw if "components" in raw else copy.deepcopy(raw)
    return _CheckedSpecification(given, base_uri=f"{path.parent}{os.sep}")


def add_checked_api(
    middleware: ConnexionMiddleware,
    specification: t.Any,
    base_path: str | None,
    name: str | None,
    arguments: dict[str, t.Any] | None,
    options: dict[str, t.Any],
) -> bool:
    """Add a spec file's API as connexion would, validated once; False: connexion must."""
    if arguments is not None or not isinstance(specification, str | pathlib.Path):
        return False
    if str(specification).startswith(("http://", "https://")):
        return False
    path = pathlib.Path(middleware.specification_dir) / specification
    loaded = _loaded(path) if path.is_file() else None
    if loaded is None:
        return False
    if middleware.middleware_stack is not None:
        raise RuntimeError("Cannot add api after an application has started")
    if pathlib.Path.cwd() in path.parents:  # as connexion: a file to watch when reloading
        middleware.extra_files.append(str(path.relative_to(pathlib.Path.cwd())))
    known = {field.name for field in dataclasses.fields(middleware.options) if field.init}
    settings = middleware.options.replace(**{k: v for k, v in options.items() if k in known})
    extra = {k: v for k, v in options.items() if k not in known}
    middleware.apis.append(
        _RegisteredApi(loaded, base_path=base_path, name=name, **settings.__dict__, **extra)
    )
    return True


class FastAsyncApp(AsyncApp):
    """AsyncApp serving its operations through `_Api` and `Validation` (see the docstring)."""

    def __init__(self, import_name: str, **kwargs: t.Any) -> None:
        stack = kwargs.get("middlewares") or ConnexionMiddleware.default_middlewares
        kwargs["middlewares"] = [
            Validation if m is RequestValidationMiddleware else m for m in stack
        ]
        kwargs.setdefault("uri_parser_class", _URIParser)
        super().__init__(import_name, **kwargs)
        # AsyncApp creates its AsyncASGIApp inline; swap it before any API is added.
        self._middleware_app = self.middleware.app = _ASGIApp()

    def add_api(
        self,
        specification: t.Any,
        *,
        base_path: str | None = None,
        name: str | None = None,
        arguments: dict[str, t.Any] | None = None,
        **options: t.Any,
    ) -> None:
        """connexion's add_api; a spec file is parsed and validated once per process
        (`add_checked_api`)."""
        if not add_checked_api(self.middleware, specification, base_path, name, arguments, options):
            super().add_api(
                specification, base_path=base_path, name=name, arguments=arguments, **options
            )

    def add_middleware(
        self,
        middleware_class: t.Any,
        position: MiddlewarePosition = MiddlewarePosition.BEFORE_CONTEXT,
        **options: t.Any,
    ) -> None:
        """connexion's add_middleware; BEFORE_VALIDATION also finds `Validation`."""
        if position is not MiddlewarePosition.BEFORE_VALIDATION:
            super().add_middleware(middleware_class, position, **options)
            return
        if self.middleware.middleware_stack is not None:
            raise RuntimeError("Cannot add middleware after an application has started")
        stack = self.middleware.middlewares
        stack.insert(stack.index(Validation), partial(middleware_class, **options))
