"""Every operation: spec-drawn requests from the client get documented, parsed answers."""

from __future__ import annotations

import functools
import importlib
import inspect
import re
import types
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest.mock import MagicMock

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from datacollectief_client import models
from datacollectief_client.models import Error
from mockserver.pytest_plugin import MockService
from tests.support.client_arguments import endpoint_arguments, request_arguments
from tests.support.schema_strategies import SchemaStrategies
from tests.support.strategies import company_ids, dates_around_month_ends, wire_date

__all__: list[str] = []

SPEC = Path(__file__).resolve().parents[2] / "spec" / "datacollectief.yaml"
DOCUMENT: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
JSON = "application/json"
RECORD_ID = "#/components/schemas/RecordId"
DATE_TIME = "#/components/schemas/DateTime"
# Statuses a fresh account's right credentials must never get.
AUTHENTICATION_ERRORS = {301, 302, 304, 305}


class MockStrategies(SchemaStrategies):
    """Schema strategies that also draw the dataset's record numbers and near-boundary dates."""

    # Both stay valid by the schema (RecordId 1..2^31-1; the DateTime pattern), but make
    # requests reach records that exist, and dates around month ends and DST switches.

    def from_ref(self, ref: str, where: str = "#") -> st.SearchStrategy[Any]:
        """As the base class, with dataset ids and Amsterdam dates mixed in."""
        strategy = super().from_ref(ref, where)
        if ref == RECORD_ID:
            return strategy | company_ids()
        if ref == DATE_TIME:
            return strategy | dates_around_month_ends().map(wire_date)
        return strategy


STRATEGIES = MockStrategies(DOCUMENT)


def resolved(node: Mapping[str, Any]) -> Mapping[str, Any]:
    """Follow a `$ref` (parameter, response, request body) to what it names."""
    return STRATEGIES.resolve(node["$ref"]) if "$ref" in node else node


def snake(name: str) -> str:
    """`getUpdatedCompaniesV2` -> `get_updated_companies_v2` (the generator's module names)."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


@dataclass(frozen=True)
class Operation:
    """One operation of the spec with the generated module that calls it."""

    method: str
    path: str
    spec: Mapping[str, Any]

    def __str__(self) -> str:
        return str(self.spec["operationId"])

    @functools.cached_property
    def module(self) -> types.ModuleType:
        """The generated endpoint module: api/<tag>/<operationId>.py, checked by its URL."""
        tag = snake(self.spec["tags"][0])
        module = importlib.import_module(f"datacollectief_client.api.{tag}.{snake(str(self))}")
        build = module._get_kwargs
        kwargs = build(**{name: MagicMock() for name in inspect.signature(build).parameters})
        assert (kwargs["method"].upper(), kwargs["url"]) == (self.method, self.path), self
        return module

    def arguments(self) -> st.SearchStrategy[tuple[dict[str, Any], Any]]:
        """Draw (query parameters by wire name, JSON request body or None) valid per the spec."""
        return request_arguments(STRATEGIES, DOCUMENT["paths"][self.path], self.spec)

    def model(self, status: int) -> type | None:
        """The generated class a documented status parses into (None: no body)."""
        content = resolved(self.spec["responses"][str(status)]).get("content")
        if not content:
            return None
        return getattr(models, content[JSON]["schema"]["$ref"].rsplit("/", 1)[-1])  # type: ignore[no-any-return]


OPERATIONS = [
    Operation(method.upper(), path, spec)
    for path, item in DOCUMENT["paths"].items()
    for method, spec in item.items()
    if method in HTTP_METHODS
]


@pytest.fixture
def account_client(datacollectief_mock: MockService) -> Any:
    """Given: a fresh account with credits; its client raises on an undocumented status."""
    client = datacollectief_mock.client(datacollectief_mock.new_account(credits=100))
    client.raise_on_unexpected_status = True
    return client


# One fresh account per operation, shared by that operation's examples (hence the function-
# scoped fixture under @given): its state (credits, ownership) carries from one to the next.
@pytest.mark.parametrize("operation", OPERATIONS, ids=str)
@settings(
    max_examples=min(settings.default.max_examples, 30),
    deadline=None,  # an account's first request checks its password (scrypt)
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_every_answer_is_documented_and_parses_into_its_model(
    operation: Operation, account_client: Any, data: st.DataObject
) -> None:
    # Given arguments drawn from the operation's parameter and body schemas
    query, body = data.draw(operation.arguments(), label="query, body")
    arguments = endpoint_arguments(operation.module, query, body)

    # When the generated client sends them to the mock (an undocumented status raises)
    response = operation.module.sync_detailed(client=account_client, **arguments)

    # Then the status is documented for the operation, and not an authentication error
    status = response.status_code
    event(f"status {status}")
    assert str(status) in operation.spec["responses"]
    assert status not in AUTHENTICATION_ERRORS, response.content
    # And the answer parsed into the documented model: Error for errors, None for 304
    model = operation.model(status)
    if 200 <= status < 300:
        assert model is not None and isinstance(response.parsed, model), response.content
        return
    assert model is Error, f"{operation} documents {status} without an Error body"
    error = response.parsed
    assert isinstance(error, Error), response.content
    assert error.code == status
    assert response.headers["X-Error-Status"] == error.status
