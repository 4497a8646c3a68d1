"""The mock's request journal as the helper tests read it: which requests an operation got."""

from __future__ import annotations

from urllib.parse import parse_qs

from mockserver.pytest_plugin import MockService

__all__ = ["clear_journal", "queries_of"]

#: The journal's capacity asked for (its maximum).
JOURNAL_LIMIT = 10_000


def clear_journal(mock: MockService) -> None:
    """Given: an empty journal."""
    mock.control("DELETE", "/journal")


def queries_of(mock: MockService, operation: str) -> list[dict[str, str]]:
    """The query parameters of each request `operation` answered, oldest first."""
    entries = mock.control("GET", "/journal", params={"limit": JOURNAL_LIMIT})
    return [
        {name: values[-1] for name, values in parse_qs(entry["query"]).items()}
        for entry in reversed(entries)
        if entry["operation"] == operation
    ]
