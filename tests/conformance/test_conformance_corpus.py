"""The conformance corpus covers what the public sources document, and is current with the spec."""

from __future__ import annotations

from datacollectief_client import errors
from mockserver.provenance import resolve
from tests.conformance.build_corpus import ANSWERS, render
from tests.support.conformance import ANSWER_CASES, ERROR_CASES, OPERATIONS, SPEC, ErrorCase

__all__: list[str] = []


def cases_with_status(status: int) -> list[ErrorCase]:
    """The error cases of one HTTP status."""
    return [case for case in ERROR_CASES if case.status == status]


def spec_example_message(operation: dict, status: int) -> str | None:
    """The `Message` of the spec's example of one error answer (None: no body or no example)."""
    response = resolve(SPEC, operation["responses"][str(status)])
    example = response.get("content", {}).get("application/json", {}).get("example")
    return None if example is None else example.get("Message")


def test_answer_corpus_is_current_with_the_spec() -> None:
    """Given the spec's 200 examples and their labels
    When the answer corpus is built from them again
    Then it equals corpus/answers.json (else: run `python -m tests.conformance.build_corpus`)."""
    fresh = render(SPEC)
    assert ANSWERS.read_text(encoding="utf-8") == fresh, (
        "tests/conformance/corpus/answers.json is out of date with the spec: "
        "run `.venv/bin/python -m tests.conformance.build_corpus`"
    )


def test_every_operation_has_a_documented_answer() -> None:
    """Given the operations of the spec
    When the answer corpus is listed
    Then each operation has at least one 200 answer in it."""
    answered = {case.operation_id for case in ANSWER_CASES}
    assert answered == {operation.operation_id for operation in OPERATIONS}


def test_every_documented_code_has_its_message() -> None:
    """Given the error corpus
    When its cases are listed by status
    Then every code 300-319 has one case with a body `{"Message": ...}`, except 304 (no body)."""
    for status in range(300, 320):
        (case,) = cases_with_status(status)
        if status == 304:
            assert case.body is None
        else:
            assert case.body is not None and set(case.body) == {"Message"}, case
            assert case.body["Message"].strip()


def test_the_framework_errors_are_in_the_corpus() -> None:
    """Given the error corpus
    When the ASP.NET Web API answers are looked up
    Then a 400 with ModelState and a 500 "An error has occurred." are there."""
    assert any(
        case.body and case.body["Message"] == "The request is invalid." and case.body["ModelState"]
        for case in cases_with_status(400)
        if case.body and "ModelState" in case.body
    )
    assert {"Message": "An error has occurred."} in [case.body for case in cases_with_status(500)]


def test_status_names_are_the_documented_names() -> None:
    """Given the documented status names of the corpus
    When the client's table of status names is read
    Then it names exactly the codes 300-319, as the corpus does."""
    documented = {case.status: case.status_name for case in ERROR_CASES if case.documented}
    assert errors.STATUS_NAMES == documented


def test_spec_examples_carry_the_documented_messages() -> None:
    """Given each operation's documented error answers
    When the spec's example of a code 300-319 has a Message
    Then it is the documented text of that code."""
    messages = {case.status: case.body["Message"] for case in ERROR_CASES if case.body}
    for operation in OPERATIONS:
        for status in operation.statuses:
            example = spec_example_message(operation.spec, status)
            if 300 <= status <= 319 and example is not None:
                assert example == messages[status], f"{operation}: {status}"
