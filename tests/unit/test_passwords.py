"""Stored passwords: always salted scrypt hashes that name their cost; cheap only when asked."""

from __future__ import annotations

import pytest

from mockserver.app import create_backend
from mockserver.cli import _parser
from mockserver.domain.passwords import (
    CHEAP,
    DUMMY_HASH,
    FULL,
    PasswordChecker,
    ScryptCost,
    hash_password,
    verify_password,
)
from mockserver.pytest_plugin import MockService
from mockserver.settings import Settings

__all__: list[str] = []


@pytest.mark.parametrize("cost", [CHEAP, FULL], ids=["cheap", "full"])
def test_a_hash_names_its_cost_and_is_checked_at_it(cost: ScryptCost) -> None:
    # When a password is hashed at a cost
    stored = hash_password("s3cret", cost=cost)
    # Then the stored form names scrypt and that cost, holds no clear text, and checks
    method, salt, digest = stored.split("$")
    assert method == f"scrypt:{cost.n}:{cost.r}:{cost.p}"
    assert len(salt) == 32 and len(digest) == 64 and "s3cret" not in stored
    assert verify_password("s3cret", stored)
    assert not verify_password("s3cret!", stored)


def test_the_older_format_without_a_cost_is_read_as_full_cost() -> None:
    # Given a hash in the format written before hashes named their cost
    legacy = DUMMY_HASH
    assert legacy.startswith("scrypt$")
    # Then it checks at full cost, the same as a hash that names full cost
    assert verify_password("not a password", legacy)
    assert hash_password("not a password", bytes(16), FULL).split("$")[1:] == legacy.split("$")[1:]


@pytest.mark.parametrize(
    "stored",
    [
        "plain text",
        "md5$00$00",
        "scrypt:3:1:1$00$00",  # n not a power of two
        "scrypt:1073741824:8:1$00$00",  # a cost meant to exhaust memory
        "scrypt:2:1:1$zz$00",
    ],
)
def test_a_hash_in_no_known_format_never_matches(stored: str) -> None:
    assert not verify_password("anything", stored)


def test_a_checker_hashes_and_makes_its_dummy_at_its_own_cost() -> None:
    cheap, full = PasswordChecker(cost=CHEAP), PasswordChecker()
    assert cheap.hash("x").startswith("scrypt:2:1:1$")
    assert cheap.dummy_hash.startswith("scrypt:2:1:1$")
    assert not cheap.verify("not a password!", cheap.dummy_hash)
    assert full.dummy_hash == DUMMY_HASH


def _stored_hashes(settings: Settings) -> list[str]:
    """When: an account is made on a backend with these settings; its stored hashes."""
    backend = create_backend(settings)
    try:
        new = backend.create_account(credits=1)
        assert backend.authenticate(new.user, new.password, new.application_name, "127.0.0.1")
        api = backend.conn.execute("SELECT api_password_hash FROM links").fetchone()[0]
        portal = backend.conn.execute("SELECT portal_password_hash FROM accounts").fetchone()[0]
        assert backend.portal_sign_in(new.user, new.portal_password) == new.id
        assert backend.portal_sign_in("nobody@example.nl", "x") is None
        return [str(api), str(portal)]
    finally:
        backend.conn.close()


def test_a_server_hashes_at_full_cost_unless_told_otherwise() -> None:
    # Given the settings `serve` uses by default
    assert Settings().password_cost == "full"
    assert _parser().parse_args(["serve"]).password_cost == "full"
    # Then every stored password is a full-cost hash
    hashes = _stored_hashes(Settings(companies=50, demo_account=False))
    assert all(stored.startswith("scrypt:16384:8:1$") for stored in hashes)


def test_the_cheap_cost_applies_only_when_asked() -> None:
    # Given settings that ask for the cheap cost (the in-process plugin's, or serve's flag)
    assert _parser().parse_args(["serve", "--password-cost", "cheap"]).password_cost == "cheap"
    hashes = _stored_hashes(Settings(companies=50, demo_account=False, password_cost="cheap"))
    # Then the passwords are still hashed, at the cheap cost
    assert all(stored.startswith("scrypt:2:1:1$") for stored in hashes)


def test_the_in_process_plugin_uses_the_cheap_cost(datacollectief_mock: MockService) -> None:
    assert datacollectief_mock.app is not None
    # When the plugin's in-process mock makes an account
    credentials = datacollectief_mock.new_account()
    backend = datacollectief_mock.app.backend  # type: ignore[attr-defined]
    stored = backend.conn.execute(
        "SELECT l.api_password_hash FROM links l JOIN accounts a ON a.id = l.account_id"
        " WHERE a.user = ?",
        (credentials.user,),
    ).fetchone()[0]
    # Then its password is stored as a cheap scrypt hash, not in clear
    assert stored.startswith("scrypt:2:1:1$") and credentials.password not in stored
