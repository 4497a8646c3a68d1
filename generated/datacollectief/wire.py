"""The service's wire formats: Amsterdam wall-clock date-times and comma-separated ID lists."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

__all__ = [
    "AMSTERDAM",
    "WIRE_FORMAT",
    "format_datetime",
    "format_ids",
    "parse_datetime",
    "parse_ids",
]

#: The service's time zone: every date-time on the wire is wall-clock time there.
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
#: `yyyy-MM-dd HH:mm:ss`, as the service writes and reads date-times.
WIRE_FORMAT = "%Y-%m-%d %H:%M:%S"


def _exists(local: datetime) -> bool:
    """Whether an Amsterdam wall-clock time exists (it does not in the spring-forward gap)."""
    there_and_back = local.astimezone(UTC).astimezone(AMSTERDAM)
    return there_and_back.replace(tzinfo=None) == local.replace(tzinfo=None)


def format_datetime(moment: datetime) -> str:
    """A moment as the service reads it: Amsterdam wall-clock time, to the second.

    An aware datetime is converted to Amsterdam time. A naive one is taken as Amsterdam wall-clock
    time already; one in the spring-forward gap (which the service refuses with 306) raises
    `ValueError`. Fractions of a second are dropped.
    """
    if moment.tzinfo is None:
        local = moment.replace(tzinfo=AMSTERDAM)
        if not _exists(local):
            raise ValueError(f"{moment} does not exist in Europe/Amsterdam (a DST gap)")
    else:
        local = moment.astimezone(AMSTERDAM)
    return local.strftime(WIRE_FORMAT)


def parse_datetime(text: str) -> datetime:
    """An aware datetime (Europe/Amsterdam) from the service's `yyyy-MM-dd HH:mm:ss`.

    In the autumn's repeated hour the text cannot tell the two moments apart: the first is
    returned (`fold=0`). A time in the spring-forward gap raises `ValueError`.
    """
    local = datetime.strptime(text, WIRE_FORMAT).replace(tzinfo=AMSTERDAM)
    if not _exists(local):
        raise ValueError(f"{text} does not exist in Europe/Amsterdam (a DST gap)")
    return local


def format_ids(ids: Iterable[int]) -> str:
    """IDs as the v1 requests take them: `1,2,3`."""
    values = [int(value) for value in ids]
    if any(value < 1 for value in values):
        raise ValueError("IDs are positive integers")
    return ",".join(str(value) for value in values)


def parse_ids(text: str) -> list[int]:
    """The IDs of a comma-separated list (blanks around them are allowed)."""
    return [int(part) for part in text.split(",") if part.strip()]
