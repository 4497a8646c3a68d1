"""`errors.parse_error` reads any error answer into `Error` and never raises."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import httpx
import pytest

from datacollectief_client.errors import STATUS_NAMES, parse_error
from datacollectief_client.models import Error, ErrorModelState
from datacollectief_client.types import UNSET
from tests.support.conformance import (
    CARRIERS,
    ERROR_CASES,
    HEADER,
    NO_CARRIER,
    ErrorCase,
    error_response,
)

__all__: list[str] = []

#: Bodies that are not a JSON object, each of which counts as `{}`.
NOT_AN_OBJECT: dict[str, tuple[bytes, str]] = {
    "empty": (b"", "application/json"),
    "html": (b"<html><body><h1>Server Error</h1></body></html>", "text/html"),
    "xml": (
        b"<Error><Message>Insufficient credits.</Message></Error>",
        "application/xml; charset=utf-8",
    ),
    "json-list": (b'[{"Message": "Insufficient credits."}]', "application/json"),
    "json-string": (b'"Insufficient credits."', "application/json"),
    "json-number": (b"310", "application/json"),
    "json-null": (b"null", "application/json"),
    "invalid-json": (b'{"Message": "Insufficient credits.",', "application/json"),
    "not-utf-8": (b'{"Message": "Cr\xe9dits insuffisants."}', "application/json"),
    "deeply-nested": (b"[" * 100_000 + b"]" * 100_000, "application/json"),
}


def answer(
    status: int,
    body: Any = None,
    *,
    content: bytes | None = None,
    headers: dict[str, str] | None = None,
    reason: bytes | None = None,
) -> httpx.Response:
    """Given: an answer with `status`, a JSON `body` or raw `content`, headers and a reason phrase
    the server sent (`reason`; None: none, as over HTTP/2 or an ASGI server)."""
    extensions = {} if reason is None else {"reason_phrase": reason}
    if content is not None:
        return httpx.Response(status, content=content, headers=headers, extensions=extensions)
    return httpx.Response(status, json=body, headers=headers, extensions=extensions)


def assert_parsed(error: Any, code: int, status: Any, message: str) -> Error:
    """Then: an Error with this code, status name and message."""
    assert isinstance(error, Error)
    assert (error.code, error.status, error.message) == (code, status, message)
    return error


@pytest.mark.parametrize("case", ERROR_CASES, ids=str)
def test_every_corpus_error_parses(case: ErrorCase) -> None:
    """Given an error answer of the corpus, the status name in a header, a reason phrase or nowhere
    When parse_error reads it
    Then the code is the HTTP status, the status name the documented one, the message the body's
    (without a body: the reason phrase, else the status name), and nothing is lost."""
    for carrier in CARRIERS:
        response = error_response(case, carrier)

        error = parse_error(response)

        if carrier == HEADER and case.status_name:
            status = case.status_name
        else:
            status = STATUS_NAMES.get(case.status, UNSET)
        body = case.body or {"Message": response.reason_phrase or status}
        assert_parsed(error, case.status, status, body["Message"])
        assert error.to_dict() == {
            **body,
            "Code": case.status,
            **({} if status is UNSET else {"Status": status}),
        }


def test_model_state_and_unknown_members_are_kept() -> None:
    """Given ASP.NET's 400 with ModelState and a 500 with exception detail
    When parse_error reads them
    Then ModelState is typed, and the members the model does not know are additional properties."""
    (invalid,) = [case for case in ERROR_CASES if case.name == "400-model-state"]
    (crashed,) = [case for case in ERROR_CASES if case.name == "500-exception-detail"]
    assert invalid.body is not None and crashed.body is not None

    bad_request = parse_error(error_response(invalid, NO_CARRIER))
    server_error = parse_error(error_response(crashed, NO_CARRIER))

    assert isinstance(bad_request.model_state, ErrorModelState)
    assert bad_request.model_state.to_dict() == invalid.body["ModelState"]
    assert server_error.exception_message == crashed.body["ExceptionMessage"]
    assert server_error.additional_properties == {
        "ExceptionType": crashed.body["ExceptionType"],
        "StackTrace": crashed.body["StackTrace"],
    }


@pytest.mark.parametrize("kind", NOT_AN_OBJECT)
def test_a_body_that_is_not_a_json_object_counts_as_empty(kind: str) -> None:
    """Given a 310 whose body is not a JSON object (empty, HTML, XML, another JSON value, broken)
    When parse_error reads it, with and without a reason phrase
    Then it does not raise, and code, status name and message come from the HTTP answer."""
    content, content_type = NOT_AN_OBJECT[kind]
    headers = {"Content-Type": content_type}

    with_phrase = parse_error(
        answer(310, content=content, headers=headers, reason=b"INSUFFICIENT_CREDITS")
    )
    without = parse_error(answer(310, content=content, headers=headers))

    assert_parsed(with_phrase, 310, "INSUFFICIENT_CREDITS", "INSUFFICIENT_CREDITS")
    assert_parsed(without, 310, "INSUFFICIENT_CREDITS", "INSUFFICIENT_CREDITS")
    assert with_phrase.additional_properties == without.additional_properties == {}


def test_members_of_the_wrong_type_are_kept_aside() -> None:
    """Given a body whose known members have other types than the contract's
    When parse_error reads it
    Then the fields come from the HTTP answer and the members stay, as sent, in additional
    properties."""
    body = {
        "Message": 310,
        "Code": "310",
        "Status": ["INSUFFICIENT_CREDITS"],
        "MessageDetail": {"text": "detail"},
        "ModelState": {"id": "not a list"},
        "ExceptionMessage": None,
        "Extra": 1,
    }

    error = parse_error(answer(310, body, headers={"X-Error-Status": "INSUFFICIENT_CREDITS"}))

    assert_parsed(error, 310, "INSUFFICIENT_CREDITS", "INSUFFICIENT_CREDITS")
    assert (error.message_detail, error.model_state, error.exception_message) == (UNSET,) * 3
    assert error.additional_properties == body


def test_the_body_wins_over_the_http_answer() -> None:
    """Given a body with its own integer Code and string Status
    When parse_error reads it with another header and reason phrase
    Then the body's values are kept; a boolean is not an integer Code."""
    body = {"Message": "Insufficient credits.", "Code": 310, "Status": "INSUFFICIENT_CREDITS"}
    headers = {"X-Error-Status": "OTHER"}

    error = parse_error(answer(310, body, headers=headers, reason=b"OTHER"))
    boolean = parse_error(answer(310, {"Message": "m", "Code": True}))

    assert_parsed(error, 310, "INSUFFICIENT_CREDITS", "Insufficient credits.")
    assert (boolean.code, boolean.additional_properties) == (310, {"Code": True})


