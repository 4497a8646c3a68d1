"""Control handlers for the mock's virtual clock."""

from __future__ import annotations

from typing import Any

from ..domain.clock import parse_local
from ..domain.errors import InvalidInput
from .context import Control, local

__all__ = ["advance_clock", "get_clock", "set_clock"]


def get_clock(control: Control) -> dict[str, Any]:
    """GET /clock."""
    clock = control.backend.clock
    now = clock.now()
    return {"now": local(now), "epoch": now, "frozen": clock.frozen}


def set_clock(control: Control, body: dict[str, Any]) -> dict[str, Any]:
    """PUT /clock: exactly one of `now` and `epoch`."""
    if ("now" in body) == ("epoch" in body):
        raise InvalidInput("Give exactly one of 'now' and 'epoch'.")
    moment = parse_local(body["now"], "now") if "now" in body else int(body["epoch"])
    control.backend.clock.set(moment, frozen=body.get("frozen"))
    return get_clock(control)


def advance_clock(control: Control, body: dict[str, Any]) -> dict[str, Any]:
    """POST /clock/advance."""
    control.backend.advance_clock(
        months=body.get("months", 0), days=body.get("days", 0), seconds=body.get("seconds", 0)
    )
    return get_clock(control)
