"""XML by content negotiation on the in-process mock: which answers turn XML, and that the XML
carries exactly what the JSON carries."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import yaml
from hypothesis import event, given, settings
from hypothesis import strategies as st

from mockserver.pytest_plugin import Credentials, MockService
from mockserver.settings import spec_dir
from tests.support.spec_requests import get_operations_taking, id_subject
from tests.support.strategies import SORT_ORDERS, company_ids, wire_date

__all__: list[str] = []

SPEC: dict[str, Any] = yaml.safe_load((spec_dir() / "datacollectief.yaml").read_text("utf-8"))
MODELS = "{http://schemas.datacontract.org/2004/07/DataCollectief.Api.Models}"
NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
XML_ACCEPTS = {  # Accept header -> the media type it selects
    "application/xml": "application/xml",
    "text/xml": "text/xml",
    "text/xml, application/json;q=0.5": "text/xml",
    "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8": "application/xml",
}
DAY = 86400


@dataclass(frozen=True)
class Account:
    """The module's account on a frozen clock, and its websites."""

    mock: MockService
    credentials: Credentials
    now: int
    websites: tuple[str, ...]

    def get(self, path: str, accept: str | None, **params: Any) -> httpx.Response:
        """When: the account asks `path` with this Accept header (none when None)."""
        headers = {} if accept is None else {"Accept": accept}
        query = {**self.credentials.query(), **params}
        return self.mock.http.get(path, params=query, headers=headers)


@pytest.fixture(scope="module")
def account(datacollectief_mock: MockService) -> Iterator[Account]:
    """Given: a fresh account with plenty of credits, on a clock frozen for the module (so a
    JSON answer and the XML one right after it are of the same moment)."""
    mock = datacollectief_mock
    saved = mock.clock()
    mock.set_clock(epoch=saved["epoch"], frozen=True)
    try:
        credentials = mock.new_account(credits=100_000)
        query = credentials.query()
        sites = mock.http.get("/api/WebsiteleadsWebsites", params=query).json()["Websites"]
        names = tuple(site["Name"] for site in sites)
        yield Account(mock, credentials, int(saved["epoch"]), names)
    finally:
        mock.set_clock(epoch=saved["epoch"], frozen=saved["frozen"])


def parse(response: httpx.Response) -> ET.Element:
    """Then: the body is well-formed XML."""
    return ET.fromstring(response.content)


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def test_xml_writes_gender_by_name(account: Account) -> None:
    """When a company's contacts are asked in XML, then each Gender is written by name, as the
    help page's XML sample shows (`Male` where JSON carries 0)."""
    names = {0: "Male", 1: "Female", 2: "Unknown"}
    json_answer = account.get("/api/ContactList", None, id=1).json()
    root = parse(account.get("/api/ContactList", "application/xml", id=1))
    genders = [e.text for e in root.iter() if local(e.tag) == "Gender"]
    assert genders == [names[c["Gender"]] for c in json_answer["Contacts"]]
    assert genders


# -- which answers turn XML ----------------------------------------------------------------


@pytest.mark.parametrize(("accept", "media"), sorted(XML_ACCEPTS.items()))
def test_xml_media_types_answer_xml(account: Account, accept: str, media: str) -> None:
    """Given an Accept header preferring XML, When the account asks its Version, Then the
    answer is a VersionResult in XML, typed `<media>; charset=utf-8`, its length declared."""
    response = account.get("/api/Version", accept)

    assert response.status_code == 200
    assert response.headers["content-type"] == f"{media}; charset=utf-8"
    assert int(response.headers["content-length"]) == len(response.content)
    root = parse(response)
    assert root.tag == f"{MODELS}VersionResult"
    assert root.findtext(f"{MODELS}Version") == account.get("/api/Version", None).json()["Version"]


@pytest.mark.parametrize(
    "accept",
    [
        None,
        "application/json",
        "text/json",
        "*/*",
        "text/html",
        "application/xml, application/json",
        "application/xml;q=0.4, application/json;q=0.6",
        "application/xml;q=0, */*",
    ],
)
def test_json_answers_are_untouched(account: Account, accept: str | None) -> None:
    """Given an Accept header that does not prefer XML (or none), When the account asks its
    statistics, Then the answer is the JSON one, byte for byte."""
    plain = account.get("/api/DownloadStatistics", None)

    response = account.get("/api/DownloadStatistics", accept)

    assert response.headers["content-type"] == "application/json"
    assert response.content == plain.content


