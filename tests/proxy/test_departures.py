"""An upstream that departs from the contract on purpose: the proxy reports each departure once,
with the operation and the JSON pointer, on its log and at /_proxy/departures."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from mockserver.provenance import load_spec
from tests.support.proxy import Answer, ProxyProcess, proxy_process, scripted_upstream

COMPANY: dict[str, Any] = load_spec()["components"]["examples"]["Company"]["value"]
CREDENTIALS = {"user": "me@example.nl", "password": "s3cret-Pa55", "applicationName": "MyApp"}
UNKNOWN_CONTACT = {
    "Message": "Unknown contact person ID.",
    "Code": 308,
    "Status": "UNKNOWN_CONTACT_ID",
}
XML = b'<?xml version="1.0"?><FunctionTable><BaseTableFunction/></FunctionTable>'


def _json(value: Any) -> bytes:
    return json.dumps(value).encode()


#: Per path: the departing answer, and the one departure (kind, pointer) it must cause.
DEPARTURES: dict[str, tuple[Answer, str, str, str]] = {
    "/api/Company": (
        Answer(200, _json({k: v for k, v in COMPANY.items() if k != "Province"})),
        "downloadCompany", "inferred-absent", "/Province",
    ),
    "/api/CompanyLimited": (
        Answer(200, _json({"Id": 1, "Name": "X", "Street": "Y", "StreetNumber": 1,
                           "StreetNumberSuffix": None, "ZipCode": "1234 AB", "City": "Goes",
                           "Province": "Zeeland", "BrancheID": 1, "BrancheDescription": "B",
                           "EmployeeID": 1, "EmployeeDescription": "E", "Deleted": False,
                           "Surprise": 1})),
        "getCompanyLimited", "undeclared-member", "/Surprise",
    ),
    "/api/DownloadStatistics": (
        Answer(200, _json({"PaymentMethod": "Prepaid", "CreditsAcquired": 10, "CreditsUsed": 0,
                           "CreditsBalance": "ten", "CreditsFromWUS": 0,
                           "CreditsUsedForAlerts": 0})),
        "getDownloadStatistics", "schema", "/CreditsBalance",
    ),
    "/api/Version": (Answer(418, _json({"Message": "I'm a teapot"})), "getVersion", "status", ""),
    "/api/Contact": (
        Answer(308, _json(UNKNOWN_CONTACT), reason="Permanent Redirect",
               headers=(("X-Error-Status", "UNKNOWN_CONTACT_ID"),)),
        "downloadContact", "reason-phrase", "",
    ),
    "/api/BaseTableFunction": (
        Answer(200, XML, content_type="application/xml; charset=utf-8"),
        "listFunctions", "content-type", "",
    ),
}  # fmt: skip


def _script(target: str) -> Answer:
    return DEPARTURES[target.split("?", 1)[0]][0]


@pytest.fixture(scope="module")
def proxy() -> Iterator[ProxyProcess]:
    """The proxy in front of the scripted, departing upstream."""
    with scripted_upstream(_script) as upstream, proxy_process(upstream.url) as running:
        yield running


@pytest.mark.server
def test_each_departure_is_reported_once_with_operation_and_pointer(proxy: ProxyProcess) -> None:
    # Given an upstream whose every answer departs from the contract in one way
    with httpx.Client(base_url=proxy.url, timeout=30) as client:
        # When each operation is called twice through the proxy, asking for JSON
        answers = {}
        for path in DEPARTURES:
            for _ in range(2):
                answer = client.get(path, params={**CREDENTIALS, "id": 1},
                                    headers={"Accept": "application/json"})  # fmt: skip
                answers[path] = answer
        departures = client.get("/_proxy/departures").json()
    # Then the answers are the upstream's, reason phrase included
    assert answers["/api/Contact"].reason_phrase == "Permanent Redirect"
    assert answers["/api/BaseTableFunction"].content == XML
    # And each departure is listed exactly once, seen twice, with its operation and pointer
    found = sorted((d["operation"], d["kind"], d["pointer"], d["count"]) for d in departures)
    expected = sorted((op, kind, pointer, 2) for _, op, kind, pointer in DEPARTURES.values())
    assert found == expected
    # And the log holds one JSON line per departure, without the password
    logged = [json.loads(line)["departure"] for line in proxy.departure_lines()]
    assert sorted((d["operation"], d["kind"], d["pointer"]) for d in logged) == [
        (op, kind, pointer) for op, kind, pointer, _ in found
    ]
    assert not any(CREDENTIALS["password"] in line for line in proxy.output)


@pytest.mark.server
def test_report_counts_the_absent_inferred_member_as_refuted(proxy: ProxyProcess) -> None:
    # Given the proxy saw a company answer without its inferred Province
    httpx.get(f"{proxy.url}/api/Company", params={**CREDENTIALS, "id": 1}, timeout=30)
    # When the report is asked for
    report = httpx.get(f"{proxy.url}/_proxy/report", timeout=30).json()
    # Then Province is refuted for downloadCompany, the members it did send are confirmed
    company = report["operations"]["downloadCompany"]
    assert company["refuted"] == ["200 /Province"]
    assert "200 /Name" in company["confirmed"]
    # And an operation never called has its inferred facts never seen
    leads = report["operations"]["listWebsiteLeads"]
    assert leads["exchanges"] == 0
    assert leads["confirmed"] == leads["refuted"] == []
    assert "200 /TotalCount" in leads["never seen"]
