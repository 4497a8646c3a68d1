"""Every visit of a website in a period: periods of 250 visits or more are split in two."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import chain

from datacollectief_client import AuthenticatedClient
from datacollectief_client.api.website_leads import list_website_leads
from datacollectief_client.models import LeadsResult, Visit

from .wire import WIRE_FORMAT, format_datetime, parse_datetime

__all__ = ["MAX_VISITS_PER_CALL", "WebsiteLeads", "website_leads", "website_leads_async"]

#: The most visits one WebsiteleadsLeads call answers.
MAX_VISITS_PER_CALL = 250


@dataclass
class WebsiteLeads:
    """The visits of a period, oldest first, and the seconds that held more than 250.

    ``crowded_seconds`` lists each one-second period (as an aware datetime) in which the
    service held more visits than one call can answer (Europe/Amsterdam): only its first 250
    are in ``visits``.
    ``calls`` counts the requests made.
    """

    visits: list[Visit] = field(default_factory=list)
    crowded_seconds: list[datetime] = field(default_factory=list)
    calls: int = 0


#: Periods are walked in Amsterdam wall-clock seconds, as the wire counts them, counted from here.
_WALL_ORIGIN = datetime(1970, 1, 1)


def _wall(moment: datetime) -> int:
    """A moment's Amsterdam wall-clock second (a naive one is wall-clock time already)."""
    local = parse_datetime(format_datetime(moment)).replace(tzinfo=None)
    return int((local - _WALL_ORIGIN).total_seconds())


def _wire(second: int) -> str:
    """A wall-clock second as the service reads it."""
    return (_WALL_ORIGIN + timedelta(seconds=second)).strftime(WIRE_FORMAT)


def _exists(second: int) -> bool:
    """Whether the wall-clock second exists (not in the spring-forward gap, which answers 306)."""
    try:
        parse_datetime(_wire(second))
    except ValueError:
        return False
    return True


def _middle(first: int, last: int) -> int:
    """Where to split [first, last]: near its middle, with both halves' bounds on the wire."""
    middle = (first + last) // 2
    candidates = chain(range(middle, last), range(middle - 1, first - 1, -1))
    return next(m for m in candidates if _exists(m) and _exists(m + 1))


def _held_back(answer: LeadsResult) -> bool | None:
    """Whether the service kept visits back, when the answer says (`Truncated`, `TotalCount`)."""
    total = answer.total_count
    if answer.truncated is True or (isinstance(total, int) and total > len(answer.visits)):
        return True
    return False if answer.truncated is False else None


def _is_cut(answer: LeadsResult) -> bool:
    """Whether to split the period: 250 visits came back, or the answer says some were kept."""
    return len(answer.visits) >= MAX_VISITS_PER_CALL or _held_back(answer) is True


class _Walk:
    """The periods still to ask, oldest first; [first, last] seconds, both inclusive."""

    def __init__(self, start: datetime, end: datetime) -> None:
        first, last = _wall(start), _wall(end)
        if first > last:
            raise ValueError("start lies after end")
        self.todo = [(first, last)]
        self.result = WebsiteLeads()

    def take(self, period: tuple[int, int], answer: LeadsResult) -> None:
        """Keep an answer, or split its period in two halves that do not overlap."""
        first, last = period
        self.result.calls += 1
        if _is_cut(answer) and first < last:
            middle = _middle(first, last)
            self.todo += [(middle + 1, last), (first, middle)]
            return
        if _is_cut(answer) and _held_back(answer) is not False:
            self.result.crowded_seconds.append(parse_datetime(_wire(first)))
        self.result.visits.extend(answer.visits)


def website_leads(
    client: AuthenticatedClient, website: str, start: datetime, end: datetime
) -> WebsiteLeads:
    """Every visit to `website` that started in [start, end] (both inclusive), oldest first.

    A call answers at most 250 visits; when one answers 250 or says `Truncated`, its period is
    split into two halves that share no second and each is asked, down to one-second periods.
    A second with more than 250 visits cannot be read whole: it is listed in `crowded_seconds`.
    Periods are walked in Amsterdam wall-clock seconds, as the wire counts them, so each wire
    second is asked once: the autumn's repeated hour is one wall-clock hour (its two passes
    cannot be told apart on the wire), and no bound falls in the spring-forward gap. Free of
    charge.
    """
    walk = _Walk(start, end)
    while walk.todo:
        period = walk.todo.pop()
        answer = list_website_leads.sync_or_raise(
            client=client, website=website, from_=_wire(period[0]), to=_wire(period[1])
        )
        walk.take(period, answer)
    return walk.result


async def website_leads_async(
    client: AuthenticatedClient, website: str, start: datetime, end: datetime
) -> WebsiteLeads:
    """The async twin of `website_leads`."""
    walk = _Walk(start, end)
    while walk.todo:
        period = walk.todo.pop()
        answer = await list_website_leads.asyncio_or_raise(
            client=client, website=website, from_=_wire(period[0]), to=_wire(period[1])
        )
        walk.take(period, answer)
    return walk.result
