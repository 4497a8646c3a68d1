"""The mock's folder in the user's cache directory, and atomic writes into it.

`DATACOLLECTIEF_MOCK_CACHE` overrides the folder; `off` (or `0`, `no`, `false`) turns every
cache of the mock off. Without it the folder is `datacollectief-mock` in the platform's cache
directory: `$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on macOS,
`%LOCALAPPDATA%` on Windows.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path

__all__ = ["CACHE_ENV", "cache_root", "fingerprint", "write_atomically"]

#: The environment variable naming the cache folder, or turning caching off.
CACHE_ENV = "DATACOLLECTIEF_MOCK_CACHE"
_OFF = frozenset({"off", "0", "no", "false"})
_NAME = "datacollectief-mock"


def _platform_cache() -> Path:
    """The platform's cache directory of the current user."""
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    if sys.platform == "darwin":
        return home / "Library" / "Caches"
    return Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache")


def cache_root() -> Path | None:
    """The mock's cache folder, or None when caching is off."""
    override = os.environ.get(CACHE_ENV)
    if override is not None and override.strip().lower() in _OFF:
        return None
    return Path(override) if override else _platform_cache() / _NAME


def write_atomically(path: Path, write: Callable[[Path], object]) -> None:
    """`write(temporary)` a file beside `path`, then rename it to `path` in one step.

    Readers see the old file or the whole new one, never a part: the rename is the last write.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        os.replace(temporary, path)
    finally:
        with suppress(FileNotFoundError):
            temporary.unlink()


def fingerprint(chunks: Iterable[bytes]) -> str:
    """A short hex digest of `chunks` (what a cached file was made from)."""
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(len(chunk).to_bytes(8, "big"))
        digest.update(chunk)
    return digest.hexdigest()[:24]
