"""Every operation's client parses its 200 answer with only the documented fields, keeps fields it
does not know, and asks for JSON."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conformance.build_corpus import UNKNOWN_FIELDS
from tests.support.conformance import (
    ANSWER_CASES,
    OPERATIONS,
    AnswerCase,
    Operation,
    client_serving,
    models_in,
)

__all__: list[str] = []

BY_ID = {operation.operation_id: operation for operation in OPERATIONS}
#: One documented 200 answer of each operation.
ANSWER_OF = {case.operation_id: case.documented for case in reversed(ANSWER_CASES)}


def answered_with(operation: Operation, body: Any) -> Any:
    """When: the generated client calls the operation and the service answers 200 with `body`."""
    with client_serving(lambda request: httpx.Response(200, json=body)) as client:
        return operation.call(client)


def requests_of(operation: Operation, **options: Any) -> list[httpx.Request]:
    """When: the generated client calls the operation; the requests it sent."""
    sent: list[httpx.Request] = []

    def serve(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=ANSWER_OF[operation.operation_id])

    with client_serving(serve, **options) as client:
        operation.call(client)
    return sent


def objects_with_unknown_fields(body: Any) -> int:
    """How many objects of a served answer carry the UNKNOWN_FIELDS."""
    if isinstance(body, list):
        return sum(objects_with_unknown_fields(item) for item in body)
    if not isinstance(body, dict):
        return 0
    own = int(UNKNOWN_FIELDS.items() <= body.items())
    return own + sum(objects_with_unknown_fields(value) for value in body.values())


def parsed_answer(case: AnswerCase, body: Any) -> Any:
    """Then: the answer parsed into the model the spec documents for 200."""
    operation = BY_ID[case.operation_id]
    response = answered_with(operation, body)
    assert response.status_code == 200
    assert isinstance(response.parsed, operation.model(200)), response.parsed
    return response.parsed


@pytest.mark.parametrize("case", ANSWER_CASES, ids=str)
def test_client_parses_an_answer_with_only_the_documented_fields(case: AnswerCase) -> None:
    """Given a 200 answer with only the fields the public sources document
    When the client calls the operation
    Then it parses into its model, which gives back exactly that answer."""
    parsed = parsed_answer(case, case.documented)

    assert parsed.to_dict() == case.documented
    assert all(model.additional_properties == {} for model in models_in(parsed))


@pytest.mark.parametrize("case", ANSWER_CASES, ids=str)
def test_client_keeps_unknown_fields_at_every_level(case: AnswerCase) -> None:
    """Given a documented 200 answer with fields the contract does not know in every object
    When the client calls the operation
    Then every object parses into its model with the unknown fields in `additional_properties`."""
    parsed = parsed_answer(case, case.with_unknown_fields)

    found = list(models_in(parsed))
    assert len(found) == objects_with_unknown_fields(case.with_unknown_fields)
    assert all(model.additional_properties == UNKNOWN_FIELDS for model in found)
    assert parsed.to_dict() == case.with_unknown_fields


@pytest.mark.parametrize("operation", OPERATIONS, ids=str)
def test_client_asks_for_json(operation: Operation) -> None:
    """Given a client with a header of its own
    When it calls the operation
    Then the request asks for JSON and still carries the client's header."""
    (request,) = requests_of(operation, headers={"X-Client-Header": "kept"})

    assert request.headers["Accept"] == "application/json"
    assert request.headers["X-Client-Header"] == "kept"
    assert (request.method, request.url.path) == (operation.method, operation.path)
