"""Spec files parsed once per process, checks remembered, handed to connexion as it would."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import connexion
import pytest

from mockserver import spec_files
from mockserver.cache_dir import CACHE_ENV
from mockserver.http.framework import FastAsyncApp, Resolver
from mockserver.settings import spec_dir

__all__: list[str] = []

SPEC = """
openapi: 3.0.3
info: {title: tiny, version: "1"}
paths:
  /ping:
    get:
      operationId: ping
      parameters:
        - {name: n, in: query, schema: {type: integer, default: 2}}
      responses:
        "200":
          description: pong
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Pong"}
components:
  schemas:
    Pong: {type: object, properties: {n: {type: integer}}}
"""


@pytest.fixture
def spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small spec file, an empty cache folder, and a process that has parsed nothing yet."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    spec_files.forget()
    path = tmp_path / "tiny.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


class Checks:
    """A check that counts its runs."""

    def __init__(self) -> None:
        self.runs = 0

    def __call__(self, spec: dict[str, Any]) -> None:
        self.runs += 1
        assert spec["openapi"] == "3.0.3"


def test_a_check_runs_once_and_a_later_process_skips_it(spec: Path) -> None:
    # Given a check of the spec
    check = Checks()
    # When this process asks twice, and then a new process (nothing parsed) asks again
    first = spec_files.checked_spec(spec, check, "tiny-checker")
    again = spec_files.checked_spec(spec, check, "tiny-checker")
    spec_files.forget()
    later = spec_files.checked_spec(spec, check, "tiny-checker")
    # Then the check ran once, and every answer is the parsed file
    assert check.runs == 1
    assert first is again and first == later
    assert first is not None and first["paths"]["/ping"]["get"]["operationId"] == "ping"


def test_another_checker_or_changed_bytes_check_again(spec: Path) -> None:
    # Given a spec another checker accepted before
    check = Checks()
    spec_files.checked_spec(spec, check, "old-checker")
    # When a new checker asks, and then the file changes
    spec_files.checked_spec(spec, check, "new-checker")
    spec_files.forget()
    spec.write_text(SPEC.replace("tiny", "small"), encoding="utf-8")
    changed = spec_files.checked_spec(spec, check, "new-checker")
    # Then each of them checked it, and the answer is the new content
    assert check.runs == 3
    assert changed is not None and changed["info"]["title"] == "small"


def test_a_refused_spec_leaves_no_mark(spec: Path) -> None:
    # Given a check that refuses the spec
    def refuse(_: dict[str, Any]) -> None:
        raise ValueError("no")

    # When it is asked twice, in two processes
    for _ in range(2):
        with pytest.raises(ValueError, match="no"):
            spec_files.checked_spec(spec, refuse, "refusing")
        spec_files.forget()
    # Then no mark of acceptance was left
    assert not list((spec.parent / "cache").glob("*refusing*"))


def test_a_damaged_parse_in_the_cache_is_parsed_anew(spec: Path) -> None:
    # Given a parse kept in the cache folder, damaged afterwards
    expected = spec_files.read_spec(spec)
    (kept,) = (spec.parent / "cache").glob("spec-*.json")
    kept.write_text(kept.read_text()[:40], encoding="utf-8")
    spec_files.forget()
    # When a new process reads the spec
    # Then it holds what the file holds
    assert spec_files.read_spec(spec) == expected


def test_a_spec_json_cannot_hold_is_read_but_not_checked_here(spec: Path) -> None:
    # Given a spec holding a YAML date (JSON has no dates)
    spec.write_text(SPEC.replace('version: "1"', "version: 2024-01-01"), encoding="utf-8")
    # When it is read and asked for checked
    # Then it is parsed, but left to connexion's own loading
    assert str(spec_files.read_spec(spec)["info"]["version"]) == "2024-01-01"
    assert spec_files.checked_spec(spec, Checks(), "any") is None
    assert not list((spec.parent / "cache").glob("spec-*.json"))


def _registered(app_class: type, path: Path) -> tuple[Any, ...]:
    """What add_api registers with connexion's middleware for the spec file at `path`."""
    app = app_class(__name__, specification_dir=path.parent)
    app.add_api(
        path.name, base_path="/v1", strict_validation=True, validate_responses=True,
        resolver=Resolver(function_resolver=lambda _: (lambda: {})), extra_option=7,
    )  # fmt: skip
    (api,) = app.middleware.apis
    specification = api.specification
    ours = {"resolver", "resolver_error_handler", "uri_parser_class"}  # FastAsyncApp's own parser
    return (
        api.base_path, api.kwargs.get("extra_option"), type(api.kwargs["resolver"]),
        {k: v for k, v in api.kwargs.items() if k not in ours},
        specification.raw, specification.spec, specification.base_path, specification.version,
    )  # fmt: skip


@pytest.mark.parametrize("path", [spec_dir() / "datacollectief.yaml", spec_dir() / "control.yaml"])
def test_add_api_registers_what_connexion_registers(path: Path) -> None:
    # Given a spec file of the mock
    # When it is added to the fast app, and to connexion's own
    fast, plain = _registered(FastAsyncApp, path), _registered(connexion.AsyncApp, path)
    # Then the registered API and its specification are the same, raw and resolved
    assert json.dumps(fast, default=repr) == json.dumps(plain, default=repr)
