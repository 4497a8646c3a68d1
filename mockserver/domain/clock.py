"""The injected clock, calendar-month arithmetic and the service's local date format."""

from __future__ import annotations

import calendar
import time
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from typing import Protocol
from zoneinfo import ZoneInfo

from .errors import DomainError, ErrorCode, InvalidInput

__all__ = [
    "AMSTERDAM",
    "MAX_MOMENT",
    "Clock",
    "ClockStore",
    "add_months",
    "format_local",
    "parse_local",
    "parse_moment",
]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_FORMAT = "%Y-%m-%d %H:%M:%S"
#: The latest moment the clock shows: 9999-11-30 00:00:00 UTC. What the domain adds to now
#: (ownership: one calendar month; activation codes: 7 days; tokens: 24 h) still falls in
#: year 9999 in Amsterdam, so every stamp it computes formats; a running clock stops here.
MAX_MOMENT = 253_399_536_000


class ClockStore(Protocol):
    """Where a clock shared by several processes saves its state (see `Clock.adopt`)."""

    def save_clock(self, anchor: float, anchor_real: float, frozen: bool) -> None:
        """Keep the virtual `anchor`, the real time it was taken at and the frozen flag."""


class Clock:
    """Virtual time in UTC epoch seconds: frozen at a moment, or running from one."""

    def __init__(
        self,
        start: float | None = None,
        *,
        frozen: bool = False,
        real: Callable[[], float] = time.time,
        store: ClockStore | None = None,
    ) -> None:
        self._real = real
        self._store = store
        anchor_real = real()
        # One tuple, replaced whole, so a concurrent reader never sees half a change.
        self._state = (anchor_real if start is None else float(start), anchor_real, frozen)

    @property
    def frozen(self) -> bool:
        """Whether the clock stands still."""
        return self._state[2]

    def now(self) -> int:
        """The current virtual moment, whole seconds."""
        anchor, anchor_real, frozen = self._state
        if frozen:
            return min(int(anchor), MAX_MOMENT)
        return min(int(anchor + (self._real() - anchor_real)), MAX_MOMENT)

    def adopt(self, anchor: float, anchor_real: float, frozen: bool) -> None:
        """Take a state another process saved (not saved again)."""
        self._state = (float(anchor), float(anchor_real), bool(frozen))

    def save(self) -> None:
        """Save the state to the store, when there is one."""
        if self._store is not None:
            self._store.save_clock(*self._state)

    def set(self, moment: float, *, frozen: bool | None = None) -> None:
        """Jump to `moment` (at most `MAX_MOMENT`, else 400); optionally freeze or unfreeze."""
        _check_within_range(moment)
        keep = self._state[2] if frozen is None else frozen
        self._state = (float(moment), self._real(), keep)
        self.save()

    def advance(self, *, months: int = 0, days: int = 0, seconds: float = 0) -> int:
        """Move forward by calendar months (Amsterdam), days and seconds; return the new now."""
        now = self.now()
        try:
            moment = add_months(now, months) if months else now
        except (ValueError, OverflowError):  # past year 9999: far beyond the maximum
            moment = MAX_MOMENT + 1
        self.set(moment + days * 86400 + seconds)
        return self.now()


def _check_within_range(moment: float) -> None:
    """Refuse a moment after `MAX_MOMENT` (400 naming the maximum)."""
    if moment > MAX_MOMENT:
        raise InvalidInput(
            f"The clock goes up to {format_local(MAX_MOMENT)} "
            f"(epoch {MAX_MOMENT}) at most; {int(moment)} is later."
        )


def add_months(moment: int, months: int) -> int:
    """Same local wall time `months` later; the day is clipped to the month's end."""
    local = datetime.fromtimestamp(moment, AMSTERDAM)
    index = local.month - 1 + months
    year, month = local.year + index // 12, index % 12 + 1
    day = min(local.day, calendar.monthrange(year, month)[1])
    shifted = local.replace(year=year, month=month, day=day, tzinfo=None)
    return int(shifted.replace(tzinfo=AMSTERDAM).timestamp())


@lru_cache(maxsize=16384)
def format_local(moment: int) -> str:
    """`yyyy-MM-dd HH:mm:ss` in Europe/Amsterdam (memoized: records repeat their stamps)."""
    return datetime.fromtimestamp(moment, AMSTERDAM).strftime(_FORMAT)


def parse_local(text: str, name: str = "date") -> int:
    """Parse `yyyy-MM-dd HH:mm:ss` (Europe/Amsterdam) or raise 306 naming the field."""
    try:
        local = datetime.strptime(text, _FORMAT)
    except (TypeError, ValueError):
        raise DomainError(
            ErrorCode.INVALID_DATETIME_VALUE,
            f"Invalid datetime value for '{name}': {text!r} is not a date as yyyy-MM-dd HH:mm:ss.",
        ) from None
    if local.year < 1900:
        raise DomainError(
            ErrorCode.INVALID_DATETIME_VALUE,
            f"Invalid datetime value for '{name}': {text!r} is before 1900.",
        )
    return int(local.replace(tzinfo=AMSTERDAM).timestamp())


def parse_moment(text: str) -> int:
    """UTC epoch seconds from `yyyy-MM-dd HH:mm:ss` (Amsterdam) or from a number; ValueError."""
    if text.strip().lstrip("-").isdigit():
        return int(text)
    try:
        return parse_local(text.strip(), "now")
    except DomainError as error:
        raise ValueError(f"{text!r} is not 'yyyy-MM-dd HH:mm:ss' nor epoch seconds") from error
