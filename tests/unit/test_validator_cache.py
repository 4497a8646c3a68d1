"""Compiled parameter validators are cached per app and freed with it."""

from __future__ import annotations

import gc
from typing import Any

from starlette.testclient import TestClient

from mockserver.app import create_app, create_backend
from mockserver.domain.backend import Backend
from mockserver.http.validation import Parameters, validator_map
from mockserver.settings import DEMO, Settings

__all__: list[str] = []

DEMO_QUERY = {
    "user": DEMO.user,
    "password": DEMO.password,
    "applicationName": DEMO.application_name,
}


def cached_entries() -> tuple[int, int]:
    """(live parameter validator classes, their cached validators), after a collection."""
    gc.collect()
    classes = Parameters.__subclasses__()
    return len(classes), sum(len(cls._compiled) for cls in classes)


def serve_once(backend: Backend) -> None:
    """Create an app on `backend`, answer one request with it, and drop it."""
    with TestClient(create_app(Settings(companies=50), backend)) as client:
        assert client.get("/api/Version", params=DEMO_QUERY).status_code == 200


def test_creating_many_apps_does_not_grow_a_shared_cache() -> None:
    # Given the validator caches alive before
    backend = create_backend(Settings(companies=50))
    before = cached_entries()
    # When many apps are created, used and dropped
    for _ in range(20):
        serve_once(backend)
    # Then no cache outlives its app, and the shared class caches nothing
    assert cached_entries() == before
    assert len(Parameters._compiled) == 0


def test_a_live_app_keeps_its_validators_compiled() -> None:
    # Given an app that answered a request with parameters (validators are built at first use)
    before = set(Parameters.__subclasses__())
    app: Any = create_app(Settings(companies=50))
    with TestClient(app) as client:
        assert client.get("/api/Company", params={**DEMO_QUERY, "id": 3}).status_code == 200
        # Then its parameter validators are compiled, in caches of its own (API, control plane)
        own = set(Parameters.__subclasses__()) - before
        assert own and sum(len(cls._compiled) for cls in own) > 0


def test_each_validator_map_has_its_own_cache() -> None:
    # Given two validator maps (two apps)
    first, second = validator_map()["parameter"], validator_map()["parameter"]
    definition = {"in": "query", "name": "p", "schema": {"type": "integer"}}
    # When one compiles a parameter definition
    first._compile(definition)
    # Then only that one holds it, and the base class holds nothing
    assert id(definition) in first._compiled
    assert not second._compiled and not Parameters._compiled
