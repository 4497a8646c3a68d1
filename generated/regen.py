"""Regenerate the client from the spec (`generate`) or check the checked-in copy (`check`)."""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

__all__ = ["GenerationError", "check", "diff_trees", "generate", "main", "render"]

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "generated" / "config.yaml"
TEMPLATES = ROOT / "generated" / "templates"
DEFAULT_SPEC = Path("spec/datacollectief.yaml")
DEFAULT_TARGET = Path("generated/datacollectief_client")
PACKAGE_NAME = "datacollectief_client"
PY_TYPED = "# Marker file for PEP 561\n"  # the generator writes it only when --meta is not none
IGNORED_DIRS = frozenset({"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"})
GENERATED_MARKERS = ("client.py", "errors.py", "types.py")


class GenerationError(RuntimeError):
    """openapi-python-client failed or reported a warning."""


def _resolve(path: Path) -> Path:
    """Resolve a relative path from the repository root."""
    return path if path.is_absolute() else ROOT / path


def _label(path: Path) -> str:
    """Show a path relative to the repository root when it lies inside it."""
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def render(spec: Path, out: Path) -> None:
    """Generate the package from `spec` into the new directory `out`, then add py.typed."""
    # The post-hooks need ruff: put this interpreter's bin dir (unresolved: the venv's) first.
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": os.pathsep.join([str(bin_dir), os.environ.get("PATH", "")])}
    command = [
        sys.executable, "-m", "openapi_python_client", "generate",
        "--path", str(spec),
        "--meta", "none",
        "--config", str(CONFIG),
        "--custom-template-path", str(TEMPLATES),
        "--output-path", str(out),
        "--overwrite",
        "--fail-on-warning",
    ]  # fmt: skip
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not (out / "client.py").is_file():
        output = result.stdout + result.stderr
        raise GenerationError(f"openapi-python-client failed ({result.returncode}):\n{output}")
    (out / "py.typed").write_text(PY_TYPED, encoding="utf-8")


def _files(root: Path) -> dict[str, Path]:
    """Map each relevant file below `root` to its POSIX path relative to `root`."""
    if not root.is_dir():
        return {}
    found: dict[str, Path] = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        ignored = IGNORED_DIRS.intersection(relative.parts) or path.suffix == ".pyc"
        if path.is_file() and not ignored:
            found[relative.as_posix()] = path
    return found


def _lines(path: Path | None) -> list[str]:
    """Read a file as lines for difflib; a missing file is empty."""
    return [] if path is None else path.read_text(encoding="utf-8").splitlines(keepends=True)


def diff_trees(expected: Path, actual: Path, label: str) -> str:
    """Unified diff from the checked-in tree `actual` to the freshly generated tree `expected`."""
    old, new = _files(actual), _files(expected)
    label = label.lstrip("/")  # git-style a/ b/ prefixes, also for a path outside the repository
    chunks: list[str] = []
    for name in sorted(old.keys() | new.keys()):
        chunks.extend(
            difflib.unified_diff(
                _lines(old.get(name)),
                _lines(new.get(name)),
                fromfile=f"a/{label}/{name}" if name in old else "/dev/null",
                tofile=f"b/{label}/{name}" if name in new else "/dev/null",
            )
        )
    no_newline = "\n\\ No newline at end of file\n"
    return "".join(line if line.endswith("\n") else line + no_newline for line in chunks)


def generate(spec: Path, target: Path) -> None:
    """Regenerate `target` from `spec`, replacing it entirely so no stale module survives."""
    looks_generated = all((target / marker).is_file() for marker in GENERATED_MARKERS)
    if target.exists() and any(target.iterdir()) and not looks_generated:
        raise GenerationError(f"refusing to replace {target}: not a generated package")
    with tempfile.TemporaryDirectory(prefix="regen-") as tmp:
        fresh = Path(tmp) / PACKAGE_NAME
        render(spec, fresh)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(fresh, target)


def check(spec: Path, target: Path) -> str:
    """Diff `target` against a fresh generation from `spec`; empty when they agree."""
    if not target.is_dir():
        return f"{_label(target)} does not exist\n"
    with tempfile.TemporaryDirectory(prefix="regen-") as tmp:
        fresh = Path(tmp) / PACKAGE_NAME
        render(spec, fresh)
        return diff_trees(fresh, target, _label(target))


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: `generate` or `check`, with optional --spec and --target."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--spec", type=Path, default=DEFAULT_SPEC, help="default: %(default)s")
    common.add_argument("--target", type=Path, default=DEFAULT_TARGET, help="default: %(default)s")
    parser = argparse.ArgumentParser(prog="regen.py", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("generate", parents=[common], help="regenerate the checked-in package")
    commands.add_parser("check", parents=[common], help="exit 1 with a diff on drift")
    args = parser.parse_args(argv)
    spec, target = _resolve(args.spec), _resolve(args.target)
    if not spec.is_file():
        print(f"{_label(spec)}: no such file", file=sys.stderr)
        return 2
    try:
        if args.command == "generate":
            generate(spec, target)
            print(f"generated {_label(target)} from {_label(spec)}")
            return 0
        drift = check(spec, target)
    except GenerationError as error:
        print(error, file=sys.stderr)
        return 2
    if drift:
        sys.stdout.write(drift)
        hint = f"{_label(target)} is out of date with {_label(spec)}: run `make generate`"
        print(f"\n{hint}", file=sys.stderr)
        return 1
    print(f"{_label(target)} is up to date with {_label(spec)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
