"""The checked-in generated client matches what the spec, config and templates produce."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

__all__: list[str] = []

ROOT = Path(__file__).resolve().parents[2]
REGEN = ROOT / "generated" / "regen.py"
SPEC = ROOT / "spec" / "datacollectief.yaml"
PACKAGE = ROOT / "generated" / "datacollectief_client"


def run_regen(*args: str) -> subprocess.CompletedProcess[str]:
    """Run generated/regen.py with this interpreter (the venv, so ruff is found beside it)."""
    return subprocess.run(
        [sys.executable, str(REGEN), *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def add_operation(spec: dict[str, Any]) -> str:
    """Add a GET operation the checked-in client cannot know; return the module it yields."""
    spec["paths"]["/api/DriftProbe"] = {
        "get": {
            "operationId": "DriftProbe",
            "tags": ["Drift"],
            "responses": {"200": {"description": "Nothing."}},
        }
    }
    return "api/drift/drift_probe.py"


def add_property(spec: dict[str, Any]) -> str:
    """Add a property to the Error schema; return the model module that changes."""
    spec["components"]["schemas"]["Error"]["properties"]["DriftProbe"] = {"type": "string"}
    return "models/error.py"


def test_checked_in_client_matches_a_fresh_generation() -> None:
    # Given the spec, config and templates in this checkout
    # When the drift check regenerates the client into a temporary directory
    result = run_regen("check")

    # Then it equals the checked-in package
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("is up to date with spec/datacollectief.yaml")


def test_checked_in_client_ships_py_typed() -> None:
    # Given the checked-in package / When a type checker looks for the PEP 561 marker
    # Then it is there (--meta none does not write it; regen.py adds it)
    assert (PACKAGE / "py.typed").is_file()


@pytest.mark.parametrize("change", [add_operation, add_property], ids=["operation", "property"])
def test_check_fails_with_a_diff_when_the_spec_changes(tmp_path: Path, change: Any) -> None:
    # Given copies of the spec and of the checked-in client
    spec_copy, package_copy = tmp_path / "datacollectief.yaml", tmp_path / "datacollectief_client"
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    shutil.copytree(PACKAGE, package_copy, ignore=shutil.ignore_patterns("__pycache__"))

    # When the spec changes without regenerating the client
    changed_module = change(spec)
    spec_copy.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    result = run_regen("check", "--spec", str(spec_copy), "--target", str(package_copy))

    # Then the check fails and shows the drift as a unified diff
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    new_files = [line for line in lines if line.startswith("+++ b/")]
    assert any(line.endswith(f"datacollectief_client/{changed_module}") for line in new_files)
    assert any(line.startswith("+") and not line.startswith("+++") for line in lines)
    assert "run `make generate`" in result.stderr


@pytest.mark.slow
def test_checked_in_client_passes_mypy_strict(tmp_path: Path) -> None:
    # Given the checked-in package
    # When mypy checks it in strict mode
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path), str(PACKAGE)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )

    # Then it finds nothing
    assert result.returncode == 0, result.stdout + result.stderr
