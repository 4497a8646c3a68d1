"""Every fact of the contract says where it comes from: a public source, or a guess."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from mockserver.provenance import (
    inferred_operations,
    load_spec,
    missing_labels,
    operations,
    required_inferred,
    resolve,
    response_schema,
    strip_inferred,
)

ROOT = Path(__file__).resolve().parents[2]
SPEC = load_spec()
SCHEMAS = SPEC["components"]["schemas"]


def _operation(operation_id: str) -> dict:
    return next(op for _, _, op in operations(SPEC) if op["operationId"] == operation_id)


def test_every_operation_parameter_and_schema_is_labelled():
    """Given the contract, when its labels are checked, then nothing lacks one or is malformed."""
    assert missing_labels(SPEC) == []


def test_a_missing_label_is_found():
    """Given an operation and an object schema without labels, then both are reported."""
    spec = copy.deepcopy(SPEC)
    del spec["paths"]["/api/DownloadStatistics"]["get"]["x-source"]
    del spec["components"]["schemas"]["RegisteredAccount"]["x-source"]
    spec["components"]["schemas"]["Website"]["x-source"] = "X"
    problems = missing_labels(spec)
    assert any(p.startswith("GET /api/DownloadStatistics") for p in problems)
    assert any(p.startswith("schema RegisteredAccount") for p in problems)
    assert any("schema Website" in p and "no known source" in p for p in problems)


def test_no_answer_requires_an_inferred_member():
    """Given every answer schema, then only documented members are required."""
    assert required_inferred(SPEC) == []


def test_a_required_inferred_member_is_found():
    """Given an inferred member made required, then it is reported."""
    spec = copy.deepcopy(SPEC)
    spec["components"]["schemas"]["Company"]["required"].append("Name")
    assert any(p.endswith(".Name") for p in required_inferred(spec))


@pytest.mark.parametrize(
    ("schema", "documented", "inferred"),
    [
        ("CompanyListItem", {"Id"}, {"Name", "Street", "StreetNumber", "City", "Deleted"}),
        ("Company", {"Id"}, {"Name", "ZipCode", "KvkNumber", "LastChangedDate", "Timestamps"}),
        ("Contact", {"ID", "CompanyID"}, {"Name", "Email", "Timestamps"}),
        ("ContactListItem", {"ID", "Name", "FirstName", "FunctionID"}, {"Gender", "Deleted"}),
        ("DownloadStatistics", {"CreditsFromWUS", "CreditsUsedForAlerts"}, set()),
        ("InfoVisit", {"StartDate", "StartTime", "HighestRatingScore"}, {"Duration"}),
        ("LeadsResult", {"Visits"}, {"From", "To", "TotalCount", "Truncated"}),
        ("UpdatedCompaniesResult", {"lastChangedDate", "updatedCompanies"}, set()),
        ("UpdatedCompaniesV1Result", set(), {"lastChangedDate", "updatedCompanies"}),
        ("UpdatedContactsV1Result", set(), {"LastChangedDate", "UpdatedContacts"}),
        ("Error", {"Message"}, {"Code", "Status", "MessageDetail", "ModelState"}),
    ],
)
def test_labels_follow_the_public_sources(schema, documented, inferred):
    """Given a schema, when a value with every member is stripped, then only the documented stay."""
    value = {name: None for name in SCHEMAS[schema]["properties"]}
    kept = set(strip_inferred(SPEC, {"$ref": f"#/components/schemas/{schema}"}, value))
    assert documented <= kept
    assert not inferred & kept


def test_gender_values_beyond_male_are_inferred():
    """Given the Gender enumeration, then 0 is documented and 1 and 2 are marked inferred."""
    gender = SCHEMAS["Gender"]
    assert gender["x-source"] == "D"
    assert gender["x-inferred-values"] == [1, 2]


def test_v1_updates_answer_an_inferred_shape():
    """Given the v1 and V2 update requests, then only the V2 answers are documented."""
    for operation_id, name in [
        ("getUpdatedCompanies", "UpdatedCompaniesV1Result"),
        ("getUpdatedContacts", "UpdatedContactsV1Result"),
    ]:
        schema = response_schema(SPEC, _operation(operation_id), 200)
        assert schema == {"$ref": f"#/components/schemas/{name}"}
        assert resolve(SPEC, schema)["x-inferred"] is True


def test_the_spec_readme_lists_every_inferred_operation():
    """Given the inferred operations, then spec/README.md names each of them."""
    readme = (ROOT / "spec" / "README.md").read_text(encoding="utf-8")
    assert inferred_operations(SPEC)
    for operation_id in inferred_operations(SPEC):
        path = next(p for p, _, op in operations(SPEC) if op["operationId"] == operation_id)
        assert re.search(rf"`{re.escape(path.removeprefix('/api/'))}`", readme), operation_id
