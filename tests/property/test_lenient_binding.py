"""Lenient binding: what ASP.NET Web API accepts beyond the contract gets the canonical answer."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mockserver.provenance import load_spec, operations
from mockserver.pytest_plugin import Credentials, MockService
from tests.support.client_arguments import request_arguments
from tests.support.schema_strategies import SchemaStrategies
from tests.support.strategies import company_ids

__all__: list[str] = []

SPEC = load_spec()
STRATEGIES = SchemaStrategies(SPEC)
#: Operations whose answer depends only on the request and the account's (unchanged) state.
#: The downloads are free again within the ownership month; ContactNew would book an offer,
#: UrlCompanySelection answers a new token each time.
READS = sorted(
    (path, method, op)
    for path, method, op in operations(SPEC)
    if op["operationId"] not in {"offerContactNew", "registerAccount", "getUrlCompanySelection"}
    and (method == "get" or op["operationId"].startswith("getUpdated"))
)
CREDENTIALS = ("user", "password", "applicationName")


def _recase(name: str, flips: list[bool]) -> str:
    """`name` with the letters at the flipped positions in the other case."""
    padded = flips + [False] * len(name)
    letters = [c.swapcase() if flip else c for c, flip in zip(name, padded, strict=False)]
    return "".join(letters)


@st.composite
def variants(draw: st.DrawFn, query: dict[str, Any], known: set[str]) -> list[tuple[str, str]]:
    """The same query as ASP.NET would bind it: other cases, unknown names, empty optionals."""
    pairs = []
    for name, value in query.items():
        flips = draw(st.lists(st.booleans(), min_size=len(name), max_size=len(name)))
        pairs.append((_recase(name, flips), str(value)))
    unknown = st.text("abcdefghijklmnopqrstuvwxyzXYZ_", min_size=1, max_size=12).filter(
        lambda name: name.lower() not in known
    )
    for name in draw(st.lists(unknown, max_size=3, unique_by=str.lower)):
        pairs.append((name, draw(st.sampled_from(["", "1", "x y", "*"]))))
    absent = sorted(known - {n.lower() for n in query} - {c.lower() for c in CREDENTIALS})
    for name in draw(st.lists(st.sampled_from(absent), unique=True)) if absent else []:
        pairs.append((name, ""))
    return draw(st.permutations(pairs))


def _optional_names(operation: dict[str, Any]) -> set[str]:
    names = set()
    for node in operation.get("parameters", []):
        parameter = STRATEGIES.resolve(node["$ref"]) if "$ref" in node else node
        if not parameter.get("required"):
            names.add(parameter["name"].lower())
    return names


def _answer(response: Any) -> tuple[int, Any]:
    return response.status_code, response.json() if response.content else None


@pytest.fixture(scope="module")
def rich_account(datacollectief_mock: MockService) -> Credentials:
    """Given: an account with credits to spare, so downloads answer the same every time."""
    return datacollectief_mock.new_account(credits=100_000)


@pytest.fixture(scope="module")
def frozen_clock(datacollectief_mock: MockService) -> Any:
    """Given: the clock stands still, so the same request answers the same."""
    saved = datacollectief_mock.clock()
    datacollectief_mock.set_clock(epoch=saved["epoch"], frozen=True)
    yield
    datacollectief_mock.set_clock(epoch=saved["epoch"], frozen=saved["frozen"])


@pytest.mark.parametrize(
    ("path", "method", "operation"), READS, ids=[op["operationId"] for _, _, op in READS]
)
@settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_lenient_request_gets_the_canonical_answer(
    datacollectief_mock: MockService,
    rich_account: Credentials,
    frozen_clock: None,
    path: str,
    method: str,
    operation: dict[str, Any],
    data: st.DataObject,
) -> None:
    """Given a valid request, when it is sent with names in other cases, unknown parameters and
    empty optional values (and a JSON body with other member cases and an unknown member),
    then the answer equals the canonical request's."""
    query, body = data.draw(request_arguments(STRATEGIES, SPEC["paths"][path], operation))
    if "id" in query:
        query["id"] = data.draw(company_ids() | st.just(query["id"]))
    http = datacollectief_mock.http
    canonical_query = {**rich_account.query(), **query}
    canonical = http.request(method, path, params=canonical_query, json=body)
    known = {n.lower() for n in canonical_query} | _optional_names(operation)
    lenient_query = data.draw(variants(canonical_query, known))
    lenient_body = body
    if isinstance(body, dict):
        lenient_body = {_recase(k, [True] * 2): v for k, v in body.items()} | {"Unknown": 1}
    lenient = http.request(
        method,
        data.draw(st.sampled_from([path, path.lower(), path.upper().replace("/API/", "/api/")])),
        params=lenient_query,
        content=json.dumps(lenient_body if body is not None else []).encode(),
        headers={"Content-Type": "application/json"},
    )
    assert _answer(lenient) == _answer(canonical)
