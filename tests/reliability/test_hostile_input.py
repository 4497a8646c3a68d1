"""Hostile input: oversized queries, headers and bodies, and broken requests get a clear 4xx.

Every refusal is in the service's format (`{Message, Code, Status}` + `X-Error-Status`) and
names what was wrong; nothing is a 500 or a dropped connection. The largest requests the
contract allows still pass. Runs in-process and against a real server (the `mock` fixture);
the raw-socket tests talk to a real server only, since they test its HTTP parser.
"""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import yaml

from mockserver.http.size_limits import MAX_BODY_BYTES, MAX_HEADER_BYTES, MAX_QUERY_BYTES
from mockserver.pytest_plugin import Credentials, MockService

SPEC = Path(__file__).resolve().parents[2] / "spec" / "datacollectief.yaml"
# A 4-byte UTF-8 character: 12 bytes percent-encoded, a surrogate pair in JSON.
WIDE = "\U0001f600"


def _assert_bad_request(response: httpx.Response, *words: str) -> str:
    """A 400 BAD_REQUEST in the service's format whose message holds every word."""
    assert response.status_code == 400, response.text
    assert response.headers["X-Error-Status"] == "BAD_REQUEST"
    body = response.json()
    assert (body["Code"], body["Status"]) == (400, "BAD_REQUEST"), body
    assert body["Message"] == "The request is invalid.", body
    said = f"{body['Message']} {body.get('MessageDetail', '')}"
    for word in words:
        assert word in said, said
    return said


def _owned_company(mock: MockService, account: Credentials) -> int:
    """Given: the account downloaded (owns) company 1."""
    response = mock.http.get("/api/Company", params={**account.query(), "id": 1})
    assert response.status_code == 200, response.text
    return int(response.json()["Id"])


# -- the limits ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "words"),
    [
        (MAX_QUERY_BYTES + 1, ["query string", f"{MAX_QUERY_BYTES + 1} bytes", "at most"]),
        # At the limit the size passes, and validation names the over-long parameter instead.
        (MAX_QUERY_BYTES, ["companyName"]),
    ],
    ids=["one-byte-over", "at-the-limit"],
)
def test_query_size_limit(mock: MockService, size: int, words: list[str]) -> None:
    # Given an account
    account = mock.new_account()
    # When it sends a query string of exactly `size` bytes
    query = {**account.query(), "pageNr": 1, "recordsPerPage": 10}
    padding = "a" * (size - len(str(httpx.QueryParams(query))) - len("&companyName="))
    response = mock.http.get("/api/CompanyList", params={**query, "companyName": padding})
    assert len(urlsplit(str(response.request.url)).query) == size
    # Then 400 names what was wrong: the size over the limit, or else the parameter
    message = _assert_bad_request(response, *words)
    assert ("query string" in message) == (size > MAX_QUERY_BYTES), message


def test_longest_valid_query_is_accepted(mock: MockService) -> None:
    # Given an account that owns a company
    account = mock.new_account()
    company = _owned_company(mock, account)
    # When it offers feedback with every text field at its maximum, in 4-byte characters
    texts = {
        name: WIDE * 200
        for name in ("name", "street", "streetNumberSuffix", "zipCode", "city", "telephone")
    }
    query = {
        **account.query(), **texts, "companyId": company, "otherReason": WIDE * 500,
        "memo": WIDE * 2000, "email": WIDE * 200, "url": WIDE * 200, "streetNumber": 999999,
    }  # fmt: skip
    response = mock.http.post("/api/UserFeedbackCompany", params=query)
    # Then it is accepted: the limit leaves room for everything the contract allows
    assert len(urlsplit(str(response.request.url)).query) > 48_000
    assert response.status_code == 200, response.text[:500]


def test_headers_over_the_limit_are_400(mock: MockService) -> None:
    # Given an account
    account = mock.new_account()
    # When a request carries more header bytes than the limit
    headers = {"X-Padding": "h" * MAX_HEADER_BYTES}
    response = mock.http.get("/api/Version", params=account.query(), headers=headers)
    # Then 400 names the headers and the limit
    _assert_bad_request(response, "request headers", f"at most {MAX_HEADER_BYTES}")


