"""The contract: valid OpenAPI 3.0.3, every documented request, the service's names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from mockserver.handlers import OPERATIONS
from mockserver.provenance import inferred_operations, label_of, strip_inferred

SPEC_PATH = Path(__file__).resolve().parents[2] / "spec" / "datacollectief.yaml"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))

# request name -> (method, documented query parameters or body fields), transcribed from the
# "Requests" table and "Transport" notes of REFERENCE.md (the summary of the public sources).
# Kept by hand on purpose, not derived from the spec's `x-source` labels: it is the independent
# record the spec is checked against (a misspelt `pageNr` labelled `x-source: C` would pass a
# test that reads the labels), and the labels say less than it does (no methods) and more (the
# public client's `selectionId` on CompanyList, the V2 answers). The tests below hold the two
# together: a documented request or parameter is labelled with a source, an undocumented
# request is labelled inferred.
DOCUMENTED = {
    "RegisterAccount": ("post", {"newUser", "code"}),
    "DownloadStatistics": ("get", set()),
    "CompanyList": ("get", {
        "pageNr", "recordsPerPage", "sortOrder", "companyName", "street", "streetNumber",
        "zipCode", "city", "telephone", "POBox", "POBoxZipCode", "POBoxCity", "url", "email",
    }),
    "Company": ("get", {"id"}),
    "CompanyLimited": ("get", {"id"}),
    "ContactList": ("get", {"id"}),
    "Contact": ("get", {"id"}),
    "ContactLimited": ("get", {"id"}),
    "UrlCompanySelection": ("get", set()),
    "CompanySelection": ("get", {"selectionId", "pageNr"}),
    "UpdatedCompanies": ("get", {"companyIds", "lastChangedDate"}),
    "UpdatedContacts": ("get", {"contactIds", "lastChangedDate"}),
    "UpdatedCompaniesV2": ("post", {"LastChangedDate", "CompanyIds"}),
    "UpdatedContactsV2": ("post", {"LastChangedDate", "ContactIds"}),
    "ContactNew": ("get", set()),  # "v1 GET data in query": its names are not public
    "ContactNewV2": ("post", {
        "CompanyID", "Name", "Email", "FirstName", "FunctionDescription", "Gender",
        "Mobilephone", "Telephone",
    }),
    "UserFeedbackCompany": ("post", {"companyId", "reasonId", "memo", "otherReason"}),
    "UserFeedbackContact": ("post", {"contactId", "reasonId", "memo", "otherReason"}),
    "UserFeedbackContactV2": ("post", {
        "ContactId", "ReasonId", "OtherReason", "Memo", "ContactName", "Firstname",
        "FunctionDescription", "Email", "Telephone", "MobilePhone", "Gender", "Department",
    }),
    "BaseTableMessageReasons": ("get", set()),
    "BaseTableMessageReason": ("get", set()),
    "BaseTableFunction": ("get", set()),
    "BaseTableBranche": ("get", set()),
    "BaseTableEmployee": ("get", set()),
    "BaseTableImportExport": ("get", set()),
    "BaseTableLegalForm": ("get", set()),
    "WebsiteleadsWebsites": ("get", set()),
    "WebsiteleadsLeads": ("get", {"Website", "From", "To"}),
    "Version": ("get", set()),
    "UrlAccountInfo": ("get", set()),
}  # fmt: skip
STANDARD_ERRORS = {"301", "302", "304", "305", "311", "312", "313", "314", "400"}


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = SPEC
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def _operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, op) for path, item in SPEC["paths"].items() for method, op in item.items()
    ]


def test_the_spec_is_valid_openapi_3_0_3() -> None:
    """Given the hand-written spec, when validated, then it is OpenAPI 3.0.3 without errors."""
    assert SPEC["openapi"] == "3.0.3"
    validate(SPEC)


@pytest.mark.parametrize("name", sorted(DOCUMENTED))
def test_every_documented_request_exists_with_its_parameter_names(name: str) -> None:
    """Given a request of REFERENCE.md, then /api/<name> has its method and parameter names."""
    method, names = DOCUMENTED[name]
    operation = SPEC["paths"][f"/api/{name}"][method]
    params = {_resolve(p)["name"] for p in operation.get("parameters", [])}
    body = operation.get("requestBody")
    if body:
        schema = _resolve(body["content"]["application/json"]["schema"])
        params |= set(schema["properties"])
    assert names <= params, f"{name} lacks {names - params}"


def test_no_request_beyond_the_documented_ones() -> None:
    """Given the spec's paths, then each is a documented request name or an inferred one."""
    inferred = {
        path.removeprefix("/api/")
        for path, _, op in _operations()
        if op["operationId"] in inferred_operations(SPEC)
    }
    assert {path.removeprefix("/api/") for path in SPEC["paths"]} == set(DOCUMENTED) | inferred
    assert not inferred & set(DOCUMENTED)


