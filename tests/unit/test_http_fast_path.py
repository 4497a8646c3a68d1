"""The HTTP fast path (http/framework.py, http/query.py) answers just what connexion does."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from typing import Any

import connexion
import pytest
from connexion.middleware import MiddlewarePosition
from connexion.spec import Specification
from hypothesis import given
from hypothesis import strategies as st
from starlette.datastructures import QueryParams
from starlette.types import ASGIApp, Receive, Scope, Send

import mockserver.app
from mockserver.app import create_app
from mockserver.http.framework import FastAsyncApp
from mockserver.http.query import raw_query
from mockserver.http.validation import Parameters, quick_accept
from mockserver.settings import DEMO, Settings, spec_dir
from tests.support.spec_requests import example_requests

warnings.filterwarnings("ignore", message=".*starlette.testclient.*")
from starlette.testclient import TestClient  # noqa: E402

__all__: list[str] = []

SETTINGS = Settings(
    companies=300, start=1_764_500_000, frozen_clock=True, random_seed=7, validate_responses=True
)
CREDS = f"user={DEMO.user}&password={DEMO.password}&applicationName={DEMO.application_name}"

#: Requests in order (state carries over): every operation of the spec with its examples, then
#: reads, downloads, bad input, bad credentials, defaults, repeated names, a POST with query
#: data, control-plane calls with path and body.
REQUESTS: list[tuple[str, str, Any]] = [
    *(
        (method, f"{url}{'&' if '?' in url else '?'}{CREDS}", body)
        for method, url, body in example_requests()
    ),
    ("GET", f"/api/Version?{CREDS}", None),
    ("GET", f"/api/DownloadStatistics?{CREDS}", None),
    ("GET", f"/api/UrlAccountInfo?{CREDS}", None),
    ("GET", f"/api/CompanyList?pageNr=1&recordsPerPage=10&companyName=*bouw*&{CREDS}", None),
    ("GET", f"/api/CompanyList?pageNr=2&recordsPerPage=5&sortOrder=Name&{CREDS}", None),
    ("GET", f"/api/CompanyList?pageNr=1&recordsPerPage=abc&{CREDS}", None),
    ("GET", f"/api/CompanyList?pageNr=1&recordsPerPage=101&{CREDS}", None),
    ("GET", f"/api/CompanyList?recordsPerPage=10&{CREDS}", None),
    ("GET", f"/api/CompanyList?pageNr=1&recordsPerPage=10&color=red&{CREDS}", None),
    ("GET", f"/api/CompanyList?pageNr=1&pageNr=2&recordsPerPage=3&{CREDS}", None),
    ("GET", f"/api/Company?id=3&{CREDS}", None),
    ("GET", f"/api/Company?id=3&{CREDS}", None),
    ("GET", f"/api/Company?id=0&{CREDS}", None),
    ("GET", f"/api/Company?id=x&{CREDS}", None),
    ("GET", f"/api/ContactList?id=3&{CREDS}", None),
    ("GET", f"/api/CompanyLimited?id=4&{CREDS}", None),
    ("GET", f"/api/BaseTableBranche?{CREDS}", None),
    ("GET", "/api/Company?id=3", None),
    ("GET", f"/api/Company?id=3&user={DEMO.user}&password=wrong&applicationName=DemoApp", None),
    ("GET", f"/api/Company?id=3&user={DEMO.user}&applicationName=DemoApp", None),
    ("GET", f"/api/Company?id=3&password={DEMO.password}&applicationName=DemoApp", None),
    ("POST", f"/api/UserFeedbackCompany?companyId=3&reasonId=1&{CREDS}", None),
    ("POST", f"/api/UserFeedbackCompany?companyId=3&{CREDS}", None),
    ("GET", f"/api/DownloadStatistics?{CREDS}", None),
    ("GET", "/_mock/clock", None),
    ("POST", "/_mock/accounts", {"user": "second@example.nl", "credits": 3}),
    ("POST", "/_mock/accounts/second@example.nl/credits", {"credits": 4}),
    ("POST", "/_mock/accounts/second@example.nl/credits", {"credits": "many"}),
    ("GET", "/_mock/accounts/demo@example.nl/owned", None),
    ("GET", "/_mock/journal?limit=3", None),
]


def _answers(app: ASGIApp) -> list[tuple[int, dict[str, str], bytes]]:
    with TestClient(app, base_url="http://testserver") as client:
        answers = []
        for method, url, body in REQUESTS:
            response = client.request(method, url, json=body)
            headers, content = dict(response.headers), response.content
            if url.startswith("/_mock/journal"):  # durations are timings: keep the rest
                entries = [
                    {k: v for k, v in e.items() if k != "durationMs"} for e in response.json()
                ]
                headers.pop("content-length")
                content = json.dumps(entries).encode()
            answers.append((response.status_code, headers, content))
        return answers


@pytest.fixture(scope="module")
def reference() -> Iterator[list[tuple[int, dict[str, str], bytes]]]:
    """The answers of the same app built on connexion's plain AsyncApp."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(mockserver.app, "FastAsyncApp", connexion.AsyncApp)
        app = create_app(SETTINGS)
    assert type(app) is connexion.AsyncApp
    yield _answers(app)


