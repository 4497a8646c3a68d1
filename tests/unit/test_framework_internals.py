"""The connexion and uvicorn internals the mock relies on are still there, as it uses them.

Only `mockserver/http/framework.py` and `framework_validation.py` import connexion and only
`mockserver/http/server.py` imports uvicorn. Each private function, class or attribute they use
is listed here with what they rely on (parameter names, attributes set on `self`), so that an
upgrade which removes or changes one fails with a message naming it, instead of a wrong answer
somewhere.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pathlib
import re
import textwrap
from dataclasses import dataclass
from importlib.metadata import version
from typing import Any

import pytest

__all__: list[str] = []

MOCKSERVER = pathlib.Path(__file__).resolve().parents[2] / "mockserver"
#: The modules that may import each package: connexion's internals sit in two (the app, its
#: operations and spec loading; request validation), uvicorn's in one.
HOMES = {
    "connexion": ["http/framework.py", "http/framework_validation.py"],
    "uvicorn": ["http/server.py"],
}


@dataclass(frozen=True)
class Internal:
    """One name we use: `module:qualname`, the parameters we pass, the attributes we read."""

    path: str
    #: The callable's first parameter names, in order (we pass them by position).
    params: tuple[str, ...] | None = None
    #: Parameter names it must take, anywhere (we pass them by keyword).
    keywords: tuple[str, ...] = ()
    #: Attributes its `__init__` (of the class, or of a base) assigns on `self`.
    sets: tuple[str, ...] = ()
    #: Attributes (methods, properties, class attributes) the object must have.
    has: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.path


CONNEXION = [
    # framework.py: _QueryOperation (the lean GET path)
    Internal("connexion.decorators.parameter:_get_query_defaults", ("query_definitions",)),
    Internal("connexion.decorators.parameter:_get_val_from_param", ("value", "param_definitions")),
    Internal("connexion.decorators.parameter:CONTEXT_NAME"),
    Internal("connexion.decorators.parameter:pythonic", ("name",)),
    Internal("connexion.decorators.parameter:sanitized", ("name",)),
    Internal("connexion.utils:inspect_function_arguments", ("function",)),
    Internal("connexion.utils:is_json_mimetype", ("mimetype",)),
    Internal(
        "connexion.decorators.response:AsyncResponseDecorator", keywords=("framework", "jsonifier")
    ),
    Internal(
        "connexion.decorators.response:AsyncResponseDecorator.build_framework_response",
        ("self", "handler_response"),
    ),
    Internal("connexion.frameworks.starlette:Starlette.is_framework_response", ("response",)),
    Internal(
        "connexion.frameworks.starlette:Starlette.connexion_to_framework_response", ("response",)
    ),
    Internal("connexion.jsonifier:Jsonifier", has=("dumps",)),
    Internal("connexion.context:context"),
    # framework.py: _DecoratedOperation
    Internal("connexion.decorators:StarletteDecorator", keywords=("pythonic_params", "jsonifier")),
    Internal("connexion.decorators:StarletteDecorator.decorate", ("self", "function")),
    Internal(
        "connexion.frameworks.starlette:Starlette.get_request",
        keywords=("scope", "receive", "uri_parser"),
    ),
    # framework.py: the operations connexion hands to make_operation
    Internal(
        "connexion.operations:AbstractOperation",
        has=(
            "function",
            "parameters",
            "body_definition",
            "uri_parser_class",
            "is_request_body_defined",
            "consumes",
            "produces",
        ),
    ),  # fmt: skip
    Internal("connexion.uri_parsing:OpenAPIURIParser", ("param_defns", "body_defn")),
    Internal("connexion.uri_parsing:OpenAPIURIParser", has=("param_defns", "param_schemas")),
    Internal("connexion.uri_parsing:OpenAPIURIParser.resolve_query", ("self", "query_data")),
    # framework.py: _Api, _ASGIApp
    Internal("connexion.apps.asynchronous:AsyncApi", sets=("jsonifier", "pythonic_params")),
    Internal("connexion.apps.asynchronous:AsyncApi.make_operation", ("self", "operation")),
    Internal("connexion.apps.asynchronous:AsyncASGIApp", has=("api_cls",)),
    # framework.py: _ValidationOperation, _ValidationAPI, _Validation
    Internal(
        "connexion.middleware.request_validation:RequestValidationOperation",
        ("next_app",),
        keywords=("operation", "strict_validation", "validator_map"),
        sets=("next_app", "_operation", "strict_validation", "_validator_map"),
        has=("security_query_params",),
    ),
    Internal(
        "connexion.middleware.request_validation:RequestValidationOperation.__call__",
        ("self", "scope", "receive", "send"),
    ),
    Internal(
        "connexion.middleware.request_validation:RequestValidationAPI",
        sets=("next_app", "strict_validation", "validator_map"),
    ),
    Internal(
        "connexion.middleware.request_validation:RequestValidationAPI.make_operation",
        ("self", "operation"),
    ),
    Internal(
        "connexion.middleware.request_validation:RequestValidationMiddleware", has=("api_cls",)
    ),
    # framework.py: FastAsyncApp (the middleware list is edited in place)
    Internal(
        "connexion.middleware:ConnexionMiddleware",
        sets=("app", "middlewares", "middleware_stack"),
        has=("default_middlewares",),
    ),
    Internal("connexion:AsyncApp", sets=("_middleware_app", "middleware")),
    # framework.py: add_checked_api (a spec file's Specification, validated once)
    Internal(
        "connexion.middleware:ConnexionMiddleware",
        sets=("specification_dir", "extra_files", "options", "apis"),
    ),
    Internal("connexion.middleware.main:_Options.replace", ("self",)),
    Internal("connexion.middleware.main:API", ("specification",), keywords=("base_path",)),
    Internal("connexion.spec:Specification.from_dict", ("spec",)),
    Internal("connexion.spec:OpenAPISpecification", ("raw_spec",), keywords=("base_uri",)),
    Internal("connexion.spec:OpenAPISpecification._validate_spec", ("spec",)),
    Internal("connexion.spec:OpenAPISpecification._set_defaults", ("spec",)),
    Internal(
        "connexion:AsyncApp.add_middleware", ("self", "middleware_class", "position", "options")
    ),
    Internal(
        "connexion.middleware:MiddlewarePosition",
        has=("BEFORE_CONTEXT", "BEFORE_EXCEPTION", "BEFORE_VALIDATION"),
    ),
    # framework.py: JSONBodyValidator, validator_map_with, ParameterValidator
    Internal(
        "connexion.validators:JSONRequestBodyValidator",
        sets=("_schema", "_encoding"),
        has=("_validator",),
    ),  # fmt: skip
    Internal("connexion.validators:JSONRequestBodyValidator._parse", ("self", "stream", "scope")),
    Internal("connexion.validators:JSONRequestBodyValidator._validate", ("self", "body")),
    Internal(
        "connexion.validators:ParameterValidator",
        ("parameters",),
        keywords=("uri_parser", "strict_validation", "security_query_params"),
        sets=("parameters", "uri_parser", "strict_validation", "security_query_params"),
    ),
    Internal("connexion.validators:ParameterValidator.validate", ("self", "scope")),
    Internal("connexion.validators:ParameterValidator.validate_request", ("self", "request")),
    Internal(
        "connexion.validators:ParameterValidator.validate_parameter",
        ("parameter_type", "value", "param", "param_name"),
    ),
    *(
        Internal(
            f"connexion.validators:ParameterValidator.validate_{where}_parameter",
            ("self", "param", "request"),
        )  # fmt: skip
        for where in ("path", "header", "cookie")
    ),
    Internal("connexion.datastructures:MediaTypeDict"),
    Internal("connexion.json_schema:Draft4RequestValidator"),
    # framework.py: QueryApiKeyHandler
    Internal(
        "connexion.security:ApiKeySecurityHandler.get_fn",
        ("self", "security_scheme", "required_scopes"),
    ),
    Internal("connexion.security:NO_VALUE"),
    # framework.py: current_scope, request_base_url
    Internal("connexion.context:scope"),
    Internal("connexion.context:request"),
    # the rest of framework.py's names
    Internal("connexion:NoContent"),
    Internal("connexion.exceptions:ProblemException", sets=("status", "detail")),
    Internal("connexion.lifecycle:ConnexionRequest"),
    Internal(
        "connexion.lifecycle:ConnexionResponse",
        keywords=("status_code", "mimetype", "content_type", "body", "headers"),
    ),
    Internal("connexion.options:SwaggerUIOptions", keywords=("swagger_ui_path",)),
    Internal("connexion.resolver:Resolver", keywords=("function_resolver",)),
]

UVICORN = [
    # server.py: ServiceHttpToolsProtocol
    Internal(
        "uvicorn.protocols.http.httptools_impl:HttpToolsProtocol",
        sets=("server_state",),
        has=("connection_made", "send_400_response"),
    ),
    Internal(
        "uvicorn.protocols.http.httptools_impl:HttpToolsProtocol.send_400_response",
        ("self", "msg"),
    ),
    Internal(
        "uvicorn.protocols.http.httptools_impl:HttpToolsProtocol.connection_made",
        ("self", "transport"),
    ),
    # server.py: ForwardingHttpToolsProtocol (called after every response, HEAD's included)
    Internal(
        "uvicorn.protocols.http.httptools_impl:HttpToolsProtocol.on_response_complete", ("self",)
    ),
    Internal("uvicorn.server:ServerState", sets=("default_headers",)),
    # server.py: serve, serve_workers, _supervise (Multiprocess.run, step by step)
    Internal(
        "uvicorn.config:Config",
        ("app",),
        keywords=("factory", "workers", "log_level", "access_log", "http"),
        sets=("timeout_worker_healthcheck",),
    ),
    Internal("uvicorn.config:STARTUP_FAILURE"),
    Internal(
        "uvicorn.supervisors.multiprocess:Multiprocess",
        ("config",),
        keywords=("sockets",),
        sets=("config", "processes", "should_exit"),
    ),
    *(
        Internal(f"uvicorn.supervisors.multiprocess:Multiprocess.{name}", ("self",))
        for name in (
            "init_processes",
            "handle_signals",
            "keep_subprocess_alive",
            "terminate_all",
            "join_all",
        )
    ),  # fmt: skip
    Internal(
        "uvicorn.supervisors.multiprocess:Process.wait_until_ready",
        ("self", "timeout", "should_exit"),
    ),
    Internal("uvicorn.supervisors.multiprocess:Process", has=("exitcode",)),
    # server.py: close_connection (duck-typed on the cycle whose bound `send` it gets)
    Internal(
        "uvicorn.protocols.http.httptools_impl:RequestResponseCycle",
        sets=("transport", "disconnected"),
        has=("send",),
    ),
    Internal(
        "uvicorn.protocols.http.h11_impl:RequestResponseCycle",
        sets=("transport", "disconnected"),
        has=("send",),
    ),
]


def _resolve(path: str) -> Any:
    module_name, _, qualname = path.partition(":")
    obj: Any = importlib.import_module(module_name)
    for part in qualname.split("."):
        assert hasattr(obj, part), f"{path}: {part!r} is gone"
        obj = getattr(obj, part)
    return obj


def _assigned(cls: type) -> set[str]:
    """Attributes the `__init__`s of `cls` and its bases assign on `self` (`self.x = ...`)."""
    names: set[str] = set()
    for klass in cls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None or not inspect.isfunction(init):
            continue
        names |= set(re.findall(r"self\.(\w+)\s*(?::[^=\n]+)?=(?!=)", inspect.getsource(init)))
    return names


def _check(internal: Internal, package: str) -> None:
    where = f"{package} {version(package)}: {internal.path}"
    obj = _resolve(internal.path)
    if internal.params is not None or internal.keywords:
        target = obj.__init__ if inspect.isclass(obj) else obj
        names = [
            name
            for name in inspect.signature(target).parameters
            if not (inspect.isclass(obj) and name == "self")
        ]
        expected = list(internal.params or ())
        assert names[: len(expected)] == expected, (
            f"{where} now takes {names}; we pass {expected} by position"
        )
        missing = [name for name in internal.keywords if name not in names]
        assert not missing, f"{where} now takes {names}; we pass {missing} by keyword"
    if internal.sets:
        missing = set(internal.sets) - _assigned(obj)
        assert not missing, f"{where} no longer sets {sorted(missing)} on its instances"
    for name in internal.has:
        assert hasattr(obj, name), f"{where} has no {name!r} any more"


@pytest.mark.parametrize("internal", CONNEXION, ids=lambda i: i.id)
def test_connexion_internal_is_still_there(internal: Internal) -> None:
    # Given a connexion internal used by mockserver/http/framework.py
    # Then it exists as that module uses it
    _check(internal, "connexion")


@pytest.mark.parametrize("internal", UVICORN, ids=lambda i: i.id)
def test_uvicorn_internal_is_still_there(internal: Internal) -> None:
    # Given a uvicorn internal used by mockserver/http/server.py
    # Then it exists as that module uses it
    _check(internal, "uvicorn")


def test_connexion_constants_have_the_values_we_rely_on() -> None:
    from connexion.decorators import parameter
    from connexion.middleware import abstract
    from connexion.validators import VALIDATOR_MAP, JSONRequestBodyValidator, ParameterValidator

    from mockserver.http.framework import ROUTING_EXTENSION

    # Then routing leaves the operation where journal, surface and XML negotiation read it
    assert abstract.ROUTING_CONTEXT == ROUTING_EXTENSION == "connexion_routing", (
        "connexion.middleware.abstract.ROUTING_CONTEXT changed: the mock reads the routed"
        " operation from scope['extensions']['connexion_routing']"
    )
    # and the validator map has the slots validator_map_with fills
    assert VALIDATOR_MAP["parameter"] is ParameterValidator
    assert VALIDATOR_MAP["body"]["*/*json"] is JSONRequestBodyValidator, (
        "connexion's VALIDATOR_MAP['body'] no longer keys JSON bodies as '*/*json'"
    )
    # and the handler argument named `context_` receives the context
    assert parameter.CONTEXT_NAME == "context_"
    # and the 'not defined in specification' log comes from the logger we quiet
    assert parameter.logger.name == "connexion.decorators.parameter"
    # and the default stack holds the validation middleware FastAsyncApp replaces
    from connexion.middleware import ConnexionMiddleware
    from connexion.middleware.request_validation import RequestValidationMiddleware

    assert RequestValidationMiddleware in ConnexionMiddleware.default_middlewares


def test_inspect_function_arguments_returns_names_and_kwargs_flag() -> None:
    from connexion.utils import inspect_function_arguments

    def handler(a: int, b: int = 2, **kwargs: Any) -> None:
        del a, b, kwargs

    # Then it still answers (argument names, takes **kwargs)
    assert inspect_function_arguments(handler) == (["a", "b"], True), (
        "connexion.utils.inspect_function_arguments changed its result"
    )


def _self_calls(function: Any) -> set[str]:
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    return {
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "self"
    }


def test_multiprocess_run_has_the_steps_serve_workers_repeats() -> None:
    from uvicorn.supervisors.multiprocess import Multiprocess

    # Given the steps of uvicorn's Multiprocess.run, which server._supervise re-runs one by one
    steps = _self_calls(Multiprocess.run)
    # Then they are the ones _supervise takes: a new step would need to be added there
    assert steps == {
        "init_processes", "handle_signals", "keep_subprocess_alive", "terminate_all", "join_all",
    }, f"uvicorn {version('uvicorn')}: Multiprocess.run now calls {sorted(steps)}"  # fmt: skip


def _imports(path: pathlib.Path) -> set[str]:
    """Top-level packages imported anywhere in the module (in functions, under TYPE_CHECKING)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", sorted(HOMES))
def test_only_its_homes_import_the_package(package: str) -> None:
    # Given every module of mockserver/
    importers = sorted(
        str(path.relative_to(MOCKSERVER))
        for path in MOCKSERVER.rglob("*.py")
        if package in _imports(path)
    )
    # Then only the package's homes import it
    assert importers == HOMES[package], (
        f"{package} is imported by {importers}; use it through mockserver/{HOMES[package][0]}"
    )
