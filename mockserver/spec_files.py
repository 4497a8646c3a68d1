"""The spec files, each parsed once per process; parses and checks remembered in the cache folder.

A parse is kept as `spec-<digest of the text>.json` in the cache folder (see `cache_dir`) when
JSON holds it exactly; a check that accepted a spec leaves `spec-<digest>-<checker>.ok`, so a
later process skips it for the same bytes and the same checker.
"""

from __future__ import annotations

import copy
import json
import typing as t
from collections.abc import Callable
from contextlib import suppress
from functools import cache
from pathlib import Path

import yaml  # type: ignore[import-untyped]

from .cache_dir import cache_root, fingerprint, write_atomically

__all__ = ["checked_spec", "forget", "read_spec", "spec_text"]

Spec = dict[str, t.Any]
#: libyaml's loader when PyYAML was built with it (ten times faster), else the Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def spec_text(path: Path) -> str:
    """The text of the spec file at `path`, read once per process."""
    return path.read_text(encoding="utf-8")


def _text(path: Path, final_newline: bool) -> str:
    """The text to parse: the file's, or without its final line break (as Jinja renders it)."""
    text = spec_text(path)
    return text if final_newline else text.removesuffix("\n")


def _parse(text: str) -> tuple[Spec, bool]:
    """The parsed spec, and whether JSON holds it exactly (only then is it cached)."""
    spec: Spec = yaml.load(text, Loader=_LOADER)
    try:
        exact = json.loads(json.dumps(spec)) == spec
    except (TypeError, ValueError):
        exact = False
    return spec, exact


@cache
def _read(text: str) -> tuple[Spec, bool]:
    """The spec in `text` and whether it is plain JSON, from the cache folder when kept there."""
    folder = cache_root()
    kept = folder / f"spec-{fingerprint([text.encode()])}.json" if folder is not None else None
    if kept is not None:
        with suppress(OSError, ValueError):  # absent, or damaged: parsed again below
            spec: Spec = json.loads(kept.read_text(encoding="utf-8"))
            return spec, True
    spec, exact = _parse(text)
    if kept is not None and exact:
        with suppress(OSError):
            data = json.dumps(spec)
            write_atomically(kept, lambda temporary: temporary.write_text(data, encoding="utf-8"))
    return spec, exact


def read_spec(path: Path, *, final_newline: bool = True) -> Spec:
    """The spec file at `path`, parsed once per process (shared: treat it as read-only).

    `final_newline=False` parses it without its final line break, as connexion does (it
    renders the file with Jinja, which drops it): a last block scalar then ends without one."""
    return _read(_text(path, final_newline))[0]


@cache
def _accept(text: str, check: Callable[[Spec], object], checker: str) -> None:
    """Run `check` on a copy of the spec unless the cache folder holds its mark; leave it."""
    folder = cache_root()
    digest = fingerprint([text.encode()])
    mark = folder / f"spec-{digest}-{checker}.ok" if folder is not None else None
    if mark is not None and mark.is_file():
        return
    check(copy.deepcopy(_read(text)[0]))
    if mark is not None:
        with suppress(OSError):
            write_atomically(mark, lambda temporary: temporary.write_bytes(b""))


def checked_spec(
    path: Path, check: Callable[[Spec], object], checker: str, *, final_newline: bool = True
) -> Spec | None:
    """`read_spec(path)` once `check` accepted (a copy of) it; None when it is not plain JSON.

    `check` raises for a spec it refuses. It runs at most once per process for each file and
    `checker` (a digest of what checks), and not at all when an earlier process left its mark
    for the same bytes in the cache folder."""
    text = _text(path, final_newline)
    spec, exact = _read(text)
    if not exact:
        return None
    _accept(text, check, checker)
    return spec


def forget() -> None:
    """Forget what this process read, parsed and checked (as a new process starts)."""
    for cached in (spec_text, _read, _accept):
        cached.cache_clear()
