"""The per-operation facts of the spec (x-credits, x-account-write, x-owned-read,
x-business-statuses, x-invalid-statuses) are well-formed, and what derives from them agrees."""

from __future__ import annotations

import copy
import subprocess
import sys
import tomllib

import pytest

from mockserver.domain import ledger
from mockserver.operation_facts import (
    business_statuses,
    credits,
    invalid_statuses,
    problems,
)
from mockserver.provenance import load_spec, operations
from tests.support.schemathesis_config import CONFIG_FILE, config_text

SPEC = load_spec()
KINDS = {value for name, value in vars(ledger.Kind).items() if name.isupper()}


def _operation(spec: dict, operation_id: str) -> dict:
    return next(op for _, _, op in operations(spec) if op["operationId"] == operation_id)


def test_the_extensions_are_well_formed_and_explain_every_business_status():
    """Given the spec, then every extension is used as spec/README.md describes, and every
    status an operation documents beyond the credential, limit and 400 answers has a reason."""
    assert problems(SPEC) == []


@pytest.mark.parametrize(
    ("operation_id", "change", "expected"),
    [
        ("downloadCompany", lambda op: op.update({"x-credits": {"charges": 1, "unless": "x"}}),
         "`unless: owned` goes with `charges`"),
        ("downloadCompany", lambda op: op.pop("x-account-write"), "is an x-account-write"),
        ("downloadCompany", lambda op: op["x-business-statuses"].pop("310"), "lists 310"),
        ("downloadCompany", lambda op: op["x-business-statuses"].pop("317"), "reason for [317]"),
        ("offerContactNew", lambda op: op.update({"x-credits": {"or-charges": 1}}),
         "neither charges nor awards"),
        ("listCompanies", lambda op: op["x-owned-read"].update({"with": "selection"}),
         "names no parameter"),
        ("getVersion", lambda op: op.update({"x-business-statuses": {"307": "Unknown."}}),
         "not one of its responses"),
        ("getUpdatedCompanies", lambda op: op["x-invalid-statuses"].update({"306": " "}),
         "no reason for 306"),
    ],
)  # fmt: skip
def test_a_malformed_extension_is_found(operation_id, change, expected):
    """Given an extension broken in one way, then `problems` reports it for that operation."""
    spec = copy.deepcopy(SPEC)
    change(_operation(spec, operation_id))
    assert any(expected in problem for problem in problems(spec)), problems(spec)


def test_every_ledger_kind_is_counted_in_exactly_one_statistic():
    """Given the ledger's kinds, then DownloadStatistics counts each of them exactly once
    (a kind in none would be silently left out of CreditsUsed or CreditsFromWUS)."""
    classes = (ledger.ACQUISITIONS, ledger.CHARGES, ledger.AWARDS)
    assert sorted(kind for kinds in classes for kind in kinds) == sorted(KINDS)


def test_the_ledger_posts_what_the_spec_says_each_operation_charges_and_awards():
    """Given the operations whose x-credits charge or award, then the ledger knows which kinds
    each posts: a charged kind for what it charges, an awarded kind for what it awards, and
    no operation without x-credits posts anything."""
    spec_credits = credits(SPEC)
    assert set(ledger.POSTED_BY) == set(spec_credits)
    for operation_id, facts in spec_credits.items():
        kinds = set(ledger.POSTED_BY[operation_id])
        assert kinds <= set(ledger.CHARGES) | set(ledger.AWARDS), operation_id
        assert bool(kinds & set(ledger.CHARGES)) == facts.can_charge, operation_id
        assert bool(kinds & set(ledger.AWARDS)) == bool(facts.awards), operation_id


def test_the_domain_reads_no_spec():
    """Given a fresh interpreter, when the domain is imported, then neither yaml nor the spec
    readers are: the facts reach the domain only through the test above."""
    code = (
        "import sys, mockserver.domain.backend, mockserver.domain.ledger;"
        "print(sorted(m for m in sys.modules if m == 'yaml' or m.endswith(("
        "'provenance', 'operation_facts'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_schemathesis_config_takes_its_expectations_from_the_spec():
    """Given schemathesis.toml (no per-operation sections of its own) and the spec, then the
    config holds one section per operation with its business and invalid statuses."""
    assert "operations" not in tomllib.loads(CONFIG_FILE.read_text(encoding="utf-8"))
    sections = tomllib.loads(config_text())["operations"]
    by_operation = {section["include-operation-id"]: section["checks"] for section in sections}
    valid, invalid = business_statuses(SPEC), invalid_statuses(SPEC)
    assert set(by_operation) == set(valid) | set(invalid)
    for operation_id, checks in by_operation.items():
        for check, default, statuses in (
            ("positive_data_acceptance", 200, valid.get(operation_id)),
            ("negative_data_rejection", 400, invalid.get(operation_id)),
        ):
            expected = sorted({default, *statuses}) if statuses else None
            assert checks.get(check, {}).get("expected-statuses") == expected, operation_id
    assert by_operation["downloadCompany"]["positive_data_acceptance"] == {
        "expected-statuses": [200, 307, 310, 317]
    }
