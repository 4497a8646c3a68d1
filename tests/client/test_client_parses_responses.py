"""The generated client parses every documented response of every operation, and round-trips it."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest.mock import MagicMock

import httpx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datacollectief_client import AuthenticatedClient, api, models
from datacollectief_client.api.companies import download_company
from datacollectief_client.errors import STATUS_NAMES
from datacollectief_client.models import Error
from tests.support.client_arguments import endpoint_arguments, request_arguments
from tests.support.schema_strategies import SchemaStrategies

__all__: list[str] = []

SPEC = Path(__file__).resolve().parents[2] / "spec" / "datacollectief.yaml"
DOCUMENT: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
STRATEGIES = SchemaStrategies(DOCUMENT)
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
BASE_URL = "https://api.datacollectief.test"
CREDENTIALS = {"user": "me@example.nl", "password": "api-password", "applicationName": "MyApp"}
JSON = "application/json"
CASE_EXAMPLES = 20


def resolved(node: Mapping[str, Any]) -> Mapping[str, Any]:
    """Follow a `$ref` (parameter, response, header) to what it names."""
    return STRATEGIES.resolve(node["$ref"]) if "$ref" in node else node


def endpoint_modules() -> dict[tuple[str, str], types.ModuleType]:
    """Every generated endpoint module, by the method and URL its `_get_kwargs` builds."""
    found: dict[tuple[str, str], types.ModuleType] = {}
    for info in pkgutil.walk_packages(api.__path__, api.__name__ + "."):
        module = importlib.import_module(info.name)
        build = getattr(module, "_get_kwargs", None)
        if build is None:
            continue
        kwargs = build(**{name: MagicMock() for name in inspect.signature(build).parameters})
        key = (kwargs["method"].upper(), kwargs["url"])
        assert key not in found, f"{module.__name__} and {found[key].__name__} both build {key}"
        found[key] = module
    return found


def query_text(value: Any) -> str:
    """The text httpx puts in a query string for a JSON scalar."""
    if isinstance(value, bool):
        return "true" if value else "false"
    assert isinstance(value, int | str), f"no query encoding known for {value!r}"
    return str(value)


def canonical(value: Any) -> str:
    """JSON text that tells apart what `==` does not (1 and True, 1 and 1.0)."""
    return json.dumps(value, sort_keys=True)


@dataclass(frozen=True)
class Operation:
    """One operation of the spec with the generated module that calls it."""

    method: str
    path: str
    spec: Mapping[str, Any]
    module: types.ModuleType

    @property
    def operation_id(self) -> str:
        """The spec's operationId."""
        return str(self.spec["operationId"])

    def arguments(self) -> st.SearchStrategy[tuple[dict[str, Any], Any]]:
        """Draw (query parameters by wire name, JSON request body or None) valid per the spec."""
        return request_arguments(STRATEGIES, DOCUMENT["paths"][self.path], self.spec)


@dataclass(frozen=True)
class Case:
    """One documented response status of one operation."""

    operation: Operation
    status: int
    response: Mapping[str, Any]

    def __str__(self) -> str:
        return f"{self.operation.operation_id}-{self.status}"

    def body_schema(self) -> Mapping[str, Any] | None:
        """The JSON schema of the response body, None when it has no body (the client asks for
        JSON, so other media types of the same answer do not reach it)."""
        content = self.response.get("content")
        if not content:
            return None
        assert JSON in content, f"{self}: only JSON responses known"
        return content[JSON]["schema"]

    def model(self) -> type | None:
        """The generated class the body parses into: the one named after the schema."""
        schema = self.body_schema()
        if schema is None:
            return None
        assert "$ref" in schema, f"{self}: an inline response schema has no schema-named class"
        return getattr(models, schema["$ref"].rsplit("/", 1)[-1])

    def body(self) -> st.SearchStrategy[Any]:
        """Draw a response body valid per the spec (None when there is none)."""
        schema = self.body_schema()
        return st.none() if schema is None else STRATEGIES.from_schema(schema, where=str(self))

    def headers(self) -> st.SearchStrategy[dict[str, str]]:
        """Draw the documented response headers, valid per their schemas."""
        return st.fixed_dictionaries(
            {
                name: STRATEGIES.from_schema(resolved(header)["schema"], where=f"{self} {name}")
                for name, header in self.response.get("headers", {}).items()
            }
        )


def spec_operations() -> list[Operation]:
    """Every operation of the spec, each with its generated module."""
    modules = endpoint_modules()
    operations = [
        Operation(method.upper(), path, spec, modules.pop((method.upper(), path)))
        for path, item in DOCUMENT["paths"].items()
        for method, spec in item.items()
        if method in HTTP_METHODS
    ]
    assert not modules, f"generated endpoints the spec does not have: {sorted(modules)}"
    return operations


