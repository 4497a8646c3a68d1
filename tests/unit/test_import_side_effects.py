"""Importing the mock does no work beyond definitions: no scrypt, no database, no app."""

from __future__ import annotations

import subprocess
import sys

__all__: list[str] = []

#: Refuses the costly calls, then imports every layer of the mock.
PROBE = """
import hashlib, sqlite3

def refuse(*args, **kwargs):
    raise AssertionError("work at import")

hashlib.scrypt = refuse
sqlite3.connect = refuse
import mockserver.app, mockserver.domain.backend, mockserver.domain.portal_reads
import mockserver.domain.passwords, mockserver.domain.search, mockserver.pytest_plugin
"""


def test_importing_the_mock_hashes_nothing_and_opens_no_database() -> None:
    # When the mock is imported with scrypt and sqlite3.connect refusing to run
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120
    )
    # Then the import succeeds: no module hashed a password or opened a database
    assert result.returncode == 0, result.stderr