def test_q_values_can_prefer_xml_over_json(account: Account) -> None:
    """Given JSON at q=0.5 and XML at q=1 (sent first JSON), When asked, Then XML."""
    response = account.get("/api/Version", "application/json;q=0.5, application/xml")

    assert response.headers["content-type"] == "application/xml; charset=utf-8"
    assert parse(response).tag == f"{MODELS}VersionResult"


def test_an_unknown_request_answers_an_xml_error(account: Account) -> None:
    """Given XML is asked, When the request name is unknown (no operation), Then the 300 comes
    as `<Error>` without namespace, with the JSON error's members and the status header."""
    json_answer = account.get("/api/NoSuchRequest", None)

    response = account.get("/api/NoSuchRequest", "application/xml")

    assert response.status_code == json_answer.status_code == 300
    assert response.headers["X-Error-Status"] == "UNKNOWN_REQUEST_TYPE"
    root = parse(response)
    assert root.tag == "Error"
    assert {child.tag: child.text for child in root} == {
        key: str(value) for key, value in json_answer.json().items()
    }


def test_a_bad_request_answers_an_xml_error(account: Account) -> None:
    """Given XML is asked, When a parameter is malformed, Then the 400 is an `<Error>` whose
    Message is the JSON one's."""
    params = {"pageNr": "x", "recordsPerPage": "2"}
    json_answer = account.get("/api/CompanyList", None, **params)

    response = account.get("/api/CompanyList", "text/xml", **params)

    assert response.status_code == json_answer.status_code == 400
    assert response.headers["content-type"] == "text/xml; charset=utf-8"
    root = parse(response)
    assert root.tag == "Error"
    assert root.findtext("Message") == json_answer.json()["Message"]


def test_a_304_stays_bodiless(account: Account) -> None:
    """Given XML is asked, When the password is wrong, Then 304 WRONG_PASSWORD has no body."""
    response = account.get("/api/Version", "application/xml", password="wrong")

    assert response.status_code == 304
    assert response.headers["X-Error-Status"] == "WRONG_PASSWORD"
    assert response.content == b""
    assert "xml" not in response.headers.get("content-type", "")


def test_the_control_plane_and_portal_are_never_xml(account: Account) -> None:
    """Given XML is asked, When the control plane and the portal answer, Then they keep their
    own formats (JSON, HTML)."""
    http = account.mock.http

    control = http.get("/_mock/clock", headers={"Accept": "application/xml"})
    portal = http.get("/mijn/inloggen", headers={"Accept": "application/xml"})

    assert control.headers["content-type"] == "application/json"
    assert control.json()["frozen"] is True
    assert "text/html" in portal.headers["content-type"]


def test_the_journal_records_xml_answers(account: Account) -> None:
    """Given XML is asked, When the account asks its statistics, Then the journal records the
    request with its operation and status as for JSON."""
    account.get("/api/DownloadStatistics", "application/xml")

    entries = account.mock.control("GET", "/journal", params={"limit": 1})

    assert entries[0]["operation"] == "getDownloadStatistics"
    assert entries[0]["status"] == 200


# -- the XML carries what the JSON carries -------------------------------------------------


def resolve(node: Any) -> tuple[str | None, Mapping[str, Any]]:
    """Follow a `$ref` of the spec: the component name and the schema."""
    name = None
    while isinstance(node, Mapping) and "$ref" in node:
        ref = str(node["$ref"])
        name = ref.rsplit("/", 1)[-1]
        target: Any = SPEC
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return name, node if isinstance(node, Mapping) else {}