OPERATIONS = spec_operations()
CASES = [
    Case(operation, int(status), resolved(response))
    for operation in OPERATIONS
    for status, response in sorted(operation.spec["responses"].items())
]


def error_dict(
    status: int, served: Mapping[str, Any], headers: Mapping[str, str]
) -> dict[str, Any]:
    """What an Error parsed from `served` gives back: the body, with `Code` (the HTTP status) and
    `Status` (the X-Error-Status header, else the documented name of the code) where it has none;
    MockTransport sends no reason phrase, and the standard ones are no status names."""
    expected = {"Code": status, **served}
    status_name = headers.get("X-Error-Status", "").strip() or STATUS_NAMES.get(status)
    if "Status" not in expected and status_name:
        expected["Status"] = status_name
    return expected


def client_serving(serve: Callable[[httpx.Request], httpx.Response]) -> AuthenticatedClient:
    """An authenticated client whose requests `serve` answers, not the network."""
    return AuthenticatedClient(
        base_url=BASE_URL,
        user=CREDENTIALS["user"],
        password=CREDENTIALS["password"],
        application_name=CREDENTIALS["applicationName"],
        raise_on_unexpected_status=True,
        httpx_args={"transport": httpx.MockTransport(serve)},
    )


def test_every_operation_and_status_is_a_case() -> None:
    # Given the spec / When the cases are listed
    # Then each operation has its module and a case for 200, 400 and 304 at least
    assert len(OPERATIONS) == sum(
        method in HTTP_METHODS for item in DOCUMENT["paths"].values() for method in item
    )
    for operation in OPERATIONS:
        statuses = {case.status for case in CASES if case.operation is operation}
        assert {200, 304, 400} <= statuses, operation.operation_id


# Over 300 cases, most of them the same small Error schema: at most CASE_EXAMPLES examples
# each keeps the file near a minute even under the `dev` profile (the `ci` one draws fewer).
@pytest.mark.parametrize("case", CASES, ids=str)
@settings(
    max_examples=min(settings.default.max_examples, CASE_EXAMPLES),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_client_parses_each_documented_response_into_its_model(case: Case, data) -> None:
    # Given valid arguments, and a response body and headers drawn from the spec
    operation = case.operation
    query, request_body = data.draw(operation.arguments(), label="query, request body")
    served = data.draw(case.body(), label="response body")
    headers = data.draw(case.headers(), label="response headers")
    requests: list[httpx.Request] = []

    def serve(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        if served is None:
            return httpx.Response(case.status, headers=headers)
        return httpx.Response(case.status, headers=headers, json=served)

    arguments = endpoint_arguments(operation.module, query, request_body)

    # When the generated client calls the operation
    with client_serving(serve) as client:
        response = operation.module.sync_detailed(client=client, **arguments)

    # Then the request carried the credentials and the arguments, as the spec names them
    (request,) = requests
    assert (request.method, request.url.path) == (operation.method, operation.path)
    expected_query = {**CREDENTIALS, **{wire: query_text(v) for wire, v in query.items()}}
    assert sorted(request.url.params.multi_items()) == sorted(expected_query.items())
    if request_body is not None:
        assert json.loads(request.content) == request_body

    # And the response has the served status and headers, parsed into the documented model
    assert response.status_code == case.status
    for name, value in headers.items():
        assert response.headers[name] == value
    model = case.model()
    if model is None:
        assert response.parsed is None
        return
    assert isinstance(response.parsed, model)
    # And to_dict() gives back exactly the served JSON: nullable fields keep their null,
    # optional ones that were absent stay absent, enums turn back into their values;
    # an Error also gets the code and the status name the HTTP answer carries.
    expected = error_dict(case.status, served, headers) if model is Error else served
    assert response.parsed.to_dict() == expected
    assert canonical(response.parsed.to_dict()) == canonical(expected)


def test_a_310_with_the_documented_body_parses_into_insufficient_credits() -> None:
    # Given the documented 310 of downloadCompany, served as the service sends it
    (case,) = [c for c in CASES if str(c) == "downloadCompany-310"]
    documented = case.response["content"][JSON]["example"]

    def serve(request: httpx.Request) -> httpx.Response:
        headers = {"X-Error-Status": "INSUFFICIENT_CREDITS"}
        return httpx.Response(310, headers=headers, json=documented)

    # When the client downloads a company
    with client_serving(serve) as client:
        response = download_company.sync_detailed(client=client, id=1)

    # Then the response is the Error INSUFFICIENT_CREDITS with code 310
    assert response.status_code == 310
    assert response.headers["X-Error-Status"] == "INSUFFICIENT_CREDITS"
    assert isinstance(response.parsed, Error)
    assert (response.parsed.code, response.parsed.status) == (310, "INSUFFICIENT_CREDITS")
    assert response.parsed.message == documented["Message"]
    assert response.parsed.to_dict() == error_dict(310, documented, response.headers)
