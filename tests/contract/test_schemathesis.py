"""Schemathesis against the mock in-process (ASGI): every phase and check, plus the business checks.

The configuration is the repository's schemathesis.toml (the CLI test runs the same file
against a real server). Profiles: `ci` (default, a few examples per operation, bounded for
`make test`) and `deep` (SCHEMATHESIS_PROFILE=deep, many examples and longer scenarios).
CI=true fixes schemathesis' seed and derandomizes hypothesis; locally every run differs.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.core.hooks import load_from_path
from starlette.testclient import TestClient

from mockserver.app import create_app
from mockserver.settings import Settings
from tests.contract.test_schemathesis_cli import PEER_ENVIRONMENT
from tests.support.schemathesis_config import config_text

__all__ = ["CI_SEED", "PROFILE", "Contract", "config_for", "schema"]

ROOT = Path(__file__).resolve().parents[2]
CONFIG_FILE = ROOT / "schemathesis.toml"
CHECKS_FILE = Path(__file__).parents[1] / "support" / "schemathesis_checks.py"
CI = os.environ.get("CI", "").strip().lower() == "true"
CI_SEED = 20261130
PROFILE = os.environ.get("SCHEMATHESIS_PROFILE", "ci")
# Plenty: every download costs 1 credit and a run must never hit 310 by running dry.
CREDITS = 1_000_000

_common: dict[str, Any] = {
    "deadline": None,
    "derandomize": CI,
    "database": None,
    "print_blob": True,
    # The mock answers slowly on purpose only under injected latency, which no test sets;
    # the schemas' strings and id lists make large examples by design.
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("contract-ci", max_examples=20, stateful_step_count=10, **_common)
settings.register_profile("contract-deep", max_examples=300, stateful_step_count=20, **_common)
assert PROFILE in ("ci", "deep"), f"SCHEMATHESIS_PROFILE must be ci or deep, not {PROFILE!r}"
PROFILE_SETTINGS = settings.get_profile(f"contract-{PROFILE}")
STATEFUL_SETTINGS = settings(
    PROFILE_SETTINGS,
    max_examples=60 if PROFILE == "ci" else 500,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)


class Contract(NamedTuple):
    """The mock under test: its control plane, the run's credentials and its schema."""

    control: TestClient
    credentials: dict[str, str]
    schema: schemathesis.BaseSchema


def config_for(credentials: dict[str, str]) -> SchemathesisConfig:
    """schemathesis.toml, with the spec's per-operation expectations
    (tests/support/schemathesis_config.py) and this run's credentials in place of the `${...}`
    placeholders."""
    data = tomllib.loads(config_text(CONFIG_FILE))
    # The CLI loads the checks through `hooks` (a path relative to the repository root);
    # here the fixture loads them by absolute path, whatever pytest's working directory.
    data.pop("hooks", None)
    for scheme, value in credentials.items():
        data["auth"]["openapi"][scheme]["api_key"] = value
    config = SchemathesisConfig.from_dict(data)
    if CI:
        config.update(seed=CI_SEED, max_failures=None)
    return config


@pytest.fixture(scope="module")
def contract_app() -> Iterator[Contract]:
    """The mock with response validation and the contract as written (lenient binding would
    turn negative cases into 200s), the run's account and its peer (in the environment, for
    the `tenant_isolated` check, until the module's tests are done), and the schema."""
    load_from_path(str(CHECKS_FILE))
    app = create_app(
        Settings(companies=2000, validate_responses=True, random_seed=1, strict_params=True)
    )
    control = TestClient(app, base_url="http://testserver")
    account = control.post("/_mock/accounts", json={"credits": CREDITS}).json()
    credentials = {scheme: account[scheme] for scheme in ("user", "password", "applicationName")}
    # The peer of the `tenant_isolated` check: a second account that never acts itself.
    peer = control.post("/_mock/accounts", json={"credits": CREDITS}).json()
    with pytest.MonkeyPatch.context() as environment:
        for scheme, variable in PEER_ENVIRONMENT.items():
            environment.setenv(variable, peer[scheme])
        schema = schemathesis.openapi.from_asgi(
            "/openapi.json", app, config=config_for(credentials)
        )
        yield Contract(control, credentials, schema)


