"""connexion 3.3.0's import-time warnings, quieted where connexion is imported."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["quiet_connexion_import"]


@contextmanager
def quiet_connexion_import() -> Iterator[None]:
    """Import connexion inside this block.

    connexion imports starlette's TestClient (which warns that httpx is deprecated) and
    jsonschema's RefResolver (deprecated) when it is imported: warnings about connexion's own
    imports, not the user's code, so they stay out of a run with `-W error`. Only connexion's
    modules at import time are quieted; nothing of ours is hidden.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", module="connexion")
        warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient` is deprecated")
        yield