@pytest.mark.parametrize("name", sorted(DOCUMENTED))
def test_the_provenance_labels_agree_with_the_documented_requests(name: str) -> None:
    """Given a request of REFERENCE.md, then its operation and its documented parameter names
    carry a source label, not `x-inferred`."""
    method, names = DOCUMENTED[name]
    operation = SPEC["paths"][f"/api/{name}"][method]
    label = label_of(operation)
    assert label not in (None, "inferred"), f"{name} is documented but labelled {label}"
    inferred = {
        parameter["name"]
        for parameter in map(_resolve, operation.get("parameters", []))
        if label_of(parameter, label) == "inferred"
    }
    body = operation.get("requestBody")
    if body:
        schema = body["content"]["application/json"]["schema"]
        fields = set(_resolve(schema)["properties"])
        inferred |= fields - set(strip_inferred(SPEC, schema, dict.fromkeys(fields), label))
    assert not names & inferred, f"{name}: documented but labelled inferred: {names & inferred}"


@pytest.mark.parametrize(("path", "method", "operation"), _operations())
def test_every_operation_declares_the_three_credentials_and_its_errors(
    path: str, method: str, operation: dict[str, Any]
) -> None:
    """Given an operation, then it is secured by user+password+applicationName together,
    documents the standard errors, and has an example on every response with a body."""
    assert operation["security"] == [{"user": [], "password": [], "applicationName": []}]
    assert STANDARD_ERRORS <= set(operation["responses"])
    for status, response in operation["responses"].items():
        response = _resolve(response)
        if status == "304":
            assert "content" not in response
            continue
        media = response["content"]["application/json"]
        assert "example" in media or "examples" in media, f"{path} {status} has no example"
        if status != "200":
            assert media["schema"] == {"$ref": "#/components/schemas/Error"}
            assert "X-Error-Status" in response["headers"]


def test_the_handler_table_and_the_spec_agree() -> None:
    """Given the mock's operation table, then it maps exactly the spec's operationIds."""
    assert {op["operationId"] for _, _, op in _operations()} == set(OPERATIONS)


def test_field_casing_follows_the_service() -> None:
    """Given the records, then companies use Id, contacts ID/CompanyID, and the V2 update
    answers keep the service's inconsistent casing."""
    schemas = SPEC["components"]["schemas"]
    assert "Id" in schemas["Company"]["properties"]
    assert {"ID", "CompanyID"} <= set(schemas["Contact"]["properties"])
    assert set(schemas["UpdatedCompaniesResult"]["properties"]) == {
        "lastChangedDate",
        "updatedCompanies",
    }
    assert set(schemas["UpdatedContactsResult"]["properties"]) == {
        "LastChangedDate",
        "UpdatedContacts",
    }
    assert set(schemas["Company"]["properties"]) >= {"Timestamps", "LastChangedDate"}
    assert schemas["Company"]["required"] == ["Id"]  # the rest is inferred: may be absent