@pytest.mark.parametrize(
    ("status", "headers", "reason", "expected_status", "expected_message"),
    [
        pytest.param(310, {"X-Error-Status": "HEADER_NAME"}, b"PHRASE_NAME", "HEADER_NAME",
                     "PHRASE_NAME", id="header-before-reason-phrase"),
        pytest.param(310, {"X-Error-Status": "  "}, b"PHRASE_NAME", "PHRASE_NAME", "PHRASE_NAME",
                     id="blank-header-is-no-header"),
        pytest.param(310, {}, b"Insufficient Credits", "INSUFFICIENT_CREDITS",
                     "Insufficient Credits", id="phrase-not-a-name-falls-back-to-table"),
        pytest.param(304, {}, None, "WRONG_PASSWORD", "Not Modified",
                     id="standard-phrase-is-no-name"),
        pytest.param(400, {}, None, UNSET, "Bad Request", id="400-has-no-name"),
        pytest.param(599, {}, None, UNSET, "", id="nothing-known"),
        pytest.param(599, {}, b"", UNSET, "", id="empty-reason-phrase"),
        pytest.param(599, {}, b"CUSTOM_NAME", "CUSTOM_NAME", "CUSTOM_NAME",
                     id="unknown-code-with-a-name"),
    ],
)  # fmt: skip
def test_status_name_and_message_fall_back_in_order(
    status: int,
    headers: dict[str, str],
    reason: bytes | None,
    expected_status: Any,
    expected_message: str,
) -> None:
    """Given an error answer without a body
    When parse_error reads it
    Then the status name is the header's, else a reason phrase that is a name, else the table's;
    the message the reason phrase, else the status name, else ""."""
    error = parse_error(answer(status, content=b"", headers=headers, reason=reason))

    assert_parsed(error, status, expected_status, expected_message)


def test_a_reason_phrase_that_is_not_bytes_does_not_raise() -> None:
    """Given a transport that put text instead of bytes in the reason phrase extension
    When parse_error reads the answer
    Then it falls back to the status name."""
    response = httpx.Response(314, extensions={"reason_phrase": "DATABASE_TIMEOUT"})

    assert_parsed(parse_error(response), 314, "DATABASE_TIMEOUT", "DATABASE_TIMEOUT")


@pytest.mark.parametrize(
    "module", ["datacollectief_client.errors", "datacollectief_client.models.error"]
)
def test_errors_and_models_import_in_either_order(module: str) -> None:
    """Given a fresh interpreter
    When it imports the errors module or the Error model first, then the package's endpoints
    Then no import is circular."""
    code = f"import {module}; import datacollectief_client.api.companies.download_company"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )

    assert result.returncode == 0, result.stderr
