"""Recorded exchanges (`proxy --record`) replay through the generated client: models and errors."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from datacollectief import DataCollectiefError, error_class
from datacollectief.errors import error_from_response
from datacollectief_client.models import Error
from mockserver.proxy.recording import read_fixtures
from tests.support.conformance import replay

__all__: list[str] = []

RECORDED = Path(__file__).resolve().parent / "recorded"
#: A folder of the user's own recordings (production), replayed as well when set.
EXTRA = os.environ.get("DATACOLLECTIEF_RECORDED")


def _fixtures() -> list[Any]:
    folders = [RECORDED, *([Path(EXTRA)] if EXTRA else [])]
    return [
        pytest.param(fixture, id=f"{folder.name}-{number}-{fixture['operationId']}")
        for folder in folders
        for number, fixture in enumerate(read_fixtures(folder))
        if fixture["operationId"] is not None
    ]


FIXTURES = _fixtures()


def test_the_recorded_corpus_has_answers_and_errors() -> None:
    # Then the checked-in recordings hold both kinds of answer
    statuses = {fixture.values[0]["response"]["status"] for fixture in FIXTURES}
    assert 200 in statuses and statuses - {200}


@pytest.mark.parametrize("fixture", FIXTURES)
def test_a_recorded_exchange_parses_and_raises_as_documented(fixture: dict[str, Any]) -> None:
    # Given a recorded exchange; When the client's operation gets the recorded answer
    operation, answer = replay(fixture)
    status = fixture["response"]["status"]
    # Then a 200 parses into its documented model, and an error into Error with its code
    model = operation.model(status) if str(status) in operation.spec["responses"] else None
    if status == 200:
        assert model is not None and isinstance(answer.parsed, model)
    elif model is not None:
        assert isinstance(answer.parsed, Error) and answer.parsed.code == status
    # And the typed path returns the model or raises the class of the code
    if status != 200:
        error = error_from_response(answer)
        assert isinstance(error, DataCollectiefError) and type(error) is error_class(status)
