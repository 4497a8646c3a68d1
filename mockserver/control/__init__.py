"""The mock's control plane under /_mock: state, accounts, time, faults, limits, journal."""

from __future__ import annotations

from .access import PREFIX, TOKEN_HEADER, ControlAccess, is_journal_request, is_loopback
from .api import OPERATIONS, SPEC, add_control_plane
from .context import Control

__all__ = [
    "OPERATIONS",
    "PREFIX",
    "SPEC",
    "TOKEN_HEADER",
    "Control",
    "ControlAccess",
    "add_control_plane",
    "is_journal_request",
    "is_loopback",
]
