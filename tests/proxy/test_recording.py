"""`proxy --record DIR`: fixtures hold no credential or personal value, and replay through the
generated client."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockserver.proxy.checks import Exchange
from mockserver.proxy.recording import fixture_of, read_fixtures
from mockserver.pytest_plugin import start_server, stop_server
from tests.support.conformance import replay
from tests.support.proxy import proxy_process

#: Secrets and personal values drawn without the placeholder's own characters (x, X, 0).
_LETTERS = "abcdefghijklmnopqrstuvwyzABCDEFGHIJKLMNOPQRSTUVWYZ"
_words = st.text(_LETTERS, min_size=4, max_size=12)
_digits = st.text("123456789", min_size=6, max_size=10)
_emails = st.builds(lambda a, b: f"{a}@{b}.nl", _words, _words)
_phones = st.builds(lambda a, b: f"0{a[:3]}-{b}", _digits, _digits)
_contacts = st.fixed_dictionaries({
    "ID": st.integers(1, 10**6), "Name": _words, "FirstName": _words, "Initials": _words,
    "Email": _emails, "Telephone": _phones, "Mobilephone": _phones,
    # Not drawn from the secrets' alphabet, so that no secret is found in it by chance.
    "FunctionDescription": st.sampled_from(["1", "2"]),
})  # fmt: skip
_PERSONAL = ("Name", "FirstName", "Initials", "Email", "Telephone", "Mobilephone")


def _strings(value: Any) -> Iterator[str]:
    """Every string value in a part of a fixture (its member names come from the schema)."""
    if isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


@settings(max_examples=60, deadline=None)
@given(
    user=_emails, password=_words, application=_words,
    contacts=st.lists(_contacts, min_size=1, max_size=4), offered=_contacts,
)  # fmt: skip
def test_fixtures_hold_no_credential_or_personal_value(
    user: str, password: str, application: str, contacts: list[dict[str, Any]],
    offered: dict[str, Any],
) -> None:  # fmt: skip
    # Given an exchange whose query holds the credentials, whose request offers a contact and
    # whose answer lists contacts, one of them also echoing the password in free text
    query = httpx.QueryParams({"user": user, "password": password, "applicationName": application})
    answer = {"Contacts": [*contacts, {**contacts[0], "FunctionDescription": f"pw {password}"}]}
    exchange = Exchange(
        "POST", "/api/ContactNewV2", "application/json", 200, "OK",
        {"content-type": "application/json; charset=utf-8"}, json.dumps(answer).encode(),
        "application/json",
    )  # fmt: skip
    # When it becomes a fixture
    fixture = fixture_of(
        exchange, str(query).encode(), json.dumps(offered).encode(), "offerContactNewV2"
    )
    # Then no credential and no personal value appears in its query or bodies (the rest is
    # the method, path, media types and reason phrase)
    secrets = {user, password, application}
    for contact in [*contacts, offered]:
        secrets.update(str(contact[name]) for name in _PERSONAL)
    parts = [fixture["request"]["query"], fixture["request"]["body"], fixture["response"]["body"]]
    leaked = {s for s in secrets for text in _strings(parts) if s in text}
    assert not leaked, leaked
    # And the placeholders keep the shape of what they replace
    recorded = fixture["response"]["body"]["json"]["Contacts"][0]
    assert len(recorded["Email"]) == len(contacts[0]["Email"]) and "@" in recorded["Email"]
    assert recorded["ID"] == contacts[0]["ID"]


@pytest.fixture(scope="module")
def mock() -> Iterator[str]:
    """A mock server process."""
    process, url = start_server(200)
    try:
        yield url
    finally:
        stop_server(process)


@pytest.mark.server
def test_recorded_fixtures_hide_the_mock_data_and_replay_through_the_client(
    mock: str, tmp_path: Path
) -> None:
    # Given an account, and a proxy recording into a folder
    created = httpx.post(f"{mock}/_mock/accounts", json={"credits": 100}, timeout=30).json()
    credentials = {key: created[key] for key in ("user", "password", "applicationName")}
    folder = tmp_path / "fixtures"
    with proxy_process(mock, "--record", str(folder)) as proxy:
        # When a company, its contacts and a contact are downloaded, and an unknown one asked for
        with httpx.Client(base_url=proxy.url, params=credentials, timeout=30) as client:
            company = client.get("/api/Company", params={"id": 1}).json()
            contacts = client.get("/api/ContactList", params={"id": 1}).json()["Contacts"]
            contact = client.get("/api/Contact", params={"id": contacts[0]["ID"]}).json()
            client.get("/api/Company", params={"id": 999_999_999})
        output = "\n".join(proxy.output)
    fixtures = read_fixtures(folder)
    # Then there is one fixture per exchange, without the credentials or the personal values
    assert [f["operationId"] for f in fixtures] == [
        "downloadCompany", "listContacts", "downloadContact", "downloadCompany",
    ]  # fmt: skip
    personal = {company["Name"], company["Email"], company["Telephone"], contact["Email"]}
    personal |= {contact["Name"], contact["FirstName"], contact["Telephone"]} - {None}
    text = "\n".join(path.read_text("utf-8") for path in folder.iterdir())
    for secret in {*credentials.values(), *personal}:
        assert secret not in text
        assert secret not in output
    # And each fixture replays through the generated client into its documented model
    for fixture in fixtures:
        operation, answer = replay(fixture)
        parsed, model = answer.parsed, operation.model(fixture["response"]["status"])
        assert model is not None and isinstance(parsed, model), fixture["operationId"]
