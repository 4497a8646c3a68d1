"""Per-test isolation of an in-process mock: what a test changes is undone when it ends.

The database (accounts, credits, ownership, faults, limits, the clock's saved state, changed
companies, everything the mock keeps in SQLite) runs inside a savepoint that is rolled back;
the backend then takes the clock and limits back from it, its random sources go back to
where they were, and the request journal shows only the test's own requests while it runs
and its earlier entries afterwards. The cost does not grow with the dataset: a savepoint and
its rollback touch only the pages the test changed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .domain.backend import Backend
from .http.journal import RequestJournal

__all__ = ["Isolation"]


def _random_state(rng: random.Random) -> tuple[Any, ...] | None:
    """The state of a seeded random source; None for the system's, which has none."""
    return None if isinstance(rng, random.SystemRandom) else rng.getstate()


class Isolation:
    """Undo everything done to one backend and journal inside `isolated()` (may nest)."""

    def __init__(self, backend: Backend, journal: RequestJournal) -> None:
        self._backend = backend
        self._journal = journal
        self._depth = 0

    @contextmanager
    def isolated(self) -> Iterator[None]:
        """Run the body on the current state; afterwards the state is as it was before."""
        backend, journal = self._backend, self._journal
        name = f"datacollectief_isolation_{self._depth}"
        randoms = [(rng, _random_state(rng)) for rng in (backend.rng, backend.faults.rng)]
        entries = journal.recent(None)
        journal.clear()
        backend.conn.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            try:
                backend.conn.execute(f"ROLLBACK TO {name}")
                backend.conn.execute(f"RELEASE {name}")
            except Exception as exc:
                raise RuntimeError(
                    "The test ended the mock's isolation transaction itself (a COMMIT or"
                    " ROLLBACK on the backend's connection): its changes could not be undone."
                ) from exc
            backend.refresh()  # the clock and limits, as the rolled-back database holds them
            for rng, state in randoms:
                if state is not None:
                    rng.setstate(state)
            journal.clear()
            for entry in reversed(entries):
                journal.record(entry)