@pytest.fixture(scope="module")
def contract_schema(contract_app: Contract) -> schemathesis.BaseSchema:
    """The schema of the mock under test, with the run's credentials."""
    return contract_app.schema


schema = schemathesis.pytest.from_fixture("contract_schema")


@pytest.fixture(autouse=True)
def _lazy_schema_node_id(request: pytest.FixtureRequest) -> None:
    """schemathesis 4.32.5's `from_fixture` tests read and rename `node._nodeid`, which pytest
    9.2 no longer has (it keeps `node._id`): give them one to read. Renaming it then changes
    nothing; each operation is still reported as a subtest named by its label."""
    if not hasattr(request.node, "_nodeid"):
        request.node._nodeid = request.node.nodeid


@PROFILE_SETTINGS
@schema.parametrize()
def test_operation(case: schemathesis.Case) -> None:
    """Examples, coverage and fuzzing of every operation, with every check."""
    case.call_and_validate()


def test_workflow(contract_schema: schemathesis.BaseSchema) -> None:
    """Stateful scenarios along the spec's links, with every check."""
    contract_schema.as_state_machine().run(settings=STATEFUL_SETTINGS)


def _call(contract: Contract, operation: str, query: dict[str, Any]) -> Any:
    """Call one operation as the run's account and validate the answer with every check."""
    path = f"/api/{operation}"
    case = contract.schema[path]["GET"].Case(query={**query, **contract.credentials})
    return case.call_and_validate()


@pytest.mark.parametrize("filters", [{"province": "Utrecht"}, {"city": "*"}])
def test_saved_selection_pages(contract_app: Contract, filters: dict[str, str]) -> None:
    """A selection saved on the selection page pages by 8; no API response yields its id."""
    saved = contract_app.control.post(
        "/_mock/selections", json={"user": contract_app.credentials["user"], "filters": filters}
    )
    assert saved.status_code == 201, saved.text
    selection = saved.json()
    last = max(1, -(-selection["total"] // 8))
    for page_nr in sorted({1, last, last + 1}):
        page = _call(
            contract_app,
            "CompanySelection",
            {"selectionId": selection["selectionId"], "pageNr": page_nr},
        )
        assert page.status_code == 200
        assert page.json()["TotalCount"] == selection["total"]


@pytest.mark.parametrize(
    ("path", "method", "query", "status"),
    [
        # ECMA-262 `\s` (the spec's `[^@\s]`) does not take U+001E or U+0085; Python's does.
        ("/api/RegisterAccount", "POST", {"newUser": "a\x1eb@example.nl", "code": "X"}, 303),
        ("/api/RegisterAccount", "POST", {"newUser": "a\x85@example.nl", "code": "X"}, 303),
        ("/api/RegisterAccount", "POST", {"newUser": "a\xa0b@example.nl", "code": "X"}, 400),
        # ECMA-262 `$` is the very end; Python's also matches before a final newline.
        (
            "/api/UpdatedCompanies",
            "GET",
            {"companyIds": "1\n", "lastChangedDate": "2020-01-01 00:00:00"},
            400,
        ),
    ],
)
def test_patterns_are_ecma_regexes(
    contract_app: Contract, path: str, method: str, query: dict[str, str], status: int
):
    """Found by fuzzing: the mock read the spec's patterns with Python's regex dialect."""
    case = contract_app.schema[path][method].Case(query={**query, **contract_app.credentials})
    response = case.call_and_validate()
    assert response.status_code == status, response.text


def test_leads_of_a_long_period_are_truncated(contract_app: Contract) -> None:
    """A website's whole registration holds more than 250 visits: 250 answered, Truncated."""
    websites = _call(contract_app, "WebsiteleadsWebsites", {}).json()["Websites"]
    counts = []
    for website in websites:
        leads = _call(
            contract_app,
            "WebsiteleadsLeads",
            {"Website": website["Name"], "From": website["StartDate"], "To": "2099-12-31 23:59:59"},
        )
        assert leads.status_code == 200
        counts.append(leads.json()["TotalCount"])
    assert max(counts) > 250, f"No website has more than 250 visits to truncate: {counts}"
