"""Helpers of the conformance tests: the corpus, the spec's operations and a client they answer."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import types
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any
from unittest.mock import MagicMock

import attrs
import httpx

from datacollectief_client import AuthenticatedClient, api, models
from mockserver.provenance import load_spec, operations, resolve
from tests.support.client_arguments import endpoint_arguments

__all__ = [
    "replay",
    "ANSWER_CASES",
    "CARRIERS",
    "CORPUS",
    "ERROR_CASES",
    "OPERATIONS",
    "SPEC",
    "AnswerCase",
    "ErrorCase",
    "Operation",
    "client_serving",
    "error_response",
    "load_corpus",
    "models_in",
]

CORPUS = Path(__file__).resolve().parents[1] / "conformance" / "corpus"
SPEC: dict[str, Any] = load_spec()
JSON = "application/json"
BASE_URL = "https://api.datacollectief.test"
CREDENTIALS = {"user": "me@example.nl", "password": "api-password", "applicationName": "MyApp"}
#: How the status name reaches the client: the mock's header, a real reason phrase, or not at all.
HEADER, REASON_PHRASE, NO_CARRIER = "X-Error-Status header", "reason phrase", "no carrier"
CARRIERS = (HEADER, REASON_PHRASE, NO_CARRIER)


def load_corpus(name: str) -> Any:
    """A corpus file, parsed."""
    return json.loads((CORPUS / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class ErrorCase:
    """One error answer of corpus/errors.json."""

    name: str
    status: int
    status_name: str | None
    reason_phrase: str
    body: dict[str, Any] | None

    def __str__(self) -> str:
        return self.name

    @property
    def documented(self) -> bool:
        """Whether the code is one of the service's documented codes 300-319."""
        return 300 <= self.status <= 319


@dataclass(frozen=True)
class AnswerCase:
    """One 200 answer of corpus/answers.json."""

    key: str
    operation_id: str
    documented: Any
    with_unknown_fields: Any

    def __str__(self) -> str:
        return self.key


ERROR_CASES = [
    ErrorCase(c["name"], c["status"], c["statusName"], c["reasonPhrase"], c["body"])
    for c in load_corpus("errors.json")["cases"]
]
ANSWER_CASES = [
    AnswerCase(key, c["operationId"], c["documented"], c["withUnknownFields"])
    for key, c in load_corpus("answers.json")["cases"].items()
]


def error_response(case: ErrorCase, carrier: str) -> httpx.Response:
    """The answer of `case` as the service could send it, the status name carried by `carrier`."""
    headers = {"X-Error-Status": case.status_name} if carrier == HEADER and case.status_name else {}
    reason = case.reason_phrase.encode("ascii")
    phrase = {"reason_phrase": reason} if carrier == REASON_PHRASE else {}
    body = {} if case.body is None else {"json": case.body}
    return httpx.Response(case.status, headers=headers, extensions=phrase, **body)


def _endpoint_modules() -> dict[tuple[str, str], types.ModuleType]:
    """Every generated endpoint module, by the method and URL its `_get_kwargs` builds."""
    found: dict[tuple[str, str], types.ModuleType] = {}
    for info in pkgutil.walk_packages(api.__path__, api.__name__ + "."):
        module = importlib.import_module(info.name)
        build = getattr(module, "_get_kwargs", None)
        if build is not None:
            kwargs = build(**{name: MagicMock() for name in inspect.signature(build).parameters})
            found[(kwargs["method"].upper(), kwargs["url"])] = module
    return found


@dataclass(frozen=True)
class Operation:
    """One operation of the spec with the generated module that calls it."""

    operation_id: str
    method: str
    path: str
    spec: Mapping[str, Any]
    module: types.ModuleType

    def __str__(self) -> str:
        return self.operation_id

    @cached_property
    def statuses(self) -> list[int]:
        """The documented response statuses."""
        return sorted(int(status) for status in self.spec["responses"])

    def model(self, status: int) -> type | None:
        """The generated class a documented answer with `status` parses into (None: no body)."""
        response = resolve(SPEC, self.spec["responses"][str(status)])
        media = response.get("content", {}).get(JSON)
        if media is None:
            return None
        return getattr(models, media["schema"]["$ref"].rsplit("/", 1)[-1])

    def arguments(self) -> dict[str, Any]:
        """`sync_detailed` arguments from the spec's examples of the required parameters and
        of the request body."""
        nodes = [*SPEC["paths"][self.path].get("parameters", []), *self.spec.get("parameters", [])]
        query = {
            parameter["name"]: parameter["example"]
            for parameter in (resolve(SPEC, node) for node in nodes)
            if parameter.get("required") and parameter["name"] not in CREDENTIALS
        }
        body = None
        if "requestBody" in self.spec:
            body = resolve(SPEC, self.spec["requestBody"])["content"][JSON]["example"]
        return endpoint_arguments(self.module, query, body)

    def call(self, client: AuthenticatedClient) -> Any:
        """When: the generated client's `sync_detailed` calls the operation."""
        return self.module.sync_detailed(client=client, **self.arguments())


def _spec_operations() -> list[Operation]:
    modules = _endpoint_modules()
    found = [
        Operation(op["operationId"], method.upper(), path, op, modules.pop((method.upper(), path)))
        for path, method, op in operations(SPEC)
    ]
    assert not modules, f"generated endpoints the spec does not have: {sorted(modules)}"
    return found


OPERATIONS = _spec_operations()


def client_serving(
    serve: Callable[[httpx.Request], httpx.Response], **options: Any
) -> AuthenticatedClient:
    """An authenticated client whose requests `serve` answers, not the network."""
    settings: dict[str, Any] = {"raise_on_unexpected_status": True, **options}
    return AuthenticatedClient(
        base_url=BASE_URL,
        user=CREDENTIALS["user"],
        password=CREDENTIALS["password"],
        application_name=CREDENTIALS["applicationName"],
        httpx_args={"transport": httpx.MockTransport(serve)},
        **settings,
    )


def models_in(value: Any) -> Iterator[Any]:
    """Every generated model instance in a parsed answer (itself, its fields, list items)."""
    if attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            if field.name != "additional_properties":
                yield from models_in(getattr(value, field.name))
    elif isinstance(value, list):
        for item in value:
            yield from models_in(item)


def replay(fixture: Mapping[str, Any]) -> tuple[Operation, Any]:
    """When: the generated client calls a recorded fixture's operation and the service answers
    with the recorded answer (status, reason phrase, kept headers, body); its detailed answer."""
    operation = next(o for o in OPERATIONS if o.operation_id == fixture["operationId"])
    recorded = fixture["response"]
    body = recorded["body"]
    content = b""
    if body is not None:
        content = json.dumps(body["json"]).encode() if "json" in body else body["text"].encode()

    def serve(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            recorded["status"], headers=recorded["headers"], content=content,
            extensions={"reason_phrase": str(recorded["reason"]).encode("ascii", "replace")},
        )  # fmt: skip

    return operation, operation.call(client_serving(serve))