def test_answers_are_those_of_plain_connexion(reference: list[Any]) -> None:
    # Given the app with prepared operations, and the same app on connexion's AsyncApp
    app = create_app(SETTINGS)
    assert isinstance(app, FastAsyncApp)
    # When both answer the same requests in the same order
    answers = _answers(app)
    # Then every status, header and body byte is the same
    for request, got, expected in zip(REQUESTS, answers, reference, strict=True):
        assert got == expected, request
    assert {status for status, _, _ in answers} >= {200, 201, 301, 303, 304, 309, 400}


class _Tag:
    """Records that it saw a request, then passes it on."""

    def __init__(self, app: ASGIApp, seen: list[str]) -> None:
        self.app, self.seen = app, seen

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            self.seen.append(scope["path"])
        await self.app(scope, receive, send)


def test_middleware_can_still_go_before_validation() -> None:
    # Given a middleware added before request validation
    seen: list[str] = []
    app = create_app(SETTINGS)
    app.add_middleware(_Tag, position=MiddlewarePosition.BEFORE_VALIDATION, seen=seen)
    # When an API call is made
    with TestClient(app) as client:
        response = client.get(f"/api/Version?{CREDS}")
    # Then it ran, in the API's pipeline
    assert response.status_code == 200
    assert seen == ["/api/Version"]


_QUERY_PIECES = st.sampled_from(
    [*"ab=&+ ;x0é", "%40", "%2B", "%C3%A9", "%E9", "%", "%2", "==", "&&", "a=b"]
)


@given(st.lists(_QUERY_PIECES, max_size=14).map("".join), st.sampled_from(["utf-8", "latin-1"]))
def test_query_strings_parse_as_starlette_parses_them(text: str, encoding: str) -> None:
    # Given a query string with escapes, pluses, blanks, repeats and stray separators
    raw = text.encode(encoding)
    # When it is parsed once for the whole request
    parsed = raw_query({"type": "http", "query_string": raw})
    # Then it holds what Starlette's own parse holds, in order
    assert parsed.multi_items() == QueryParams(raw).multi_items()


def _parameter_schemas() -> list[dict[str, Any]]:
    schemas: dict[str, dict[str, Any]] = {}
    for name in ("datacollectief.yaml", "control.yaml"):
        spec = Specification.load(spec_dir() / name)
        for methods in spec["paths"].values():
            for operation in methods.values():
                for param in operation.get("parameters", []) if isinstance(operation, dict) else []:
                    schema = param.get("schema", param)
                    schemas[json.dumps(schema, sort_keys=True)] = schema
    return list(schemas.values())


PARAMETER_SCHEMAS = _parameter_schemas()
_VALUES = st.one_of(
    st.integers(min_value=-3, max_value=12),
    st.sampled_from([0, 1, 2, 99, 100, 101, 999999, 1000000, 1000001, 2**31 - 1, 2**31]),
    st.booleans(),
    st.floats(allow_nan=False, min_value=-2, max_value=3),
    st.text(max_size=8),
    st.text(alphabet="0123456789 ,-:", max_size=24),
    st.sampled_from(["2026-11-30 10:15:00", "2026-11-30T10:15:00", "a@b", "a b@c", "Id", "id"]),
    st.integers(min_value=0, max_value=2200).map(lambda n: "x" * n),
)


def test_every_parameter_schema_of_the_specs_is_checked() -> None:
    # Then the specs' parameters were found, and most get a quick check
    quick = [schema for schema in PARAMETER_SCHEMAS if quick_accept(schema) is not None]
    assert len(PARAMETER_SCHEMAS) >= 15 and len(quick) >= len(PARAMETER_SCHEMAS) - 2


@pytest.mark.parametrize("schema", PARAMETER_SCHEMAS, ids=lambda s: json.dumps(s)[:60])
@given(value=_VALUES)
def test_the_quick_check_accepts_exactly_what_jsonschema_accepts(
    schema: dict[str, Any], value: Any
) -> None:
    # Given a parameter schema of the specs and a value connexion may hand over
    accept = quick_accept(schema)
    validator = Parameters._compile({"in": "query", "name": "p", "schema": schema})[0]
    # When both judge the value
    # Then the quick check never accepts what jsonschema refuses, and agrees on the rest
    if accept is not None:
        assert accept(value) == validator.is_valid(value), (schema, value)