def test_declared_body_over_the_limit_is_400(mock: MockService) -> None:
    # Given an account
    account = mock.new_account()
    # When it posts a body whose Content-Length is over the limit (valid JSON, padded)
    body = b'{"LastChangedDate": "2026-01-01 00:00:00", "CompanyIds": [1]' + b" " * MAX_BODY_BYTES
    body += b"}"
    response = mock.http.post(
        "/api/UpdatedCompaniesV2", params=account.query(), content=body,
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    # Then 400 names the body, its size and the limit
    _assert_bad_request(response, "request body", f"{len(body)} bytes", f"at most {MAX_BODY_BYTES}")


def _chunks(total: int, size: int = 4096) -> Iterator[bytes]:
    yield b'{"LastChangedDate": "2026-01-01 00:00:00", "CompanyIds": [1]'
    for _ in range(total // size):
        yield b" " * size
    yield b"}"


def test_chunked_body_over_the_limit_is_400_and_the_connection_still_serves(
    mock: MockService,
) -> None:
    # Given an account
    account = mock.new_account()
    # When it streams a body without a length (chunked) that grows over the limit
    response = mock.http.post(
        "/api/UpdatedCompaniesV2", params=account.query(), content=_chunks(4 * MAX_BODY_BYTES),
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    # Then 400 says the body is too large
    assert response.request.headers.get("Transfer-Encoding") == "chunked"
    _assert_bad_request(response, "request body is too large", f"at most {MAX_BODY_BYTES}")
    # And the next request of the same client is served
    assert mock.http.get("/api/Version", params=account.query()).status_code == 200


def test_chunked_body_under_the_limit_is_served(mock: MockService) -> None:
    # Given an account
    account = mock.new_account()
    # When it streams a valid body in chunks, well under the limit
    response = mock.http.post(
        "/api/UpdatedCompaniesV2", params=account.query(), content=_chunks(MAX_BODY_BYTES // 2),
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    # Then the request is answered as usual
    assert response.status_code == 200, response.text
    assert response.json()["lastChangedDate"] == "2026-01-01 00:00:00"


def test_longest_valid_body_is_accepted(mock: MockService) -> None:
    # Given an account that owns a company
    account = mock.new_account()
    company = _owned_company(mock, account)
    # When it offers V2 feedback with every text at its maximum, in 4-byte characters
    body = {"CompanyId": company, "OtherReason": WIDE * 500, "Memo": WIDE * 2000}
    response = mock.http.post(
        "/api/UserFeedbackCompanyV2", params=account.query(), content=json.dumps(body),
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    # Then it is accepted
    assert len(response.request.content) > 30_000
    assert response.status_code == 200, response.text[:500]


@pytest.mark.parametrize("length", [b"\xb2", b"12a", b"-1", b" "])
def test_content_length_that_is_not_a_number_is_400(
    datacollectief_mock: MockService, length: bytes
) -> None:
    # Given the in-process app (a real server's HTTP parser refuses these before the app)
    app = datacollectief_mock.app
    assert app is not None
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": "/api/UpdatedCompaniesV2", "raw_path": b"/api/UpdatedCompaniesV2",
        "query_string": b"", "root_path": "", "client": ("192.0.2.1", 1), "server": ("x", 80),
        "headers": [(b"host", b"x"), (b"content-length", length)],
    }  # fmt: skip
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    # When a request declares a Content-Length that is not a number
    asyncio.run(app(scope, receive, send))
    # Then 400 names the header
    assert sent[0]["status"] == 400
    assert b"Content-Length header" in sent[1]["body"], sent[1]["body"]


def test_spec_states_the_limits() -> None:
    # Given the contract's description of 400 BAD_REQUEST
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    description = " ".join(spec["components"]["responses"]["BadRequest"]["description"].split())
    # Then it states the three limits the mock enforces
    for limit in (MAX_QUERY_BYTES, MAX_HEADER_BYTES, MAX_BODY_BYTES):
        assert f"over {limit} bytes" in description, description


# -- broken requests name what is wrong -------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "extra", "words"),
    [
        ("/api/CompanyList", {"recordsPerPage": 10}, ["pageNr", "required"]),
        ("/api/CompanyList", {"pageNr": "one", "recordsPerPage": 10}, ["pageNr"]),
        ("/api/CompanyList", {"pageNr": 1, "recordsPerPage": 101}, ["recordsPerPage", "100"]),
        ("/api/CompanyList", {"pageNr": 1, "recordsPerPage": 9, "sortOrder": "x"}, ["sortOrder"]),
        ("/api/Company", {"id": 0}, ["id"]),
        ("/api/Company", {"id": "1e9999"}, ["id"]),
        ("/api/UpdatedCompanies", {"companyIds": ",".join(["1"] * 101)}, ["companyIds"]),
        ("/api/UpdatedCompanies", {"companyIds": "1;2", "lastChangedDate": "x"}, ["companyIds"]),
        ("/api/CompanySelection", {"selectionId": "\x00", "pageNr": 1}, ["selectionId"]),
    ],
    ids=[
        "missing", "wrong-type", "over-maximum", "unknown-value", "under-minimum",
        "huge-number", "101-ids", "bad-id-list", "nul-byte",
    ],
)  # fmt: skip
def test_bad_query_is_400_naming_the_parameter(
    mock: MockService, path: str, extra: dict[str, Any], words: list[str]
) -> None:
    # Given an account
    account = mock.new_account()
    # When a request breaks the contract in one parameter
    response = mock.http.get(path, params={**account.query(), **extra})
    # Then 400 names that parameter
    _assert_bad_request(response, *words)


@pytest.mark.parametrize(
    ("content", "content_type", "status", "words"),
    [
        (b"[1, 2]", "application/json", 400, ["not of type 'object'"]),
        (b'{"LastChangedDate": "2026-01-01 00:00:00"}', "application/json", 400, ["CompanyIds"]),
        (b'{"CompanyIds": [1], "LastChangedDate": 5}', "application/json", 400, ["5"]),
        (b"<x/>", "application/xml", 415, ["JSON"]),
        (b"\x00" * 64, "application/json", 400, ["JSON"]),
    ],
    ids=["array", "missing-field", "wrong-type", "xml", "binary"],
)
def test_bad_body_is_refused_naming_the_problem(
    mock: MockService, content: bytes, content_type: str, status: int, words: list[str]
) -> None:
    # Given an account
    account = mock.new_account()
    # When it posts a body that breaks the contract
    response = mock.http.post(
        "/api/UpdatedCompaniesV2", params=account.query(), content=content,
        headers={"Content-Type": content_type},
    )  # fmt: skip
    # Then a 4xx in the service's format says what is wrong
    assert response.status_code == status, response.text
    body = response.json()
    assert body["Code"] == status and response.headers["X-Error-Status"] == body["Status"]
    said = f"{body['Message']} {body.get('MessageDetail', '')}"
    for word in words:
        assert word in said, said


@pytest.mark.parametrize(
    ("parameter", "value"),
    [
        ("companyName", "*\x00abc*"),
        ("companyName", "\x00*"),
        ("city", "Utr\x1fecht*"),
        ("telephone", "0113\t123456"),
        ("POBoxCity", "Goes\x7f"),
    ],
    ids=["nul-in-wildcard", "leading-nul", "unit-separator", "tab", "delete"],
)
def test_control_characters_in_a_search_text_are_400_naming_it(
    mock: MockService, parameter: str, value: str
) -> None:
    # Given an account
    account = mock.new_account()
    # When CompanyList searches with a control character in one text filter
    response = mock.http.get(
        "/api/CompanyList",
        params={**account.query(), "pageNr": 1, "recordsPerPage": 10, parameter: value},
    )
    # Then 400 names that filter (rather than SQLite's LIKE stopping at a NUL and matching all)
    _assert_bad_request(response, parameter, "control characters")


def test_control_characters_in_a_selection_filter_are_400_naming_it(mock: MockService) -> None:
    # Given an account
    account = mock.new_account()
    # When the control plane saves a selection whose city holds a NUL
    response = mock.http.post(
        "/_mock/selections", json={"user": account.user, "filters": {"city": "*\x00x*"}}
    )
    # Then 400 names the filter
    _assert_bad_request(response, "city", "control characters")


# -- the server's own HTTP parser --------------------------------------------------------------


def _raw(url: str, request: bytes) -> bytes:
    """Send raw bytes to the server; return what it answers before closing or going quiet."""
    host, port = urlsplit(url).hostname, urlsplit(url).port
    assert host is not None and port is not None
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(request)
        answer = b""
        while not _complete(answer):
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
        return answer


def _complete(answer: bytes) -> bool:
    """Whether the answer holds its head and as many body bytes as its Content-Length says."""
    head, separator, body = answer.partition(b"\r\n\r\n")
    if not separator:
        return False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value)
    return True


@pytest.mark.server
@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GET /api/Version?x=" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /api/Version HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 1_000_000 + b"\r\n\r\n",
        b"GET /api/Version HTTP/1.1\r\nHost: x\r\nContent-Length: nine\r\n\r\n",
        b"BREW /\x00 HTTP/1.1\r\n\r\n",
    ],
    ids=["request-target-over-64k", "one-megabyte-header", "bad-content-length", "garbage"],
)
def test_server_answers_broken_http_with_400(
    datacollectief_server: MockService, request_bytes: bytes
) -> None:
    # Given a real server
    # When a client sends a request the HTTP layer cannot or must not take
    answer = _raw(datacollectief_server.base_url, request_bytes)
    # Then it answers 400 (not a 500, not a silently dropped connection)
    assert answer.startswith(b"HTTP/1.1 400 "), answer[:300]
    # And in the service's format, whether the app or the HTTP parser refused it
    head, _, body = answer.partition(b"\r\n\r\n")
    headers = dict(line.split(b": ", 1) for line in head.split(b"\r\n")[1:])
    assert {name.lower(): value for name, value in headers.items()}[
        b"x-error-status"
    ] == b"BAD_REQUEST", head
    error = json.loads(body)
    assert (error["Code"], error["Status"]) == (400, "BAD_REQUEST") and error["Message"], error
