"""Requests as code that runs against production sends them, answers as production sends them."""

from __future__ import annotations

import http.client
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx
import pytest

from mockserver.app import create_app
from mockserver.http.errors import MESSAGES
from mockserver.pytest_plugin import Credentials, MockService
from tests.support.client_rules import UNKNOWN_ID, wire

__all__: list[str] = []


def php_call(
    service: MockService, credentials: Credentials, method: str, name: str, **data: Any
) -> httpx.Response:
    """A call as the public 2018 PHP client makes it: credentials first, then the call's data
    in the query (also for v1 POSTs), and a `[]` JSON body on every call."""
    query = urlencode(
        {
            "applicationName": credentials.application_name,
            "user": credentials.user,
            "password": credentials.password,
            **data,
        }
    )
    return service.http.request(
        method,
        f"/api/{name}?{query}",
        content=b"[]",
        headers={"Content-Type": "application/json"},
    )


def test_the_php_clients_requests_are_served(datacollectief_server: MockService) -> None:
    """Given a real server and an account, when the PHP client's calls are replayed, then each
    is served as production serves it: a 200, or an error it reads from the reason phrase."""
    service = datacollectief_server
    credentials = service.new_account(credits=10)
    stats = php_call(service, credentials, "GET", "DownloadStatistics")
    assert stats.status_code == 200, stats.text
    assert stats.json()["CreditsBalance"] == 10
    page = php_call(
        service, credentials, "GET", "CompanyList", pageNr=1, recordsPerPage=20, companyName="*"
    )
    assert page.status_code == 200, page.text
    company_id = page.json()["Companies"][0]["Id"]
    company = php_call(service, credentials, "GET", "Company", id=company_id)
    assert company.status_code == 200, company.text
    feedback = php_call(
        service, credentials, "POST", "UserFeedbackCompany",
        companyId=company_id, reasonId=1, memo="", otherReason="",
    )  # fmt: skip
    assert feedback.status_code == 200, feedback.text
    updated = php_call(
        service, credentials, "GET", "UpdatedCompanies",
        companyIds=f"{company_id},{UNKNOWN_ID}", lastChangedDate="2020-01-01 00:00:00",
    )  # fmt: skip
    assert updated.status_code == 200, updated.text
    unknown = php_call(service, credentials, "GET", "Company", id=UNKNOWN_ID)
    assert (unknown.status_code, unknown.reason_phrase) == (307, "UNKNOWN_COMPANY_ID")
    assert unknown.json()["Message"] == MESSAGES[307]


def _raw_get(url: str, path: str, query: dict[str, Any]) -> http.client.HTTPResponse:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    connection.request("GET", f"{path}?{urlencode(query)}")
    return connection.getresponse()


def test_reason_phrase_is_the_status_name_on_the_wire(datacollectief_server: MockService) -> None:
    """Given a real server, when errors are answered, then the HTTP reason phrase is the
    service's status name (read with http.client), and a 200 keeps `OK`."""
    service = datacollectief_server
    broke = service.new_account(credits=0)
    cases = [
        (broke.query(), "/api/DownloadStatistics", {}, 200, "OK"),
        (broke.query(), "/api/Company", {"id": 1}, 310, "INSUFFICIENT_CREDITS"),
        ({**broke.query(), "password": "wrong"}, "/api/Version", {}, 304, "WRONG_PASSWORD"),
        (broke.query(), "/api/NoSuchRequest", {}, 300, "UNKNOWN_REQUEST_TYPE"),
        (broke.query(), "/api/Company", {"id": "x"}, 400, "Bad Request"),
    ]
    for credentials, path, query, status, reason in cases:
        response = _raw_get(service.base_url, path, {**credentials, **query})
        response.read()
        assert (response.status, response.reason) == (status, reason), path


def test_reason_phrase_in_process(datacollectief_mock: MockService) -> None:
    """Given the in-process mock, when an error is answered, then httpx shows the status name
    as the reason phrase, as it does over a socket."""
    credentials = datacollectief_mock.new_account(credits=0)
    response = datacollectief_mock.http.get("/api/Company", params={**credentials.query(), "id": 1})
    assert (response.status_code, response.reason_phrase) == (310, "INSUFFICIENT_CREDITS")


def test_errors_carry_the_documented_message_and_the_detail_apart(
    datacollectief_mock: MockService,
) -> None:
    """Given a bad parameter, when it is refused, then Message is ASP.NET's documented text and
    the detail is in MessageDetail and in ModelState under the parameter's name."""
    credentials = datacollectief_mock.new_account()
    response = datacollectief_mock.http.get(
        "/api/CompanyList", params={**credentials.query(), "pageNr": 0, "recordsPerPage": 5}
    )
    body = response.json()
    assert response.status_code == 400
    assert body["Message"] == "The request is invalid."
    assert "pageNr" in body["MessageDetail"]
    assert list(body["ModelState"]) == ["pageNr"]


@pytest.fixture(scope="module")
def strict_http() -> Any:
    """An in-process app with `strict_params`: the contract exactly as written."""
    from starlette.testclient import TestClient

    from mockserver.settings import Settings

    app = create_app(Settings(companies=200, strict_params=True))
    with TestClient(app) as http:
        yield http


def test_strict_params_refuse_what_lenient_binding_accepts(
    datacollectief_mock: MockService, strict_http: Any
) -> None:
    """Given the same off-contract request, when sent to a lenient and a strict mock, then the
    lenient one answers 200 (listing what it ignored) and the strict one 400 or 300."""
    credentials = datacollectief_mock.new_account()
    query = {**credentials.query(), "PageNr": 1, "recordsPerPage": 2, "typo": "x", "city": ""}
    lenient = datacollectief_mock.http.get("/api/companylist", params=query)
    assert lenient.status_code == 200, lenient.text
    entry = datacollectief_mock.control("GET", "/journal", params={"limit": 1})[0]
    assert entry["ignored"] == ["typo", "city="]
    demo = Credentials("demo@example.nl", "demo-api-password", "DemoApp")
    query = {**query, **demo.query()}
    assert strict_http.get("/api/CompanyList", params=query).status_code == 400
    assert strict_http.get("/api/companylist", params=query).status_code == 300


def test_json_bodies_bind_as_jsonnet_reads_them(datacollectief_mock: MockService) -> None:
    """Given a V2 body with other member cases, an enum name and an unknown member, then it is
    bound as the canonical body would be."""
    credentials = datacollectief_mock.new_account()
    response = datacollectief_mock.http.post(
        "/api/ContactNewV2",
        params=credentials.query(),
        json={
            "companyid": 1, "NAME": "Jansen", "firstName": "P.", "gender": "female",
            "FunctionDescription": "Inkoper", "Favourite": "tea",
        },
    )  # fmt: skip
    assert response.status_code == 200, response.text
    assert (response.json()["Gender"], response.json()["Name"]) == (1, "Jansen")


def test_dates_in_the_php_format_are_accepted(datacollectief_mock: MockService) -> None:
    """Given a date formatted as the PHP client does (`Y-m-d H:i:s`, Amsterdam), then it binds."""
    credentials = datacollectief_mock.new_account()
    response = php_call(
        datacollectief_mock, credentials, "GET", "UpdatedContacts",
        contactIds="1,2", lastChangedDate=wire(1_700_000_000),
    )  # fmt: skip
    assert response.status_code == 200, response.text
