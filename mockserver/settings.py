"""Settings of one mock server."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["Settings", "SPEC_DIR", "DEMO", "SURFACES"]

SPEC_DIR = Path(__file__).resolve().parent.parent / "spec"


@dataclass(frozen=True)
class Demo:
    """The ready-made account `serve` prints."""

    user: str = "demo@example.nl"
    password: str = "demo-api-password"
    application_name: str = "DemoApp"
    portal_password: str = "demo-portal-password"
    credits: int = 100


DEMO = Demo()


#: What the mock answers: the whole contract, or only what the public sources verify.
SURFACES = ("full", "verified")


@dataclass(frozen=True)
class Settings:
    """How to build the mock: dataset, state, time, randomness and checks."""

    db: str = ":memory:"
    seed: int = 1
    companies: int = 10_000
    start: int | None = None
    frozen_clock: bool = False
    random_seed: int | None = None
    validate_responses: bool = False
    demo_account: bool = True
    control_token: str | None = None
    #: Worker processes serving one database file; above 1 the clock, limits and journal
    #: are read from SQLite so that every worker sees the same.
    workers: int = 1
    #: `full` (everything the contract describes) or `verified` (only what the public sources
    #: show: inferred operations answer 300, inferred members are left out of answers).
    surface: str = "full"
    #: True: requests must match the contract as written (no ASP.NET-style lenient binding).
    strict_params: bool = False
    #: scrypt cost of stored passwords: `full` (about 50 ms a hash) for a server other
    #: processes reach; `cheap` (microseconds, still salted and hashed) for the in-process
    #: test mock, where `new_account` runs once a test. See `domain.passwords.PASSWORD_COSTS`.
    password_cost: str = "full"
