"""The injected clock, calendar-month arithmetic and the service's local date format."""

from __future__ import annotations

import calendar
import time
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from .errors import DomainError, ErrorCode

__all__ = [
    "AMSTERDAM",
    "Clock",
    "add_months",
    "format_local",
    "parse_local",
]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_FORMAT = "%Y-%m-%d %H:%M:%S"


class Clock:
    """Virtual time in UTC epoch seconds: frozen at a moment, or running from one."""

    def __init__(
        self,
        start: float | None = None,
        *,
        frozen: bool = False,
        real: Callable[[], float] = time.time,
    ) -> None:
        self._real = real
        self._anchor_real = real()
        self._anchor = self._anchor_real if start is None else float(start)
        self.frozen = frozen

    def now(self) -> int:
        """The current virtual moment, whole seconds."""
        if self.frozen:
            return int(self._anchor)
        return int(self._anchor + (self._real() - self._anchor_real))

    def set(self, moment: float, *, frozen: bool | None = None) -> None:
        """Jump to `moment`; optionally freeze or unfreeze."""
        self._anchor_real = self._real()
        self._anchor = float(moment)
        if frozen is not None:
            self.frozen = frozen

    def advance(self, *, months: int = 0, days: int = 0, seconds: float = 0) -> int:
        """Move forward by calendar months (Amsterdam), days and seconds; return the new now."""
        moment = add_months(self.now(), months) if months else self.now()
        self.set(moment + days * 86400 + seconds)
        return self.now()


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
