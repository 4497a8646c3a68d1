"""Every operation's client parses every documented error answer, however the name travels."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from datacollectief_client.models import Error
from datacollectief_client.types import UNSET
from tests.support.conformance import (
    CARRIERS,
    ERROR_CASES,
    HEADER,
    OPERATIONS,
    ErrorCase,
    Operation,
    client_serving,
    error_response,
)

__all__: list[str] = []

DOCUMENTED = [
    pytest.param(operation, case, id=f"{operation}-{case}")
    for operation in OPERATIONS
    for case in ERROR_CASES
    if case.status in operation.statuses
]
UNDOCUMENTED = [
    pytest.param(operation, case, id=f"{operation}-{case}")
    for operation in OPERATIONS
    for case in ERROR_CASES
    if case.status not in operation.statuses
]


def answered_with(operation: Operation, answer: httpx.Response, **options: Any) -> Any:
    """When: the generated client calls the operation and the service gives `answer`."""
    with client_serving(lambda request: answer, **options) as client:
        return operation.call(client)


def expected_status(case: ErrorCase, carrier: str) -> Any:
    """The status name the client must find: the header's, else the documented name of a
    code 300-319 (the reason phrase, or the client's table when nothing carries it)."""
    if carrier == HEADER and case.status_name:
        return case.status_name
    return case.status_name if case.documented else UNSET


def assert_error(parsed: Any, case: ErrorCase, carrier: str) -> None:
    """Then: the answer is an Error with the HTTP status as its code, the status name and the
    body's message."""
    where = f"{case} via {carrier}"
    assert isinstance(parsed, Error), where
    assert parsed.code == case.status, where
    assert parsed.status == expected_status(case, carrier), where
    assert case.body is not None
    assert parsed.message == case.body["Message"], where


@pytest.mark.parametrize(("operation", "case"), DOCUMENTED)
def test_client_parses_each_documented_error(operation: Operation, case: ErrorCase) -> None:
    """Given an error answer of the corpus with a status the operation documents
    When the client calls the operation, the status name in a header, a reason phrase or nowhere
    Then it parses without an exception into what the spec documents for that status."""
    model = operation.model(case.status)
    for carrier in CARRIERS:
        response = answered_with(operation, error_response(case, carrier))

        assert response.status_code == case.status
        if model is None:  # 304: no body
            assert response.parsed is None, f"{case} via {carrier}"
        else:
            assert model is Error, f"{operation} documents {model} for {case.status}"
            assert_error(response.parsed, case, carrier)


@pytest.mark.parametrize(("operation", "case"), UNDOCUMENTED)
def test_an_undocumented_error_status_does_not_break_the_client(
    operation: Operation, case: ErrorCase
) -> None:
    """Given an error answer of the corpus with a status the operation does not document (300, 500)
    When a client that does not raise on unexpected statuses calls the operation
    Then the answer keeps its status and body, with nothing parsed."""
    for carrier in CARRIERS:
        answer = error_response(case, carrier)
        response = answered_with(operation, answer, raise_on_unexpected_status=False)

        assert (response.status_code, response.parsed) == (case.status, None)
        assert response.content == answer.content
