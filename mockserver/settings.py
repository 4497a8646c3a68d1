"""Settings of one mock server."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["Settings", "DEMO", "SURFACES", "spec_dir"]

_SPEC = "datacollectief.yaml"


@cache
def spec_dir() -> Path:
    """The folder of the spec files: the wheel's mockserver/spec/, else the checkout's spec/."""
    packaged = resources.files(__package__ or "mockserver") / "spec"
    if isinstance(packaged, Path) and (packaged / _SPEC).is_file():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "spec"
    if (checkout / _SPEC).is_file():
        return checkout
    raise FileNotFoundError(f"{_SPEC} is neither in {packaged} nor in {checkout}")


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
    #: True: an in-memory dataset is copied from the user's cache folder when it was built
    #: before (same seed, size and schema), and cached there when it was not (see
    #: `mockserver.cache_dir`: `DATACOLLECTIEF_MOCK_CACHE=off` turns it off everywhere).
    dataset_cache: bool = True
    #: scrypt cost of stored passwords: `full` (about 50 ms a hash) for a server other
    #: processes reach; `cheap` (microseconds, still salted and hashed) for the in-process
    #: test mock, where `new_account` runs once a test. See `domain.passwords.PASSWORD_COSTS`.
    password_cost: str = "full"