def from_xml(element: ET.Element, schema: Any) -> Any:
    """The JSON value an element carries, typed by its schema; checks member order and item
    names on the way."""
    if element.get(NIL) == "true":
        return None
    _, node = resolve(schema)
    kind = node.get("type")
    if kind == "array":
        item_name, item = resolve(node.get("items"))
        if item_name is not None and item.get("type") == "object":
            assert {child.tag for child in element} <= {f"{MODELS}{item_name}"}
        return [from_xml(child, node.get("items")) for child in element]
    if kind == "object":
        names = [local(child.tag) for child in element]
        assert names == sorted(names), "members in ordinal order"
        properties = node.get("properties") or {}
        return {local(c.tag): from_xml(c, properties.get(local(c.tag))) for c in element}
    text = element.text or ""
    enum_names = node.get("x-enum-names")
    if enum_names and text in enum_names:
        return node.get("enum", node.get("x-enum-values"))[enum_names.index(text)]
    if kind == "integer":
        return int(text)
    if kind == "number":
        return float(text)
    if kind == "boolean":
        return {"true": True, "false": False}[text]
    return text


def _operations() -> dict[str, tuple[str, Any]]:
    """operationId -> (path, schema of its 200 answer), from the spec."""
    table = {}
    for path, item in SPEC["paths"].items():
        operation = item.get("get")
        if operation is not None:
            content = operation["responses"]["200"]["content"]["application/json"]
            table[operation["operationId"]] = (path, content["schema"])
    return table


OPERATIONS = _operations()
#: The read operations by what they take, from the spec: a new one is drawn without edits here.
#: getUrlCompanySelection is left out: each call makes a new URL, so JSON and XML differ.
NO_PARAMETERS = [o for o in get_operations_taking(set()) if o != "getUrlCompanySelection"]
COMPANY_BY_ID = [o for o in get_operations_taking({"id"}) if id_subject(o) == "company"]
CONTACT_BY_ID = [o for o in get_operations_taking({"id"}) if id_subject(o) == "contact"]


@st.composite
def requests(draw: st.DrawFn, account: Account) -> tuple[str, dict[str, Any]]:
    """A documented read operation with arguments: mostly answerable, sometimes an error."""
    kind = draw(st.sampled_from(["plain", "company", "contact", "page", "leads"]))
    if kind == "plain":
        return draw(st.sampled_from(NO_PARAMETERS)), {}
    if kind == "company":
        return draw(st.sampled_from(COMPANY_BY_ID)), {"id": draw(company_ids())}
    if kind == "contact":
        # Contacts are numbered from 1, a few per company; some numbers are unknown.
        return draw(st.sampled_from(CONTACT_BY_ID)), {"id": draw(st.integers(1, 20_000))}
    if kind == "page":
        params = {"pageNr": draw(st.integers(1, 30)), "recordsPerPage": draw(st.integers(1, 100))}
        order = draw(st.none() | st.sampled_from(SORT_ORDERS))
        return "listCompanies", params if order is None else {**params, "sortOrder": order}
    start = account.now - draw(st.integers(0, 90)) * DAY
    end = start + draw(st.integers(1, 3 * DAY))
    site = draw(st.sampled_from(account.websites))
    return "listWebsiteLeads", {"Website": site, "From": wire_date(start), "To": wire_date(end)}


@settings(max_examples=60, deadline=None)
@given(data=st.data(), accept=st.sampled_from(sorted(XML_ACCEPTS)))
def test_xml_answers_carry_what_json_answers_carry(
    account: Account, data: st.DataObject, accept: str
) -> None:
    """Given a documented read operation (statistics, version, company pages, downloads,
    contacts, base tables, websites and leads) with drawn arguments, When it is asked in JSON
    and then in XML, Then the statuses agree; a 200's XML is the schema's type whose members,
    read back by the schema, equal the JSON; an error's XML is `<Error>` with its Message."""
    operation, params = data.draw(requests(account))
    path, schema = OPERATIONS[operation]

    json_answer = account.get(path, "application/json", **params)
    xml_answer = account.get(path, accept, **params)

    event(f"{operation} {json_answer.status_code}")
    assert xml_answer.status_code == json_answer.status_code, xml_answer.content
    assert xml_answer.headers["content-type"] == f"{XML_ACCEPTS[accept]}; charset=utf-8"
    root = parse(xml_answer)
    if json_answer.status_code != 200:
        assert root.tag == "Error"
        assert root.findtext("Message") == json_answer.json()["Message"]
        return
    assert root.tag == f"{MODELS}{resolve(schema)[0]}"
    assert from_xml(root, schema) == json_answer.json()
