"""Control-plane shortcuts of the in-process mock: the same handlers, called without HTTP.

`new_account` runs once a test, so in-process it skips the HTTP round trip (about 2 ms of
framework work): the body is checked against spec/control.yaml's `NewAccountRequest`, the
control plane's own handler makes the account, and a refusal raises what `MockService.control`
raises for a 400. Such a call is not in the request journal, which lists HTTP requests.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from .control.accounts import create_account
from .control.api import SPEC
from .control.context import Control
from .domain.backend import Backend
from .domain.errors import DomainError
from .http.journal import RequestJournal
from .http.validation import body_validator
from .settings import spec_dir
from .spec_files import read_spec

__all__ = ["direct_new_account"]


@cache
def _new_account_schema() -> Any:
    """The validator of the body of POST /_mock/accounts, from spec/control.yaml: the one the
    HTTP control plane holds it to."""
    spec = read_spec(spec_dir() / SPEC)
    return body_validator(spec["components"]["schemas"]["NewAccountRequest"])


def direct_new_account(
    backend: Backend, journal: RequestJournal
) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """POST /_mock/accounts as a function of its body: the answer, or AssertionError."""
    control = Control(backend, journal)
    validator = _new_account_schema()

    def new_account(body: dict[str, Any]) -> dict[str, Any]:
        error = next(iter(validator.iter_errors(body)), None)
        if error is not None:
            raise AssertionError(f"POST /_mock/accounts: 400 {error.message}")
        try:
            answer, _ = create_account(control, body)
        except DomainError as exc:
            raise AssertionError(f"POST /_mock/accounts: 400 {exc}") from None
        return answer

    return new_account
